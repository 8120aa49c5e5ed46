package io.hashtagstreams.core.internal.window;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.unix_millis;

import java.time.Duration;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code topTopics}: two plans with one result.
 *
 * <ul>
 *   <li>Batch: Spark's window counts, then {@code row_number()} per window ordered by count descending and topic
 *       ascending, kept while at most {@code k}.</li>
 *   <li>Streaming: sort and limit are not allowed before a window is final, so rows are assigned to their windows
 *       (sliding windows expand a row into several), grouped by window start and ranked by
 *       {@link WindowRankingFunction} in {@code flatMapGroupsWithState} with an event-time timeout: one ranking per
 *       window, once the watermark passes its end, and no state left for it afterwards.</li>
 * </ul>
 *
 * <p>Both break ties in {@link String#compareTo} order: the batch plan sorts on the topic's UTF-16BE bytes, whose
 * unsigned byte order is exactly that order (Spark's own string order is UTF-8 byte order, which differs for
 * characters above U+FFFF).
 */
public final class TopTopicsRanking {

  static final String OPERATOR = "topTopics";

  private static final StructType RANKED = new StructType()
      .add("start_ms", DataTypes.LongType, false)
      .add("rank", DataTypes.IntegerType, false)
      .add("topic", DataTypes.StringType, false)
      .add("count", DataTypes.LongType, false);

  private TopTopicsRanking() {
  }

  /** See {@link io.hashtagstreams.core.HashtagOps#topTopics(int, Duration, Duration, Duration)}. */
  public static Dataset<Row> rank(Dataset<Row> input, int k, Duration window, Duration slide, Duration watermark) {
    if (k < 1) {
      throw new IllegalArgumentException(OPERATOR + ": k must be at least 1, but it is " + k);
    }
    DurationChecks.requireWindowSpec(OPERATOR, window, slide, watermark);
    Dataset<Row> windowed = WindowedCounting.assignWindows(input, OPERATOR, window, slide, watermark);
    return input.isStreaming() ? rankStreaming(windowed, k, window.toMillis()) : rankBatch(windowed, k);
  }

  private static Dataset<Row> rankBatch(Dataset<Row> windowed, int k) {
    Dataset<Row> counts = windowed.groupBy(col("window"), col("topic")).count();
    return counts
        .withColumn("rank", row_number().over(Window.partitionBy(col("window"))
            .orderBy(col("count").desc(), encode(col("topic"), "UTF-16BE").asc())))
        .where(col("rank").leq(k))
        .select(col("window"), col("rank"), col("topic"), col("count"));
  }

  private static Dataset<Row> rankStreaming(Dataset<Row> windowed, int k, long windowMillis) {
    Dataset<Row> ranked = windowed
        .select(unix_millis(col("window.start")).as("startMs"), col("topic"), col("window"))
        .as(Encoders.bean(WindowedTopic.class))
        .groupByKey((MapFunction<WindowedTopic, Long>) WindowedTopic::getStartMs, Encoders.LONG())
        .flatMapGroupsWithState(new WindowRankingFunction(k, windowMillis), OutputMode.Append(),
            Encoders.bean(TopKState.class), Encoders.row(RANKED), GroupStateTimeout.EventTimeTimeout());
    return ranked.select(
        struct(timestamp_millis(col("start_ms")).as("start"),
            timestamp_millis(col("start_ms").plus(lit(windowMillis))).as("end")).as("window"),
        col("rank"), col("topic"), col("count"));
  }
}
