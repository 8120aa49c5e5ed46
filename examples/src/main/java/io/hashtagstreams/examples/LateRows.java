package io.hashtagstreams.examples;

import java.util.Locale;

import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * The rows a micro-batch dropped behind the watermark and where they lay in event time, read from two figures Spark
 * already reports, without a second pass over the data:
 * <ul>
 *   <li>the count: {@code numRowsDroppedByWatermark} summed over the batch's stateful operators (one per (row,
 *       window) pair: a row of two sliding windows that both closed counts twice);</li>
 *   <li>{@code oldest row}: the batch's {@code eventTime.min}, the earliest {@code event_time} of any row the
 *       watermark operator saw. When the batch dropped a row at all, this oldest row was dropped too: a row is
 *       dropped for a window whose end is at or before the watermark, and the first window holding the oldest row
 *       ends no later than any window of any other row of the batch;</li>
 *   <li>{@code windows ending by}: the watermark the batch filtered late rows with, which is the one of the
 *       query's previous micro-batch (Spark keeps a window open for the rows of the batch whose watermark passes its
 *       end). Every dropped row belonged to a window ending at or before it. When the previous batch is not known
 *       (the first batch after a restart) the batch's own watermark stands in: never earlier, so still a true
 *       bound.</li>
 * </ul>
 * So the dropped rows lie in the windows from the one holding {@code oldest row} up to the ones ending by that
 * watermark; to keep them, give a {@code --watermark} longer than the input's disorder (README, "Late data").
 *
 * <pre>{@code
 * LateRows late = LateRows.of(progress, previousWatermark);
 * late.describe();   // "1100 late (oldest row 2015-03-14T15:00:00.000Z, windows ending by 2021-01-01T07:27:30.000Z)"
 * }</pre>
 *
 * @param count rows dropped behind the watermark
 * @param oldestRow the batch's earliest event time as Spark prints it, null when unknown or nothing was dropped
 * @param windowsEndingBy the watermark the late rows were filtered with, null when unknown or nothing was dropped
 */
record LateRows(long count, String oldestRow, String windowsEndingBy) {

  /** What Spark reports as the watermark until the first batch with data has set one. */
  static final String NO_WATERMARK = "1970-01-01T00:00:00.000Z";

  /**
   * The late rows of one batch.
   *
   * @param progress the batch's progress
   * @param previousWatermark the watermark of the query's previous micro-batch as Spark printed it, or null when
   *     not known
   * @return the count, and where the rows were when there were any
   */
  static LateRows of(StreamingQueryProgress progress, String previousWatermark) {
    long count = 0;
    for (StateOperatorProgress operator : progress.stateOperators()) {
      count += operator.numRowsDroppedByWatermark();
    }
    if (count == 0) {
      return new LateRows(0, null, null);
    }
    String oldest = eventTime(progress, "min");
    String bound = usable(previousWatermark) ? previousWatermark : eventTime(progress, "watermark");
    return new LateRows(count, oldest, usable(bound) ? bound : null);
  }

  /**
   * The watermark Spark reports for a batch, or null before the first one.
   *
   * @param progress a batch's progress
   * @return the watermark text, or null
   */
  static String watermarkOf(StreamingQueryProgress progress) {
    String watermark = eventTime(progress, "watermark");
    return usable(watermark) ? watermark : null;
  }

  private static String eventTime(StreamingQueryProgress progress, String key) {
    return progress.eventTime() == null ? null : progress.eventTime().get(key);
  }

  private static boolean usable(String watermark) {
    return watermark != null && !NO_WATERMARK.equals(watermark);
  }

  /**
   * {@code 0 late}, or {@code 1100 late (oldest row 2015-03-14T15:00:00.000Z, windows ending by
   * 2021-01-01T07:27:30.000Z)}; a part Spark did not report is left out.
   *
   * @return the text for a progress line
   */
  String describe() {
    return count + " late" + where();
  }

  /**
   * The same place, for a sentence: {@code " (oldest row ..., windows ending by ...)"}, empty when there is none.
   *
   * @return the text, with a leading space, or empty
   */
  String where() {
    if (oldestRow == null && windowsEndingBy == null) {
      return "";
    }
    StringBuilder text = new StringBuilder(" (");
    if (oldestRow != null) {
      text.append("oldest row ").append(oldestRow);
    }
    if (windowsEndingBy != null) {
      text.append(oldestRow == null ? "" : ", ").append("windows ending by ").append(windowsEndingBy);
    }
    return text.append(')').toString();
  }

  /**
   * The late rows of two stretches of a run together: counts added, the earlier oldest row, the later bound.
   *
   * @param other the other stretch
   * @return the sum
   */
  LateRows plus(LateRows other) {
    return new LateRows(count + other.count, earlier(oldestRow, other.oldestRow),
        later(windowsEndingBy, other.windowsEndingBy));
  }

  // Spark prints both as ISO-8601 UTC with milliseconds, so text order is time order (years 1000 to 9999).
  private static String earlier(String a, String b) {
    return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
  }

  private static String later(String a, String b) {
    return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "LateRows[%s]", describe());
  }
}
