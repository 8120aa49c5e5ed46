package io.hashtagstreams.core.internal.window;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.window;

import java.time.Duration;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import io.hashtagstreams.core.internal.ColumnChecks;

/**
 * {@code windowedCounts}: Spark's own window aggregation with the watermark set on {@code event_time} first, so
 * the aggregation is keyed by a watermarked window and append mode is accepted.
 */
public final class WindowedCounting {

  static final String OPERATOR = "windowedCounts";

  private WindowedCounting() {
  }

  /** See {@link io.hashtagstreams.core.HashtagOps#windowedCounts(Duration, Duration, Duration)}. */
  public static Dataset<Row> count(Dataset<Row> input, Duration window, Duration slide, Duration watermark) {
    DurationChecks.requireWindowSpec(OPERATOR, window, slide, watermark);
    return assignWindows(input, OPERATOR, window, slide, watermark)
        .groupBy(col("window"), col("topic"))
        .count();
  }

  /** See {@link io.hashtagstreams.core.HashtagOps#windowedCountsByNetwork(Duration, Duration, Duration)}. */
  public static Dataset<Row> countByNetwork(Dataset<Row> input, Duration window, Duration slide,
      Duration watermark) {
    String operator = "windowedCountsByNetwork";
    DurationChecks.requireWindowSpec(operator, window, slide, watermark);
    ColumnChecks.requireColumns(input, operator, "network");
    ColumnChecks.requireColumnType(input, operator, "network", DataTypes.StringType);
    requireInput(input, operator);
    return input
        .withWatermark("event_time", DurationChecks.sparkInterval(watermark))
        .where(col("topic").isNotNull().and(col("event_time").isNotNull()))
        .select(window(col("event_time"), DurationChecks.sparkInterval(window), DurationChecks.sparkInterval(slide))
            .as("window"), col("network"), col("topic"))
        .groupBy(col("window"), col("network"), col("topic"))
        .count();
  }

  /**
   * Checks the input, sets the watermark and replaces {@code event_time} by its {@code window}: the columns
   * {@code window, topic}, one row per (row, window) pair, rows with a null topic or null event time left out.
   */
  static Dataset<Row> assignWindows(Dataset<Row> input, String operator, Duration window, Duration slide,
      Duration watermark) {
    return assignWindows(input, operator, window, slide, watermark, java.util.List.of());
  }

  /** As {@link #assignWindows(Dataset, String, Duration, Duration, Duration)}, keeping {@code keep} after topic. */
  static Dataset<Row> assignWindows(Dataset<Row> input, String operator, Duration window, Duration slide,
      Duration watermark, java.util.List<String> keep) {
    requireInput(input, operator);
    org.apache.spark.sql.Column[] columns = new org.apache.spark.sql.Column[keep.size() + 2];
    columns[0] = window(col("event_time"), DurationChecks.sparkInterval(window), DurationChecks.sparkInterval(slide))
        .as("window");
    columns[1] = col("topic");
    for (int i = 0; i < keep.size(); i++) {
      columns[i + 2] = col(keep.get(i));
    }
    return input
        .withWatermark("event_time", DurationChecks.sparkInterval(watermark))
        .where(col("topic").isNotNull().and(col("event_time").isNotNull()))
        .select(columns);
  }

  private static void requireInput(Dataset<Row> input, String operator) {
    ColumnChecks.requireColumns(input, operator, "event_time", "topic");
    ColumnChecks.requireColumnType(input, operator, "event_time", DataTypes.TimestampType);
    ColumnChecks.requireColumnType(input, operator, "topic", DataTypes.StringType);
    if (input.schema().apply("event_time").metadata().contains("spark.watermarkDelayMs")) {
      throw new IllegalArgumentException(operator + " sets the watermark on 'event_time' itself, but the input "
          + "already has one (delay " + input.schema().apply("event_time").metadata().getLong("spark.watermarkDelayMs")
          + " ms): remove the withWatermark call and pass that delay as the watermark argument");
    }
  }
}
