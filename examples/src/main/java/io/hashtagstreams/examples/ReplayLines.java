package io.hashtagstreams.examples;

import java.time.Duration;
import java.util.Locale;

import io.hashtagstreams.kafka.replay.ReplayProgress;

/**
 * The lines {@code replay} and {@code --input} print on standard error about a {@link ReplayProgress}.
 *
 * <pre>
 * [replay] 412,000 records, 1,730.4 MB, 61,204 records/s, 37.5%, ETA 1m 52s, at stream.tar!2016/07/01/00/37.json.bz2
 * [replay] done: 1,100,000 records, 4,620.0 MB, 1440 files/entries, 2 empty lines skipped, 0 records skipped by --skip, 3m 1s
 * </pre>
 */
final class ReplayLines {

  private ReplayLines() {
  }

  /**
   * One line for a progress report, or the summary when {@link ReplayProgress#finished()}.
   *
   * @param prefix e.g. {@code [replay]}
   * @param progress the report
   * @return the line, without a line separator
   */
  static String format(String prefix, ReplayProgress progress) {
    if (progress.finished()) {
      return String.format(Locale.ROOT, "%s done: %,d records, %,.1f MB, %d files/entries, %d empty lines skipped,"
          + " %d records skipped by --skip, %s", prefix, progress.records(), progress.megabytes(), progress.sources(),
          progress.emptyLines(), progress.skipped(), duration(progress.elapsed()));
    }
    double percent = progress.percent();
    Duration eta = progress.eta();
    return String.format(Locale.ROOT, "%s %,d records, %,.1f MB, %,.0f records/s%s%s, at %s", prefix,
        progress.records(), progress.megabytes(), progress.recordsPerSecond(),
        percent >= 0 ? String.format(Locale.ROOT, ", %.1f%%", percent) : "",
        eta != null ? ", ETA " + duration(eta) : "", progress.source());
  }

  /** {@code 1h 2m 3s}, {@code 2m 3s}, {@code 4.2s}. */
  static String duration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    return (hours > 0 ? hours + "h " : "") + minutes + "m " + seconds % 60 + "s";
  }
}
