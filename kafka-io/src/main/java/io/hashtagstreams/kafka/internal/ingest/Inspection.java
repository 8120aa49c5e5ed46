package io.hashtagstreams.kafka.internal.ingest;

import java.nio.charset.StandardCharsets;

/**
 * What one frame of a live stream is: a post (with its key, its cursor and event time), something without a post
 * to skip, an error message of the network, or malformed (with the reason).
 *
 * @param kind what the frame is
 * @param key the post's id as the record key, or null
 * @param cursorMicros Jetstream's {@code time_us}, or -1
 * @param eventMillis the post's event time, or {@link Long#MIN_VALUE} when unknown
 * @param postId the network's id of the post for gap fills (Mastodon), or null
 * @param reason why the frame is malformed, or what the error says
 */
public record Inspection(Kind kind, byte[] key, long cursorMicros, long eventMillis, String postId, String reason) {

  /** The kinds of frame. */
  public enum Kind {
    /** A post: written to the topic. */
    POST,
    /** Well-formed but no post: counted. */
    SKIP,
    /** An error message of the network: logged and counted. */
    ERROR,
    /** Not a JSON object of the expected shape: dead-lettered and counted. */
    MALFORMED
  }

  static Inspection post(String key, long cursorMicros, long eventMillis, String postId) {
    return new Inspection(Kind.POST, key == null ? null : key.getBytes(StandardCharsets.UTF_8), cursorMicros,
        eventMillis, postId, null);
  }

  static Inspection skip(String what) {
    return new Inspection(Kind.SKIP, null, -1, Long.MIN_VALUE, null, what);
  }

  static Inspection error(String message) {
    return new Inspection(Kind.ERROR, null, -1, Long.MIN_VALUE, null, message);
  }

  static Inspection malformed(String reason) {
    return new Inspection(Kind.MALFORMED, null, -1, Long.MIN_VALUE, null, reason);
  }
}
