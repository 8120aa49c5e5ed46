package io.hashtagstreams.core.internal.json;

import io.hashtagstreams.core.Network;
import io.hashtagstreams.core.PostFormat;
import io.hashtagstreams.core.RejectReason;

/**
 * What {@link PostScanner} read from one record; reused from record to record, so copy what you keep.
 *
 * <p>Exactly one outcome holds: {@link #accepted()} (the post fields are set), {@link #excluded()} (a repost
 * dropped on purpose), or a {@link #reason()}. {@link #format()} is set whenever the format was recognised, also
 * for rejected records.
 */
public final class ScanResult {

  String id;
  String author;
  String text;
  long eventTimeMillis;
  String lang;
  boolean retweet;
  String[] tags;
  PostFormat format;
  boolean excluded;
  RejectReason reason;

  void reset() {
    id = null;
    author = null;
    text = null;
    eventTimeMillis = 0;
    lang = null;
    retweet = false;
    tags = null;
    format = null;
    excluded = false;
    reason = null;
  }

  ScanResult reject(RejectReason why) {
    reason = why;
    return this;
  }

  /** The post was read: {@code id}, {@code network}, {@code text}, {@code eventTimeMillis} are set. */
  public boolean accepted() {
    return reason == null && !excluded;
  }

  /** A repost dropped because reposts are excluded: neither extracted nor rejected. */
  public boolean excluded() {
    return excluded;
  }

  /** Why the record was rejected, or null. */
  public RejectReason reason() {
    return reason;
  }

  /** The record's format, or null when it was not recognised (not JSON, not an object, ...). */
  public PostFormat format() {
    return format;
  }

  /** The network of {@link #format()}, or null. */
  public Network network() {
    return format == null ? null : format.network();
  }

  /** The id naming the post on its network: tweet id, {@code at://} URI, Status {@code uri}. */
  public String id() {
    return id;
  }

  /** The author's id on the network (user id, DID, account URL), or null when the record has none. */
  public String author() {
    return author;
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

  /**
   * The network's own hashtag list of the post, without signs, as written; null when the record carries none (then
   * the network's text rules apply to {@link #text()}). Not to be modified.
   */
  public String[] tags() {
    return tags;
  }
}
