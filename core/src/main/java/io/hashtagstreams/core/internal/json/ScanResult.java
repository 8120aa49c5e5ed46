package io.hashtagstreams.core.internal.json;

import io.hashtagstreams.core.RejectReason;

/**
 * What {@link TweetScanner} read from one record; reused from record to record, so copy what you keep.
 *
 * <p>Exactly one outcome holds: {@link #accepted()} (the tweet fields are set), {@link #excluded()} (a retweet
 * dropped on purpose), or a {@link #reason()}.
 */
public final class ScanResult {

  long id;
  String text;
  long eventTimeMillis;
  String lang;
  boolean retweet;
  boolean excluded;
  RejectReason reason;

  void reset() {
    id = 0;
    text = null;
    eventTimeMillis = 0;
    lang = null;
    retweet = false;
    excluded = false;
    reason = null;
  }

  ScanResult reject(RejectReason why) {
    reason = why;
    return this;
  }

  /** The tweet was read: {@code id}, {@code text}, {@code eventTimeMillis}, {@code lang}, {@code retweet}. */
  public boolean accepted() {
    return reason == null && !excluded;
  }

  /** A retweet dropped because retweets are excluded: neither extracted nor rejected. */
  public boolean excluded() {
    return excluded;
  }

  /** Why the record was rejected, or null. */
  public RejectReason reason() {
    return reason;
  }

  public long id() {
    return id;
  }

  public String text() {
    return text;
  }

  public long eventTimeMillis() {
    return eventTimeMillis;
  }

  public String lang() {
    return lang;
  }

  public boolean retweet() {
    return retweet;
  }
}
