package io.hashtagstreams.core.internal.window;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.unix_millis;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;

import io.hashtagstreams.core.TrendOptions;

/**
 * {@code trendingTopics}: two plans around one {@link TrendBook}.
 *
 * <ul>
 *   <li>Streaming: rows are assigned to their tumbling windows and all go to ONE {@code flatMapGroupsWithState}
 *       group (a constant key) with an event-time timeout, see {@link TrendingFunction}. Why one group: a score
 *       needs the window's total over all topics and the ranking needs all topics, and Spark 3.5 allows no
 *       {@code flatMapGroupsWithState} after a streaming aggregation, so per-topic state feeding a per-window
 *       ranking would need two chained stateful operators. Scaling limit: one task holds and rewrites the whole
 *       book every micro-batch, about (distinct topics per window) x (history + open windows) entries; Spark 4's
 *       {@code transformWithState} (list and map state per key) would allow per-topic state instead.</li>
 *   <li>Batch: Spark's {@code groupBy(window start, topic).count()}, then all counts in one group through
 *       {@link TrendingBatchFunction}.</li>
 * </ul>
 */
public final class TrendingTopics {

  static final String OPERATOR = "trendingTopics";

  private TrendingTopics() {
  }

  /** See {@link io.hashtagstreams.core.HashtagOps#trendingTopics(TrendOptions)}. */
  public static Dataset<Row> rank(Dataset<Row> input, TrendOptions options) {
    if (options == null) {
      throw new IllegalArgumentException(OPERATOR + ": options must not be null");
    }
    Dataset<Row> windowed = WindowedCounting.assignWindows(input, OPERATOR, options.window(), options.window(),
        options.watermark());
    Dataset<Row> ranked = input.isStreaming() ? rankStreaming(windowed, options) : rankBatch(windowed, options);
    long windowMillis = options.window().toMillis();
    return ranked.select(
        struct(timestamp_millis(col("start_ms")).as("start"),
            timestamp_millis(col("start_ms").plus(lit(windowMillis))).as("end")).as("window"),
        col("rank"), col("topic"), col("count"), col("baseline"), col("score"));
  }

  private static Dataset<Row> rankStreaming(Dataset<Row> windowed, TrendOptions options) {
    return windowed
        .select(unix_millis(col("window.start")).as("startMs"), col("topic"), col("window"))
        .as(Encoders.bean(WindowedTopic.class))
        .groupByKey((MapFunction<WindowedTopic, Integer>) row -> 0, Encoders.INT())
        .flatMapGroupsWithState(new TrendingFunction(options), OutputMode.Append(),
            Encoders.bean(TrendState.class), Encoders.row(TrendRows.SCHEMA), GroupStateTimeout.EventTimeTimeout());
  }

  private static Dataset<Row> rankBatch(Dataset<Row> windowed, TrendOptions options) {
    return windowed
        .groupBy(unix_millis(col("window.start")).as("startMs"), col("topic"))
        .agg(count(lit(1)).as("count"))
        .as(Encoders.bean(WindowedCount.class))
        .groupByKey((MapFunction<WindowedCount, Integer>) row -> 0, Encoders.INT())
        .flatMapGroups(new TrendingBatchFunction(options), Encoders.row(TrendRows.SCHEMA));
  }
}
