package io.hashtagstreams.examples;

import java.time.Duration;
import java.util.Locale;

import io.hashtagstreams.kafka.ingest.IngestProgress;

/**
 * The lines {@code ingest} and {@code --live} print on standard error about an {@link IngestProgress}.
 *
 * <pre>
 * [ingest] jetstream: 41,200 posts (41,180 acked), 412.0 posts/s, 38.5 MB, lag 1.2s, 0 reconnects, 0 malformed, 310 skipped, queue 0
 * [ingest] jetstream done: 41,200 posts, 38.5 MB, 1 reconnects, 0 malformed, 310 skipped, 0 error messages, 0 recovered, 0 unrecovered gaps, 1m 40s
 * </pre>
 */
final class IngestLines {

  private IngestLines() {
  }

  /**
   * One line for a progress report, or the summary when {@link IngestProgress#finished()}.
   *
   * @param prefix e.g. {@code [ingest]}
   * @param progress the report
   * @return the line, without a line separator
   */
  static String format(String prefix, IngestProgress progress) {
    if (progress.finished()) {
      return String.format(Locale.ROOT, "%s %s done: %,d posts, %,.1f MB, %d reconnects, %d malformed, %d skipped,"
          + " %d error messages, %d recovered, %d unrecovered gaps, %s", prefix, progress.source(),
          progress.messages(), progress.megabytes(), progress.reconnects(), progress.malformed(), progress.skipped(),
          progress.errorMessages(), progress.recovered(), progress.unrecoveredGaps(),
          ReplayLines.duration(progress.elapsed()));
    }
    Duration lag = progress.eventTimeLag();
    return String.format(Locale.ROOT, "%s %s: %,d posts (%,d acked), %,.1f posts/s, %,.1f MB, lag %s, %d reconnects,"
        + " %d malformed, %d skipped, queue %d", prefix, progress.source(), progress.messages(),
        progress.acknowledged(), progress.messagesPerSecond(), progress.megabytes(),
        lag == null ? "-" : ReplayLines.duration(lag.isNegative() ? Duration.ZERO : lag), progress.reconnects(),
        progress.malformed(), progress.skipped(), progress.queued());
  }
}
