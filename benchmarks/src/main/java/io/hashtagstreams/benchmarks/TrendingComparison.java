package io.hashtagstreams.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.sample.TweetGenerator;

/**
 * {@code trendingTopics(10)} against {@code topTopics(10)} on the same streaming input, side by side in one JVM:
 * what ranking by rise instead of by size costs.
 *
 * <p>Input: {@code --tweets} generator tweets (default 200,000; seed {@link Corpus#SEED}, {@code --per-second}
 * tweets per second of event time (default 200), so 200,000 tweets span about 17 one-minute windows, with one
 * scheduled burst of one minute in the middle) written as JSON lines
 * into {@code --files} files (default 20). Each operator runs as a streaming query {@code readStream.text ->
 * extractText -> explodeTopics -> operator -> foreachBatch (count rows)} with {@code maxFilesPerTrigger} 1 and
 * {@code Trigger.AvailableNow()}, alternately, {@code --rounds} times (default 1). Reported per operator: tweets/s
 * (input rows / summed {@code triggerExecution} of batches with input, first batch excluded when there are more),
 * the peak of the stateful operator's {@code numRowsTotal}, {@code memoryUsedBytes} and the custom metric
 * {@code stateOnCurrentVersionSizeBytes}, and the rows written; then the ratio trending/top.
 *
 * <p>Run:
 * <pre>
 * mvn -B -ntp -o -pl benchmarks -am verify -Prun -DskipTests \
 *     -Dbench.main=io.hashtagstreams.benchmarks.TrendingComparison -Dbench.args="--tweets=200000 --rounds=1"
 * </pre>
 */
public final class TrendingComparison {

  private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(15);

  private TrendingComparison() {
  }

  /**
   * What to run.
   *
   * @param tweets generated tweets
   * @param files how many files they are spread over (one file per micro-batch)
   * @param rounds how many times each operator runs
   * @param perSecond tweets per second of event time
   */
  public record Config(int tweets, int files, int rounds, int perSecond) {

    /** Parses {@code --tweets=N --files=N --rounds=N --per-second=N}; unknown arguments fail. */
    public static Config parse(String... args) {
      int tweets = 200_000;
      int files = 20;
      int rounds = 1;
      int perSecond = 200;
      for (String arg : args) {
        String value = arg.substring(arg.indexOf('=') + 1);
        if (arg.startsWith("--tweets=")) {
          tweets = HarnessArgs.atLeast(value, 1, arg);
        } else if (arg.startsWith("--files=")) {
          files = HarnessArgs.atLeast(value, 1, arg);
        } else if (arg.startsWith("--rounds=")) {
          rounds = HarnessArgs.atLeast(value, 1, arg);
        } else if (arg.startsWith("--per-second=")) {
          perSecond = HarnessArgs.atLeast(value, 1, arg);
        } else {
          throw new IllegalArgumentException("unknown argument: " + arg
              + " (expected --tweets=N, --files=N, --rounds=N, --per-second=N)");
        }
      }
      return new Config(tweets, files, rounds, perSecond);
    }
  }

  /**
   * One operator's run.
   *
   * @param operator {@code topTopics} or {@code trendingTopics}
   * @param batches progress of the batches with input, in order
   * @param outputRows rows the operator wrote
   */
  public record Run(String operator, List<StreamingQueryProgress> batches, long outputRows) {

    /** Input rows per second of batch time, without the first batch when there are more. */
    public double tweetsPerSecond() {
      List<StreamingQueryProgress> measured = batches.size() > 1 ? batches.subList(1, batches.size()) : batches;
      long rows = 0;
      long millis = 0;
      for (StreamingQueryProgress batch : measured) {
        rows += batch.numInputRows();
        millis += batch.durationMs().get("triggerExecution");
      }
      return millis == 0 ? Double.NaN : rows * 1000.0 / millis;
    }

    /** The input rows of all batches. */
    public long tweets() {
      return batches.stream().mapToLong(StreamingQueryProgress::numInputRows).sum();
    }

    /** The peak state rows over all batches. */
    public long peakStateRows() {
      return peak(operator -> operator.numRowsTotal());
    }

    /** The peak state memory over all batches. */
    public long peakStateMemoryBytes() {
      return peak(operator -> operator.memoryUsedBytes());
    }

    /** The peak size of the current state version over all batches. */
    public long peakCurrentStateBytes() {
      return peak(operator -> operator.customMetrics().getOrDefault("stateOnCurrentVersionSizeBytes", 0L));
    }

    private long peak(java.util.function.ToLongFunction<StateOperatorProgress> metric) {
      long peak = 0;
      for (StreamingQueryProgress batch : batches) {
        for (StateOperatorProgress operator : batch.stateOperators()) {
          peak = Math.max(peak, metric.applyAsLong(operator));
        }
      }
      return peak;
    }
  }

  /** Writes the input, runs both operators {@code rounds} times alternately, deletes the input. */
  public static List<Run> run(SparkSession spark, Config config) throws IOException, TimeoutException,
      StreamingQueryException {
    Path dir = Files.createTempDirectory("trending-input-");
    try {
      writeInput(dir.resolve("in"), config);
      List<Run> runs = new ArrayList<>();
      for (int round = 0; round < config.rounds(); round++) {
        runs.add(runOne(spark, dir, "topTopics", HashtagOps.topTopics(10), round));
        runs.add(runOne(spark, dir, "trendingTopics", HashtagOps.trendingTopics(10), round));
      }
      return runs;
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static void writeInput(Path in, Config config) throws IOException {
    Files.createDirectories(in);
    Instant start = Instant.parse("2016-08-05T23:00:00Z");
    double seconds = (double) config.tweets() / config.perSecond();
    TweetGenerator generator = TweetGenerator.builder().seed(Corpus.SEED).start(start)
        .tweetsPerSecond(config.perSecond())
        .burst("BenchBurst", start.plusSeconds((long) (seconds / 2)), Duration.ofMinutes(1), 5)
        .build();
    int perFile = (config.tweets() + config.files() - 1) / config.files();
    int written = 0;
    for (int file = 0; written < config.tweets(); file++) {
      try (OutputStream out = new BufferedOutputStream(
          Files.newOutputStream(in.resolve(String.format("part-%05d.jsonl", file))), 1 << 16)) {
        for (int i = 0; i < perFile && written < config.tweets(); i++, written++) {
          out.write(generator.next().bytes());
          out.write('\n');
        }
      }
    }
  }

  private static Run runOne(SparkSession spark, Path dir, String name,
      scala.Function1<Dataset<Row>, Dataset<Row>> operator, int round) throws TimeoutException,
      StreamingQueryException {
    Dataset<Row> ranked = spark.readStream().option("maxFilesPerTrigger", 1).text(dir.resolve("in").toString())
        .transform(HashtagOps.extractText())
        .transform(HashtagOps.explodeTopics())
        .transform(operator);
    AvailableNowQuery run = AvailableNowQuery.run(ranked, name + "_" + round,
        dir.resolve("checkpoint-" + name + "-" + round), QUERY_TIMEOUT);
    List<StreamingQueryProgress> batches = new ArrayList<>();
    for (StreamingQueryProgress progress : run.query().recentProgress()) {
      if (progress.numInputRows() > 0) {
        batches.add(progress);
      }
    }
    return new Run(name, batches, run.rowsWritten());
  }

  /** The runs as a Markdown table, with the ratio of the last trending run to the last top run. */
  public static String toTable(List<Run> runs) {
    Table table = new Table("operator", "tweets", "tweets/s", "peak state rows", "peak state memory bytes",
        "peak current state bytes", "rows written");
    Run top = null;
    Run trending = null;
    for (Run run : runs) {
      table.row(run.operator(), Table.count(run.tweets()), Table.count(run.tweetsPerSecond()),
          Table.count(run.peakStateRows()), Table.count(run.peakStateMemoryBytes()),
          Table.count(run.peakCurrentStateBytes()), Table.count(run.outputRows()));
      if (run.operator().equals("topTopics")) {
        top = run;
      } else {
        trending = run;
      }
    }
    if (top != null && trending != null) {
      table.row("trending / top", "", Table.fixed(trending.tweetsPerSecond() / top.tweetsPerSecond(), 2),
          "", Table.fixed((double) trending.peakStateMemoryBytes() / top.peakStateMemoryBytes(), 2),
          Table.fixed((double) trending.peakCurrentStateBytes() / top.peakCurrentStateBytes(), 2), "");
    }
    return table.toString();
  }

  /** Runs the comparison and prints the table. */
  public static void main(String[] args) throws Exception {
    Config config = Config.parse(args);
    System.out.println("TrendingComparison " + config + ", load average " + Machine.loadAverage());
    System.out.println(toTable(run(BenchSpark.session(), config)));
    System.out.println("load average after: " + Machine.loadAverage());
  }
}
