package io.hashtagstreams.core.internal.window;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.unix_millis;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.hashtagstreams.core.TrendOptions;
import io.hashtagstreams.core.internal.ColumnChecks;

/**
 * {@code trendingTopics}: two plans around one {@link TrendBook} per group.
 *
 * <ul>
 *   <li>Streaming: rows are assigned to their tumbling windows and go to one {@code flatMapGroupsWithState} group
 *       per {@code groupBy} value (one group without it), with an event-time timeout, see {@link TrendingFunction}.
 *       Why not per-topic state: a score needs the window's total over all topics and the ranking needs all topics,
 *       and Spark 3.5's {@code UnsupportedOperationChecker} refuses {@code flatMapGroupsWithState} in append mode
 *       after a streaming aggregation ("flatMapGroupsWithState in append mode is not supported with aggregation"),
 *       while a stateful operator after a {@code flatMapGroupsWithState} in append mode is refused by its
 *       {@code checkStreamingQueryGlobalWatermarkLimit} ("Detected pattern of possible 'correctness' issue due to
 *       global watermark", unless {@code spark.sql.streaming.statefulOperator.checkCorrectness.enabled} is turned
 *       off): the state function may emit rows older than the watermark, which the next operator would drop. So counting per topic and ranking
 *       per window cannot be two stateful operators on 3.5; instead the group's state is kept cheap to read and
 *       rewrite: exact open windows plus a history of 64-bit fingerprints ({@link HashedHistoryWindow}), or sketches
 *       ({@link SketchedWindow}). Scaling limit: each group is one task, whose per-batch cost follows its open
 *       windows' distinct topics (as {@code topTopics}' per-window groups) plus a block copy of its history; groups
 *       spread over tasks and, on a cluster, executors.</li>
 *   <li>Batch: Spark's {@code groupBy(window start, groups, topic).count()}, then each group's counts through
 *       {@link TrendingBatchFunction}.</li>
 * </ul>
 *
 * <p>With {@code countAuthors}, rows with a null {@code author} are left out and duplicates of (window, groups, topic,
 * author) are dropped first ({@code dropDuplicates}: a {@code Deduplicate} before the state function, which that
 * check allows, a deduplication never emitting rows behind the watermark; its streaming state keeps each key until
 * the watermark passes its window).
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
    List<String> groups = options.groupBy();
    List<String> keep = new ArrayList<>(groups);
    if (options.countAuthors()) {
      ColumnChecks.requireColumns(input, OPERATOR + " with countAuthors", "author");
      keep.add("author");
    }
    if (!groups.isEmpty()) {
      ColumnChecks.requireColumns(input, OPERATOR + " with groupBy", groups.toArray(String[]::new));
    }
    StructType groupSchema = new StructType();
    for (String group : groups) {
      groupSchema = groupSchema.add(input.schema().apply(group));
    }
    TrendRows rows = new TrendRows(groupSchema);
    Dataset<Row> windowed = WindowedCounting.assignWindows(input, OPERATOR, options.window(), options.window(),
        options.watermark(), keep);
    if (options.countAuthors()) {
      List<String> distinct = new ArrayList<>(List.of("window", "topic"));
      distinct.addAll(keep);
      windowed = windowed.where(col("author").isNotNull())
          .dropDuplicates(distinct.toArray(String[]::new));
    }
    Dataset<Row> ranked = input.isStreaming() ? rankStreaming(windowed, options, rows) : rankBatch(windowed, options,
        rows);
    long windowMillis = options.window().toMillis();
    List<Column> out = new ArrayList<>();
    out.add(struct(timestamp_millis(col("start_ms")).as("start"),
        timestamp_millis(col("start_ms").plus(lit(windowMillis))).as("end")).as("window"));
    groups.forEach(group -> out.add(col(group)));
    for (String column : List.of("rank", "topic", "count", "baseline", "score")) {
      out.add(col(column));
    }
    return ranked.select(out.toArray(Column[]::new));
  }

  private static Column[] columns(List<String> first, List<String> groups) {
    List<Column> columns = new ArrayList<>();
    first.forEach(name -> columns.add(name.equals("start_ms") ? unix_millis(col("window.start")).as("start_ms")
        : col(name)));
    groups.forEach(group -> columns.add(col(group)));
    return columns.toArray(Column[]::new);
  }

  private static Dataset<Row> rankStreaming(Dataset<Row> windowed, TrendOptions options, TrendRows rows) {
    // window stays in the rows: Spark filters late rows before the state function on its watermarked column
    int groupsFrom = 3;
    return windowed
        .select(columns(List.of("start_ms", "topic", "window"), options.groupBy()))
        .groupByKey((MapFunction<Row, Row>) row -> rows.key(row, groupsFrom), Encoders.row(rows.keySchema()))
        .flatMapGroupsWithState(new TrendingFunction(options, rows), OutputMode.Append(),
            Encoders.bean(TrendState.class), Encoders.row(rows.schema()), GroupStateTimeout.EventTimeTimeout());
  }

  private static Dataset<Row> rankBatch(Dataset<Row> windowed, TrendOptions options, TrendRows rows) {
    List<Column> groupBy = new ArrayList<>(List.of(unix_millis(col("window.start")).as("start_ms"), col("topic")));
    options.groupBy().forEach(group -> groupBy.add(col(group)));
    List<Column> select = new ArrayList<>(List.of(col("start_ms"), col("topic"),
        col("count").cast(DataTypes.LongType).as("count")));
    options.groupBy().forEach(group -> select.add(col(group)));
    int groupsFrom = 3;
    return windowed
        .groupBy(groupBy.toArray(Column[]::new))
        .agg(count(lit(1)).as("count"))
        .select(select.toArray(Column[]::new))
        .groupByKey((MapFunction<Row, Row>) row -> rows.key(row, groupsFrom), Encoders.row(rows.keySchema()))
        .flatMapGroups(new TrendingBatchFunction(options, rows), Encoders.row(rows.schema()));
  }
}
