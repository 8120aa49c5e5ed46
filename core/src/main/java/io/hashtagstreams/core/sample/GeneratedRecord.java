package io.hashtagstreams.core.sample;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.hashtagstreams.core.PostFormat;
import io.hashtagstreams.core.RejectReason;

/**
 * One line produced by {@link TweetGenerator}: the bytes as the stream would deliver them, and the ground truth
 * a correct reader must find in them.
 *
 * <p>For the tweet kinds ({@link #isTweet()}) the ground truth is what
 * {@link io.hashtagstreams.core.HashtagOps#extractText()} must return: {@link #id()}, {@link #fullText()},
 * {@link #createdAt()}, {@link #lang()}, {@link #isRetweet()}, and the hashtags of the full text as written
 * ({@link #hashtags()}). For the other kinds, {@link #expectedRejectReason()} is the reason
 * {@link io.hashtagstreams.core.HashtagOps#rejected()} must give.
 *
 * <pre>{@code
 * GeneratedRecord record = TweetGenerator.builder().seed(7).build().next();
 * if (record.isTweet()) {
 *   System.out.println(record.id() + " " + record.hashtags());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class GeneratedRecord {

  /**
   * What a generated line is.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** An ordinary tweet of at most 140 characters (sometimes quoting another tweet). */
    TWEET,
    /** A retweet: its own {@code text} is truncated "RT @name: ..."; the full text is the retweeted tweet's. */
    RETWEET,
    /** A long tweet: {@code truncated: true}, the full text in {@code extended_tweet.full_text}. */
    EXTENDED_TWEET,
    /** A stream delete notice {@code {"delete":...}}. */
    DELETE_NOTICE,
    /** A stream limit notice {@code {"limit":...}}. */
    LIMIT_NOTICE,
    /** A truncated tweet, garbage, or a tweet with bytes that are not UTF-8. */
    MALFORMED
  }

  private final Kind kind;
  private final byte[] bytes;
  private final long id;
  private final String fullText;
  private final long timestampMs;
  private final String lang;
  private final List<String> hashtags;
  private final RejectReason expectedRejectReason;
  private final Burst burst;
  private PostFormat format = PostFormat.TWITTER_V1;
  private String postId;

  private GeneratedRecord(Kind kind, byte[] bytes, long id, String fullText, long timestampMs, String lang,
      List<String> hashtags, RejectReason expectedRejectReason, Burst burst) {
    this.kind = kind;
    this.bytes = bytes;
    this.id = id;
    this.fullText = fullText;
    this.timestampMs = timestampMs;
    this.lang = lang;
    this.hashtags = hashtags;
    this.expectedRejectReason = expectedRejectReason;
    this.burst = burst;
  }

  static GeneratedRecord tweet(Kind kind, byte[] bytes, long id, String fullText, long timestampMs, String lang,
      List<String> hashtags) {
    return new GeneratedRecord(kind, bytes, id, fullText, timestampMs, lang, List.copyOf(hashtags), null, null);
  }

  static GeneratedRecord burstTweet(Burst burst, byte[] bytes, long id, String fullText, long timestampMs,
      String lang, List<String> hashtags) {
    return new GeneratedRecord(Kind.TWEET, bytes, id, fullText, timestampMs, lang, List.copyOf(hashtags), null,
        burst);
  }

  static GeneratedRecord other(Kind kind, byte[] bytes, long timestampMs, RejectReason reason) {
    return new GeneratedRecord(kind, bytes, 0, null, timestampMs, null, List.of(), reason, null);
  }

  /** Sets the format the line was written in and the post's id there; called once, right after creation. */
  GeneratedRecord inFormat(PostFormat written, String id) {
    this.format = written;
    this.postId = id;
    return this;
  }

  /**
   * The format this line was written in ({@link TweetGenerator.Builder#formats(PostFormat...)}).
   *
   * @return the format
   * @since 0.3.0
   */
  public PostFormat format() {
    return format;
  }

  /**
   * The post's id as {@code extractText} writes it in column {@code id}: the tweet id in decimal, the Bluesky
   * {@code at://} URI, the Mastodon status URI.
   *
   * @return the id
   * @throws IllegalStateException when {@link #isTweet()} is false
   * @since 0.3.0
   */
  public String postId() {
    if (!isTweet()) {
      throw new IllegalStateException("a " + kind + " line has no post id");
    }
    return postId != null ? postId : Long.toString(id);
  }

  /**
   * The {@code event_time} that {@code extractText} gives this line with the default options: {@link #createdAt()}
   * (whole seconds) for Twitter v1.1 and X API v2, {@link #timestamp()} (milliseconds) for Bluesky and Mastodon,
   * whose times carry milliseconds.
   *
   * @return the event time
   * @throws IllegalStateException when {@link #isTweet()} is false
   * @since 0.3.0
   */
  public Instant eventTime() {
    return format == PostFormat.TWITTER_V1 || format == PostFormat.X_V2 ? createdAt() : timestamp();
  }

  /** What this line is. */
  public Kind kind() {
    return kind;
  }

  /** Whether this line is a tweet that {@code extractText} must return (TWEET, RETWEET or EXTENDED_TWEET). */
  public boolean isTweet() {
    return kind == Kind.TWEET || kind == Kind.RETWEET || kind == Kind.EXTENDED_TWEET;
  }

  /** Whether this line is a retweet. */
  public boolean isRetweet() {
    return kind == Kind.RETWEET;
  }

  /** A copy of the line's bytes, without a line terminator: ASCII JSON, except for some MALFORMED lines. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The number of bytes of the line. */
  public int size() {
    return bytes.length;
  }

  /**
   * The line as a string.
   *
   * @throws IllegalStateException when the line is MALFORMED with bytes that are not UTF-8 (use {@link #bytes()})
   */
  public String json() {
    if (expectedRejectReason == RejectReason.INVALID_UTF8) {
      throw new IllegalStateException("this line is not valid UTF-8 on purpose; use bytes()");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * The tweet id ({@code id} of the top-level object).
   *
   * @throws IllegalStateException when {@link #isTweet()} is false
   */
  public long id() {
    requireTweet("id");
    return id;
  }

  /**
   * The complete text, HTML escapes decoded: the retweeted tweet's full text for a retweet, the extended text
   * of a long tweet, else {@code text}.
   *
   * @throws IllegalStateException when {@link #isTweet()} is false
   */
  public String fullText() {
    requireTweet("fullText");
    return fullText;
  }

  /**
   * The {@code created_at} instant (whole seconds), the default {@code event_time}.
   *
   * @throws IllegalStateException when {@link #isTweet()} is false
   */
  public Instant createdAt() {
    requireTweet("createdAt");
    return Instant.ofEpochSecond(Math.floorDiv(timestampMs, 1000));
  }

  /**
   * The {@code timestamp_ms} instant (milliseconds): the generator's clock for this line, for every kind.
   */
  public Instant timestamp() {
    return Instant.ofEpochMilli(timestampMs);
  }

  /**
   * The top-level {@code lang}.
   *
   * @throws IllegalStateException when {@link #isTweet()} is false
   */
  public String lang() {
    requireTweet("lang");
    return lang;
  }

  /**
   * The hashtags placed in {@link #fullText()}, in order, without {@code #}, exactly as written (case kept,
   * repeats kept): what a twitter-text extractor finds there. Links with a {@code #fragment} are not included.
   *
   * @throws IllegalStateException when {@link #isTweet()} is false
   */
  public List<String> hashtags() {
    requireTweet("hashtags");
    return hashtags;
  }

  /**
   * The scheduled burst this line belongs to, or null for the ordinary stream. A burst line is a TWEET whose
   * {@link #hashtags()} end with the burst's tag.
   *
   * @return the burst, or null
   * @since 0.2.0
   */
  public Burst burst() {
    return burst;
  }

  /** The reason {@code rejected()} must give this line, or null for tweets. */
  public RejectReason expectedRejectReason() {
    return expectedRejectReason;
  }

  private void requireTweet(String what) {
    if (!isTweet()) {
      throw new IllegalStateException(what + " is only known for tweets, but this line is " + kind);
    }
  }

  @Override
  public String toString() {
    return "GeneratedRecord{" + kind + ", " + bytes.length + " bytes"
        + (isTweet() ? ", id=" + id + ", hashtags=" + hashtags : ", expected " + expectedRejectReason) + "}";
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof GeneratedRecord)) {
      return false;
    }
    GeneratedRecord that = (GeneratedRecord) other;
    return kind == that.kind && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * kind.hashCode() + Arrays.hashCode(bytes);
  }
}
