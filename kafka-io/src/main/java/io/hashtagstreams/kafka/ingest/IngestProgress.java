package io.hashtagstreams.kafka.ingest;

import java.time.Duration;

/**
 * Where a live ingest stands: what arrived, what Kafka acknowledged, what was set aside, how often the connection
 * was lost, and how far the posts' event time lags behind the clock.
 *
 * <pre>{@code
 * Ingester.builder()...progressListener(p -> System.err.printf("%.0f msg/s, lag %s%n",
 *     p.messagesPerSecond(), p.eventTimeLag()))
 * }</pre>
 *
 * @param source the network ({@code jetstream}, {@code mastodon}, {@code x})
 * @param messages post messages handed to the producer
 * @param acknowledged post messages the brokers acknowledged
 * @param bytes value bytes of the messages handed to the producer
 * @param malformed frames that were not a JSON object of the expected shape (sent to the dead-letter topic when
 *     one is set, otherwise logged with their number)
 * @param skipped well-formed frames that carry no post (keep-alives, Jetstream identity and account events,
 *     Mastodon events other than {@code update})
 * @param errorMessages error messages the network sent in the stream (X's {@code errors} lines), logged
 * @param reconnects connections opened after the first
 * @param recovered posts fetched through the REST timeline after a reconnect (Mastodon)
 * @param unrecoveredGaps reconnects after which the gap could not be filled (Mastodon: the REST call failed or the
 *     gap was longer than the pages fetched; X: every reconnect without {@code backfill_minutes})
 * @param queued frames waiting between the socket and the producer
 * @param messagesPerSecond messages handed to the producer per second over the last interval
 * @param eventTimeLag the clock minus the event time of the last acknowledged post, or null before the first
 * @param elapsed time since the ingest started
 * @param finished whether this is the final summary
 * @since 0.3.0
 */
public record IngestProgress(String source, long messages, long acknowledged, long bytes, long malformed,
    long skipped, long errorMessages, long reconnects, long recovered, long unrecoveredGaps, int queued,
    double messagesPerSecond, Duration eventTimeLag, Duration elapsed, boolean finished) {

  /**
   * Megabytes (10^6 bytes) of values handed to the producer.
   *
   * @return the size
   */
  public double megabytes() {
    return bytes / 1e6;
  }

  /**
   * Messages per second on average since the start.
   *
   * @return the average, 0 before any time passed
   */
  public double averageMessagesPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : messages / seconds;
  }
}
