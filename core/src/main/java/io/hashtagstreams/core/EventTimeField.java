package io.hashtagstreams.core;

/**
 * Which field of a tweet becomes {@code event_time} in {@link HashtagOps#extractText(ExtractOptions)}.
 *
 * @since 0.1.0
 */
public enum EventTimeField {
  /** {@code created_at}, as {@code EEE MMM dd HH:mm:ss Z yyyy} with English names (the default). */
  CREATED_AT,
  /** {@code timestamp_ms}, milliseconds since the epoch as a string or number (stream messages only). */
  TIMESTAMP_MS
}
