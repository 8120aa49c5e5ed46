package io.hashtagstreams.kafka.replay;

import java.time.Duration;

/**
 * Where a replay stands: what was sent and acknowledged, what was read, and how far it is.
 *
 * <pre>{@code
 * Replayer.builder()...progressListener(p -> System.err.printf("%d records, %.1f%%%n", p.records(), p.percent()))
 * }</pre>
 *
 * @param records records handed to the producer (after {@code skip})
 * @param acknowledged records the brokers acknowledged
 * @param bytes value bytes of the records sent
 * @param skipped records skipped by {@code skip}
 * @param emptyLines empty lines skipped
 * @param sources files and tar entries opened
 * @param source the file or {@code tar!entry} being read
 * @param inputBytesRead bytes read from disk (compressed for compressed inputs), over all passes of a loop
 * @param inputBytesTotal the input files' size on disk (one pass)
 * @param limit the record limit, or 0 for none
 * @param looping whether the inputs are replayed again and again
 * @param elapsed time since the replay started
 * @param finished whether this is the final summary
 * @since 0.2.0
 */
public record ReplayProgress(long records, long acknowledged, long bytes, long skipped, long emptyLines,
    long sources, String source, long inputBytesRead, long inputBytesTotal, long limit, boolean looping,
    Duration elapsed, boolean finished) {

  /**
   * Records sent per second so far.
   *
   * @return the average rate, 0 before any time passed
   */
  public double recordsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : records / seconds;
  }

  /**
   * Megabytes (10^6 bytes) of values sent.
   *
   * @return the size
   */
  public double megabytes() {
    return bytes / 1e6;
  }

  /**
   * How much of the work is done, in percent: from the bytes read of the input files, or the records sent of
   * {@code limit}, whichever is further; unknown when looping without a limit.
   *
   * @return 0 to 100, or a negative number when unknown
   */
  public double percent() {
    double byRecords = limit > 0 ? 100.0 * records / limit : -1;
    if (looping || inputBytesTotal <= 0) {
      return byRecords;
    }
    return Math.min(100.0, Math.max(byRecords, 100.0 * inputBytesRead / inputBytesTotal));
  }

  /**
   * The estimated time left, from the average speed so far.
   *
   * @return the estimate, or null when the total is unknown or nothing is done yet
   */
  public Duration eta() {
    double percent = percent();
    if (percent <= 0 || finished) {
      return finished ? Duration.ZERO : null;
    }
    return Duration.ofMillis((long) (elapsed.toMillis() * (100.0 - percent) / percent));
  }
}
