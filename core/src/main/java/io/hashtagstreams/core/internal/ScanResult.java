package io.hashtagstreams.core.internal;

import io.hashtagstreams.core.RejectReason;

/**
 * What {@link TweetScanner} read from one record; reused from record to record, so copy what you keep.
 *
 * <p>Exactly one outcome holds: {@link #accepted()} (the tweet fields are set), {@link #excluded()} (a retweet
 * dropped on purpose), or a {@link #reason()}.
 */
final class ScanResult {

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
  boolean accepted() {
    return reason == null && !excluded;
  }

  /** A retweet dropped because retweets are excluded: neither extracted nor rejected. */
  boolean excluded() {
    return excluded;
  }

  /** Why the record was rejected, or null. */
  RejectReason reason() {
    return reason;
  }

  long id() {
    return id;
  }

  String text() {
    return text;
  }

  long eventTimeMillis() {
    return eventTimeMillis;
  }

  String lang() {
    return lang;
  }

  boolean retweet() {
    return retweet;
  }
}
