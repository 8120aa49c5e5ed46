package io.hashtagstreams.benchmarks;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.sample.TopicFlood;

import scala.Function1;

/**
 * Exact {@code topTopics} against {@code approxTopTopics} with several {@code maxTracked}, side by side in one run,
 * on one one-minute window of a {@link TopicFlood}: a Zipf head ({@code --head} occurrences over
 * {@code --head-topics} topics, exponent 1.1) plus {@code --single-use} tags seen once each, for each of the
 * given single-use counts (by default 10,000, 100,000 and 1,000,000: distinct tags grow 100x).
 *
 * <p>A small flood runs through every variant first, unreported, as warm-up. Each flood is written once as {@code --files} Parquet files, plus one file with a single row three minutes
 * later (its modification time set one second after the others) that closes the window. Every variant then runs
 * the same streaming query over it: Parquet file source, one file per micro-batch, the operator with k = 10, a
 * one-minute tumbling window and watermark, append mode, a {@code foreachBatch} sink that keeps the output, the
 * default HDFS-backed state store, a fresh checkpoint; started, {@code processAllAvailable()}, stopped.
 *
 * <p>Reported per variant: rows per second of wall time (start to idle, file reading included, the same for all);
 * the state of the window at its largest ({@code stateOnCurrentVersionSizeBytes} and {@code numRowsTotal} from
 * the streaming progress, over the micro-batches where the window is the only one in state: its one state row);
 * the checkpoint's size on disk after the run; and, against
 * the exact ranking of the same run and exact counts of the reported topics (a batch {@code groupBy().count()}),
 * the top-10 recall, whether the top 3 are in exact order, the largest relative error of {@code count}, the bound
 * width and whether every {@code [count_lower, count_upper]} contains the true count.
 *
 * <pre>
 * mvn -B -ntp -o -pl benchmarks -am verify -Prun -DskipTests -Dbench.jvm=-Xmx6g \
 *     -Dbench.main=io.hashtagstreams.benchmarks.ApproxTopKComparison \
 *     -Dbench.args="--head=1000000 --single-use=10000,100000,1000000 --max-tracked=1024,4096,16384"
 * </pre>
 */
public final class ApproxTopKComparison {

  private static final int K = 10;
  private static final Instant START = Instant.parse("2016-08-05T23:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final String STATE_BYTES = "stateOnCurrentVersionSizeBytes";

  private ApproxTopKComparison() {
  }

  /**
   * What to run.
   *
   * @param head head occurrences in the window
   * @param headTopics distinct head topics
   * @param singleUse the single-use tag counts to run, one flood each
   * @param maxTracked the {@code approxTopTopics} sizes to run on every flood
   * @param files Parquet files (micro-batches) per flood
   * @param seed the flood's seed
   */
  public record Config(long head, int headTopics, long[] singleUse, int[] maxTracked, int files, long seed) {

    /** Parses {@code --head=N --head-topics=N --single-use=N,N --max-tracked=N,N --files=N --seed=N}. */
    public static Config parse(String... args) {
      long head = 1_000_000;
      int headTopics = 10_000;
      long[] singleUse = {10_000, 100_000, 1_000_000};
      int[] maxTracked = {1024, 4096, 16384};
      int files = 4;
      long seed = 42;
      for (String arg : args) {
        String value = arg.substring(arg.indexOf('=') + 1);
        try {
          if (arg.startsWith("--head=")) {
            head = Long.parseLong(value);
          } else if (arg.startsWith("--head-topics=")) {
            headTopics = Integer.parseInt(value);
          } else if (arg.startsWith("--single-use=")) {
            singleUse = HarnessArgs.longs(value);
          } else if (arg.startsWith("--max-tracked=")) {
            maxTracked = HarnessArgs.ints(value);
          } else if (arg.startsWith("--files=")) {
            files = Integer.parseInt(value);
          } else if (arg.startsWith("--seed=")) {
            seed = Long.parseLong(value);
          } else {
            throw new IllegalArgumentException("unknown argument: " + arg + " (expected --head=N, --head-topics=N, "
                + "--single-use=N[,N...], --max-tracked=N[,N...], --files=N, --seed=N)");
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not a number: " + arg, e);
        }
      }
      if (head < 1 || headTopics < 1 || files < 1 || singleUse.length == 0 || maxTracked.length == 0) {
        throw new IllegalArgumentException("--head, --head-topics and --files must be positive and the lists "
            + "non-empty: " + String.join(" ", args));
      }
      return new Config(head, headTopics, singleUse, maxTracked, files, seed);
    }
  }

  /**
   * One variant on one flood.
   *
   * @param singleUse the flood's single-use tags
   * @param rows rows in the window
   * @param variant {@code exact} or {@code approx <maxTracked>}
   * @param seconds wall time start to idle
   * @param stateBytes largest {@code stateOnCurrentVersionSizeBytes} over the micro-batches
   * @param stateRows {@code numRowsTotal} at that point
   * @param checkpointBytes the checkpoint directory's size after the run
   * @param output the emitted rows of the flood's window, by rank
   */
  public record Run(long singleUse, long rows, String variant, double seconds, long stateBytes, long stateRows,
      long checkpointBytes, List<Row> output) {

    double rowsPerSecond() {
      return rows / seconds;
    }
  }

  /** Accuracy of an approximate run against the exact ranking and exact counts. */
  public record Accuracy(int recallOfTop10, boolean top3InOrder, double largestRelativeError, long boundWidth,
      boolean boundsContainTruth) {
  }

  /** Runs every variant on every flood; {@code work} holds the Parquet files and checkpoints. */
  public static List<Run> run(SparkSession spark, Config config, Path work) {
    List<Run> runs = new ArrayList<>();
    for (long singleUse : config.singleUse()) {
      TopicFlood flood = TopicFlood.builder().seed(config.seed()).headTopics(config.headTopics())
          .headOccurrences(config.head()).singleUseTags(singleUse).start(START).span(MINUTE).build();
      Path data = work.resolve("flood-" + singleUse);
      writeFlood(spark, flood, config.files(), data);
      runs.add(runOne(spark, data, singleUse, flood.size(), "exact", HashtagOps.topTopics(K),
          work.resolve("cp-exact-" + singleUse)));
      for (int maxTracked : config.maxTracked()) {
        runs.add(runOne(spark, data, singleUse, flood.size(), "approx " + maxTracked,
            HashtagOps.approxTopTopics(K, maxTracked), work.resolve("cp-" + maxTracked + "-" + singleUse)));
      }
    }
    return runs;
  }

  /** Compares an approximate run with the exact run of the same flood; true counts come from {@code data}. */
  public static Accuracy accuracy(Run exact, Run approx, Map<String, Long> truth) {
    List<String> exactTopics = topics(exact.output());
    List<String> approxTopics = topics(approx.output());
    Set<String> common = new HashSet<>(exactTopics);
    common.retainAll(approxTopics);
    boolean top3 = approxTopics.size() >= 3 && exactTopics.size() >= 3
        && approxTopics.subList(0, 3).equals(exactTopics.subList(0, 3));
    double worst = 0;
    long width = 0;
    boolean contained = true;
    for (Row row : approx.output()) {
      long actual = truth.get(row.getString(row.fieldIndex("topic")));
      long count = row.getLong(row.fieldIndex("count"));
      long lower = row.getLong(row.fieldIndex("count_lower"));
      long upper = row.getLong(row.fieldIndex("count_upper"));
      worst = Math.max(worst, Math.abs(count - actual) / (double) actual);
      width = Math.max(width, upper - lower);
      contained &= lower <= actual && actual <= upper;
    }
    return new Accuracy(common.size(), top3, worst, width, contained);
  }

  /** Exact counts of the topics the runs reported, by a batch count over the flood's files. */
  static Map<String, Long> trueCounts(SparkSession spark, Path data, List<Run> runs) {
    Set<String> reported = new HashSet<>();
    runs.forEach(run -> reported.addAll(topics(run.output())));
    Map<String, Long> truth = new HashMap<>();
    spark.read().schema(TopicFlood.SCHEMA).parquet(data.resolve("window").toString())
        .where(col("event_time").lt(java.sql.Timestamp.from(START.plus(MINUTE))))
        .where(col("topic").isin(reported.toArray()))
        .groupBy("topic").count().collectAsList()
        .forEach(row -> truth.put(row.getString(0), row.getLong(1)));
    return truth;
  }

  private static void writeFlood(SparkSession spark, TopicFlood flood, int files, Path data) {
    flood.toDataset(spark, files).write().parquet(data.resolve("window").toString());
    Path closerDir = data.resolve("closer");
    spark.createDataFrame(List.of(RowFactory.create(java.sql.Timestamp.from(START.plus(Duration.ofMinutes(3))),
        "closer")), TopicFlood.SCHEMA).coalesce(1).write().parquet(closerDir.toString());
    // the file source orders files by modification time: the closing row must come last, in its own batch
    try (Stream<Path> window = Files.list(data.resolve("window"));
        Stream<Path> closer = Files.list(closerDir)) {
      long latest = 0;
      for (Path file : window.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        latest = Math.max(latest, Files.getLastModifiedTime(file).toMillis());
      }
      for (Path file : closer.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        Files.setLastModifiedTime(file, FileTime.fromMillis(latest + 1000));
        Files.move(file, data.resolve("window").resolve("closer-" + file.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Run runOne(SparkSession spark, Path data, long singleUse, long rows, String variant,
      Function1<Dataset<Row>, Dataset<Row>> operator, Path checkpoint) {
    List<Row> output = new CopyOnWriteArrayList<>();
    Dataset<Row> input = spark.readStream().schema(TopicFlood.SCHEMA).option("maxFilesPerTrigger", 1)
        .parquet(data.resolve("window").toString());
    long started = System.nanoTime();
    StreamingQuery query;
    try {
      query = input.transform(operator).writeStream()
          .outputMode("append")
          .option("checkpointLocation", checkpoint.toString())
          .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, id) -> output.addAll(batch.collectAsList()))
          .start();
      query.processAllAvailable();
      query.stop();
    } catch (Exception e) {
      throw new IllegalStateException(variant + " on " + singleUse + " single-use tags failed", e);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long stateBytes = 0;
    long stateRows = 0;
    for (StreamingQueryProgress progress : query.recentProgress()) {
      for (StateOperatorProgress state : progress.stateOperators()) {
        Long bytes = state.customMetrics().get(STATE_BYTES);
        // the flood's window alone (the closing batch also holds the closer's window)
        if (bytes != null && state.numRowsTotal() == 1 && bytes > stateBytes) {
          stateBytes = bytes;
          stateRows = state.numRowsTotal();
        }
      }
    }
    List<Row> window = output.stream()
        .filter(row -> !row.getString(row.fieldIndex("topic")).equals("closer"))
        .sorted(Comparator.comparingInt(row -> row.getInt(row.fieldIndex("rank"))))
        .collect(Collectors.toList());
    Run run = new Run(singleUse, rows, variant, seconds, stateBytes, stateRows, sizeOnDisk(checkpoint), window);
    System.out.printf(java.util.Locale.ROOT, "%,d single-use, %s: %.1f s, state %,d bytes, checkpoint %,d bytes, "
        + "load %s%n", singleUse, variant, seconds, stateBytes, run.checkpointBytes(), Machine.loadAverage());
    return run;
  }

  private static List<String> topics(List<Row> rows) {
    return rows.stream().map(row -> row.getString(row.fieldIndex("topic"))).collect(Collectors.toList());
  }

  static long sizeOnDisk(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> {
        try {
          return Files.size(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The results as a Markdown table, approximate rows compared with the exact row of the same flood. */
  static Table table(SparkSession spark, Path work, List<Run> runs) {
    Table table = new Table("single-use tags", "rows", "variant", "rows/s", "vs exact", "state bytes",
        "state rows", "checkpoint bytes", "top-10 recall", "top 3 in order", "max rel. error", "bound width",
        "bounds hold");
    Map<Long, List<Run>> byFlood = runs.stream().collect(Collectors.groupingBy(Run::singleUse,
        java.util.LinkedHashMap::new, Collectors.toList()));
    byFlood.forEach((singleUse, floodRuns) -> {
      Run exact = floodRuns.stream().filter(run -> run.variant().equals("exact")).findFirst().orElseThrow();
      Map<String, Long> truth = trueCounts(spark, work.resolve("flood-" + singleUse), floodRuns);
      for (Run run : floodRuns) {
        String recall = "";
        String order = "";
        String error = "";
        String width = "";
        String hold = "";
        if (run != exact) {
          Accuracy accuracy = accuracy(exact, run, truth);
          recall = accuracy.recallOfTop10() + "/10";
          order = accuracy.top3InOrder() ? "yes" : "no";
          error = Table.fixed(100 * accuracy.largestRelativeError(), 2) + " %";
          width = Table.count(accuracy.boundWidth());
          hold = accuracy.boundsContainTruth() ? "yes" : "NO";
        }
        table.row(Table.count(singleUse), Table.count(run.rows()), run.variant(), Table.count(run.rowsPerSecond()),
            Table.fixed(run.rowsPerSecond() / exact.rowsPerSecond(), 2) + "x", Table.count(run.stateBytes()),
            run.stateRows(), Table.count(run.checkpointBytes()), recall, order, error, width, hold);
      }
    });
    return table;
  }

  public static void main(String[] args) throws Exception {
    Config config = Config.parse(args);
    SparkSession spark = BenchSpark.session();
    Path work = Files.createTempDirectory("approx-topk-");
    try {
      // warm-up (not reported): the first streaming query in a JVM pays for class loading and JIT
      run(spark, new Config(20_000, 1_000, new long[] {1_000}, config.maxTracked(), config.files(), 1),
          work.resolve("warmup"));
      System.out.println("load average before: " + Machine.loadAverage());
      List<Run> runs = run(spark, config, work);
      System.out.println("load average after: " + Machine.loadAverage());
      System.out.println(table(spark, work, runs));
      System.out.println("load average at the end: " + Machine.loadAverage());
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
      spark.stop();
    }
  }
}
