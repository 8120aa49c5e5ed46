package io.hashtagstreams.benchmarks;

import static org.apache.spark.sql.functions.expr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.sample.TopicFlood;

/**
 * {@code approxTopTopics} against Spark's {@code approx_top_k} (Spark 4.1 and later) in a <i>streaming</i> windowed
 * aggregation: both read the same {@link TopicFlood} ({@code event_time, topic}) from Parquet files, one file per
 * micro-batch ({@code maxFilesPerTrigger=1}, {@code Trigger.AvailableNow}), with 1-minute tumbling windows, a 1-minute
 * watermark and append mode (each window written once, when the watermark passes its end), into a memory sink.
 *
 * <p>Reported per {@code maxTracked} and operator, from {@link StreamingQuery#recentProgress()}: the median and the
 * largest {@code durationMs.triggerExecution} of the batches after the first (which includes code generation), the
 * largest {@code stateOperators[].memoryUsedBytes}, {@code numRowsTotal} and the state store's
 * {@code stateOnCurrentVersionSizeBytes} custom metric (HDFS-backed state store, Spark's default), the windows
 * written, and against the exact per-window counts (a batch {@code groupBy(window, topic).count()} over the same
 * files) the mean top-10 recall and the largest relative error of a reported count. A query that fails is reported
 * with its error instead of numbers (the first question is whether {@code approx_top_k} streams at all). On Spark 3.5
 * it stops at once: the function does not exist there.
 *
 * <pre>
 * mvn -B -ntp -Pspark-4_2.13 -pl benchmarks -am verify -Prun -DskipTests -Dlines.skip=true -Dbench.jvm=-Xmx6g \
 *     -Dbench.main=io.hashtagstreams.benchmarks.BuiltinTopKStreaming \
 *     -Dbench.args="--head=2000000 --single-use=1000000 --minutes=10 --files=40 --max-tracked=1024,16384"
 * </pre>
 */
public final class BuiltinTopKStreaming {

  static final int K = 10;
  private static final Instant START = Instant.parse("2016-08-05T23:00:00Z");
  private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(30);

  private BuiltinTopKStreaming() {
  }

  /** What to run: {@code --head=N --single-use=N --minutes=N --files=N --max-tracked=N,N}. */
  record Config(long head, long singleUse, int minutes, int files, int[] maxTracked) {

    static Config parse(String... args) {
      long head = 2_000_000;
      long singleUse = 1_000_000;
      int minutes = 10;
      int files = 40;
      int[] maxTracked = {1024, 16384};
      for (String arg : args) {
        String value = arg.substring(arg.indexOf('=') + 1);
        try {
          if (arg.startsWith("--head=")) {
            head = Long.parseLong(value);
          } else if (arg.startsWith("--single-use=")) {
            singleUse = Long.parseLong(value);
          } else if (arg.startsWith("--minutes=")) {
            minutes = Integer.parseInt(value);
          } else if (arg.startsWith("--files=")) {
            files = Integer.parseInt(value);
          } else if (arg.startsWith("--max-tracked=")) {
            maxTracked = HarnessArgs.ints(value);
          } else {
            throw new IllegalArgumentException("unknown argument: " + arg
                + " (expected --head=N, --single-use=N, --minutes=N, --files=N, --max-tracked=N[,N...])");
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not a number: " + arg, e);
        }
      }
      if (head < 1 || singleUse < 0 || minutes < 2 || files < 2 || maxTracked.length == 0) {
        throw new IllegalArgumentException("--head and --files (at least 2) and --minutes (at least 2) must be"
            + " positive, --single-use not negative, --max-tracked non-empty: " + String.join(" ", args));
      }
      return new Config(head, singleUse, minutes, files, maxTracked);
    }
  }

  /** What a query's progress says: per-batch times (ms, first batch left out) and the largest state figures. */
  record StateFigures(double[] batchMs, long memoryUsedBytes, long stateOnCurrentVersionSizeBytes, long rowsTotal) {

    static StateFigures of(StreamingQueryProgress[] progress) {
      List<Double> times = new ArrayList<>();
      long memory = 0;
      long onDisk = 0;
      long rows = 0;
      for (StreamingQueryProgress batch : progress) {
        if (batch.numInputRows() == 0) {
          continue;
        }
        times.add(batch.durationMs().getOrDefault("triggerExecution", 0L).doubleValue());
        for (StateOperatorProgress operator : batch.stateOperators()) {
          memory = Math.max(memory, operator.memoryUsedBytes());
          rows = Math.max(rows, operator.numRowsTotal());
          Map<String, Long> custom = operator.customMetrics();
          onDisk = Math.max(onDisk, custom.getOrDefault("stateOnCurrentVersionSizeBytes", 0L));
        }
      }
      double[] afterFirst = times.stream().skip(1).mapToDouble(Double::doubleValue).toArray();
      return new StateFigures(afterFirst, memory, onDisk, rows);
    }
  }

  public static void main(String[] args) {
    Config config = Config.parse(args);
    SparkSession spark = BenchSpark.session();
    if (spark.version().startsWith("3.")) {
      throw new IllegalStateException("approx_top_k needs Spark 4.1 or later, but this is Spark " + spark.version()
          + "; build the benchmarks with -Pspark-4_2.13");
    }
    Path dir = tempDir();
    try {
      Path input = writeInput(spark, config, dir.resolve("input"));
      Dataset<Row> exact = spark.read().schema(TopicFlood.SCHEMA).parquet(input.toString())
          .groupBy(expr("window(event_time, '1 minute').start AS wstart"), expr("topic"))
          .count().withColumnRenamed("count", "true_count").cache();
      exact.createOrReplaceTempView("exact_counts");
      Table table = new Table("maxTracked", "operator", "median ms/trigger", "max ms/trigger", "state memory",
          "state on disk", "state rows", "windows", "recall@10", "max rel. error");
      int run = 0;
      for (int maxTracked : config.maxTracked()) {
        for (String operator : List.of("approxTopTopics", "approx_top_k")) {
          String name = "topk_" + (run++);
          try {
            StateFigures figures = runStream(spark, input, dir.resolve("checkpoint-" + name), name, operator,
                maxTracked);
            Row quality = quality(spark, name);
            table.row(maxTracked, operator, Table.fixed(Stats.median(figures.batchMs()), 0),
                Table.fixed(max(figures.batchMs()), 0), Table.count(figures.memoryUsedBytes()),
                Table.count(figures.stateOnCurrentVersionSizeBytes()), Table.count(figures.rowsTotal()),
                quality.getLong(0), Table.fixed(quality.getDouble(1), 2), Table.fixed(quality.getDouble(2), 4));
          } catch (RuntimeException e) {
            table.row(maxTracked, operator, "failed: " + firstLine(e), "", "", "", "", "", "", "");
          }
        }
      }
      System.out.println(table);
      exact.unpersist();
    } finally {
      TempDirectories.delete(dir);
    }
  }

  /** The flood in {@code files} Parquet files of consecutive event times, written one after another. */
  static Path writeInput(SparkSession spark, Config config, Path input) {
    TopicFlood flood = flood(config);
    long size = flood.size();
    for (int file = 0; file < config.files(); file++) {
      long from = size * file / config.files();
      long to = size * (file + 1) / config.files();
      spark.range(from, to, 1, 1)
          .map((MapFunction<Long, Row>) flood::row, Encoders.row(TopicFlood.SCHEMA))
          .write().mode("append").parquet(input.toString());
    }
    return input;
  }

  /** The rows the harness streams: {@code --head} and {@code --single-use} over {@code --minutes} from 2016-08-05T23:00Z. */
  static TopicFlood flood(Config config) {
    return TopicFlood.builder().headOccurrences(config.head()).singleUseTags(config.singleUse())
        .start(START).span(Duration.ofMinutes(config.minutes())).build();
  }

  /** Runs one operator over the files to the end (AvailableNow) into the memory table {@code name}. */
  static StateFigures runStream(SparkSession spark, Path input, Path checkpoint, String name, String operator,
      int maxTracked) {
    Dataset<Row> topics = spark.readStream().schema(TopicFlood.SCHEMA).option("maxFilesPerTrigger", 1)
        .parquet(input.toString());
    Dataset<Row> top;
    if (operator.equals("approx_top_k")) {
      top = topics.withWatermark("event_time", "1 minute")
          .groupBy(expr("window(event_time, '1 minute') AS window"))
          .agg(expr("approx_top_k(topic, " + K + ", " + maxTracked + ")").as("top"))
          .selectExpr("window.start AS wstart", "inline(top)")
          .toDF("wstart", "topic", "estimate");
    } else {
      Duration minute = Duration.ofMinutes(1);
      top = topics.transform(HashtagOps.approxTopTopics(K, maxTracked, minute, minute, minute))
          .selectExpr("window.start AS wstart", "topic", "count AS estimate");
    }
    try {
      StreamingQuery query = top.writeStream().format("memory").queryName(name).outputMode("append")
          .option("checkpointLocation", checkpoint.toString()).trigger(Trigger.AvailableNow()).start();
      if (!query.awaitTermination(QUERY_TIMEOUT.toMillis())) {
        query.stop();
        throw new IllegalStateException(operator + " did not finish within " + QUERY_TIMEOUT);
      }
      return StateFigures.of(query.recentProgress());
    } catch (StreamingQueryException | TimeoutException e) {
      throw new IllegalStateException(operator + ": " + e.getMessage(), e);
    }
  }

  /**
   * Windows written, mean top-10 recall (the exact top 10 of each written window ranked by count, then topic) and
   * the largest relative error of a reported count (infinite for a topic not in its window at all), of the table
   * {@code name} ({@code wstart, topic, estimate}) against the view {@code exact_counts}
   * ({@code wstart, topic, true_count}).
   */
  static Row quality(SparkSession spark, String name) {
    return spark.sql("WITH ranked AS (SELECT wstart, topic, row_number() OVER (PARTITION BY wstart"
        + " ORDER BY true_count DESC, topic) AS r FROM exact_counts WHERE wstart IN (SELECT wstart FROM " + name
        + ")), truth AS (SELECT * FROM ranked WHERE r <= " + K + "),"
        + " recall AS (SELECT t.wstart, count(o.topic) / count(*) AS recall FROM truth t LEFT JOIN " + name
        + " o ON o.wstart = t.wstart AND o.topic = t.topic GROUP BY t.wstart),"
        + " errors AS (SELECT max(CASE WHEN e.true_count IS NULL THEN double('Infinity')"
        + " ELSE abs(o.estimate - e.true_count) / e.true_count END) AS worst FROM " + name
        + " o LEFT JOIN exact_counts e ON e.wstart = o.wstart AND e.topic = o.topic)"
        + " SELECT (SELECT count(DISTINCT wstart) FROM " + name + "), coalesce((SELECT avg(recall) FROM recall), 0D),"
        + " coalesce((SELECT CAST(worst AS DOUBLE) FROM errors), 0D)").first();
  }

  private static double max(double[] values) {
    double max = 0;
    for (double value : values) {
      max = Math.max(max, value);
    }
    return max;
  }

  private static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("builtin-topk-streaming");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
