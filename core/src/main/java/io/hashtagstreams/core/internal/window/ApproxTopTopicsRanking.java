package io.hashtagstreams.core.internal.window;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.udaf;

import java.time.Duration;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * {@code approxTopTopics}: one plan for batch and streaming. Rows are assigned to their windows as
 * {@code windowedCounts} does, grouped by window only, and aggregated by {@link FrequentTopicsAggregator} (a
 * frequent-items sketch per window, partial per partition, merged in the shuffle); the aggregate's top {@code k}
 * are then turned into rows with {@code posexplode}. No sort or limit is involved, so Spark accepts the plan in
 * append, update and complete mode, and its streaming state is one serialized sketch per open window.
 */
public final class ApproxTopTopicsRanking {

  static final String OPERATOR = "approxTopTopics";

  /** The sketch's smallest map (DataSketches' {@code LG_MIN_MAP_SIZE} is 3). */
  public static final int MIN_MAX_TRACKED = 8;

  /**
   * The largest map accepted: 2^24, i.e. up to 12.6 million tracked topics, a state row of several hundred MB.
   * The sketch itself would go further, but a Spark row (and a state store value) must stay well below 2 GB.
   */
  public static final int MAX_MAX_TRACKED = 1 << 24;

  private ApproxTopTopicsRanking() {
  }

  /**
   * See {@link io.hashtagstreams.core.HashtagOps#approxTopTopics(int, int, Duration, Duration, Duration)}.
   */
  public static Dataset<Row> rank(Dataset<Row> input, int k, int maxTracked, Duration window, Duration slide,
      Duration watermark) {
    if (k < 1) {
      throw new IllegalArgumentException(OPERATOR + ": k must be at least 1, but it is " + k);
    }
    requireMaxTracked(maxTracked);
    DurationChecks.requireWindowSpec(OPERATOR, window, slide, watermark);
    Column sketchTop = udaf(new FrequentTopicsAggregator(k, maxTracked), Encoders.STRING())
        .apply(col("topic"));
    return WindowedCounting.assignWindows(input, OPERATOR, window, slide, watermark)
        .groupBy(col("window"))
        .agg(sketchTop.as("top"))
        .select(col("window"), col("top"), posexplode(col("top.topics")).as(new String[] {"pos", "topic"}))
        .select(
            col("window"),
            col("pos").plus(lit(1)).as("rank"),
            col("topic"),
            element_at(col("top.estimates"), col("pos").plus(lit(1))).as("count"),
            element_at(col("top.lowerBounds"), col("pos").plus(lit(1))).as("count_lower"),
            element_at(col("top.upperBounds"), col("pos").plus(lit(1))).as("count_upper"));
  }

  /**
   * Checks {@code maxTracked}: a power of two from {@link #MIN_MAX_TRACKED} to {@link #MAX_MAX_TRACKED}. It is not
   * rounded: the bound width ({@code 3.5 / maxTracked} of the window's volume) and the state size follow it, so the
   * caller should see the value that is used.
   */
  static void requireMaxTracked(int maxTracked) {
    if (maxTracked < MIN_MAX_TRACKED || maxTracked > MAX_MAX_TRACKED || Integer.bitCount(maxTracked) != 1) {
      String hint = maxTracked > MIN_MAX_TRACKED && maxTracked < MAX_MAX_TRACKED
          ? " (the nearest are " + Integer.highestOneBit(maxTracked) + " and " + (Integer.highestOneBit(maxTracked) << 1)
              + ")"
          : "";
      throw new IllegalArgumentException(OPERATOR + ": maxTracked must be a power of two from " + MIN_MAX_TRACKED
          + " to " + MAX_MAX_TRACKED + ", but it is " + maxTracked + hint);
    }
  }
}
