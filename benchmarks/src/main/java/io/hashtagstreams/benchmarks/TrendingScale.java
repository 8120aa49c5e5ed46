package io.hashtagstreams.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.TrendOptions;

/**
 * Trending at firehose scale: per-trigger time and state size of {@code trendingTopics} (exact, bounded with
 * {@code maxTracked}, by language, by authors) against {@code topTopics(10)} and {@code approxTopTopics(10, 4096)}
 * on the same files, one streaming query after the other in one JVM.
 *
 * <p>Input: {@code --minutes} minutes (default 16) of topic rows ({@code event_time, topic, lang, author}, tab
 * separated, so the numbers are the operators' and not a JSON reader's): per minute a Zipf (s = 1) head of 200 tags
 * with {@code --head} occurrences (default 20,000) and {@code --distinct} tags seen once (default 100,000, new every
 * minute), plus a tag {@code burst} seen 5 times a minute, 2,000 times in minute 12 (so trending has a row to
 * write), in event-time order, split into {@code --triggers} files per minute (default 6), each file one trigger
 * ({@code maxFilesPerTrigger} 1, {@code Trigger.AvailableNow()}). Languages: 8, one per author; authors: 50,000.
 * Every operator uses one-minute windows and a one-minute watermark; trending a history of 10. Before the measured
 * runs, every operator runs once on a tenth of the input (same shape, fewer tags), so that no operator pays the
 * JVM's warm-up for the others.
 *
 * <p>Reported per operator, over the batches after the first {@code 11} minutes (history full, state at its steady
 * size): the median and maximum {@code triggerExecution} ms, and the peak over those batches of the summed
 * {@code memoryUsedBytes} and of the custom metric {@code stateOnCurrentVersionSizeBytes} of its stateful operators,
 * plus the ratio of each median and state to {@code topTopics}'. The target: trending's median at most 1.5x
 * top's, state at most 2x top's, at 100,000 distinct tags per minute and 6 triggers per minute.
 *
 * <p>Run (after {@code mvn -B -ntp -pl benchmarks -am package -Pjmh-jar -DskipTests -Dlines.skip=true}):
 * <pre>
 * java -Xmx6g &lt;Java 17 flags&gt; -cp benchmarks/target/benchmarks.jar io.hashtagstreams.benchmarks.TrendingScale \
 *     --distinct=100000 --triggers=6
 * </pre>
 */
public final class TrendingScale {

  private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(20);
  private static final int HEAD_TAGS = 200;
  private static final int LANGUAGES = 8;
  private static final int AUTHORS = 50_000;
  private static final int HISTORY = 10;

  private TrendingScale() {
  }

  /**
   * What to run.
   *
   * @param minutes minutes of event time
   * @param distinct tags seen once per minute
   * @param head occurrences of the 200 head tags per minute
   * @param triggers files (micro-batches) per minute
   * @param operators the operator names to run, from {@link #OPERATORS}
   * @param warmUp whether every operator runs once on a tenth of the input first ({@code --no-warm-up}: not)
   */
  public record Config(int minutes, int distinct, int head, int triggers, List<String> operators, boolean warmUp) {

    /** Parses {@code --minutes=16 --distinct=100000 --head=20000 --triggers=6 --operators=a,b --no-warm-up}. */
    public static Config parse(String... args) {
      int minutes = 16;
      int distinct = 100_000;
      int head = 20_000;
      int triggers = 6;
      List<String> operators = OPERATORS;
      boolean warmUp = true;
      for (String arg : args) {
        String value = arg.substring(arg.indexOf('=') + 1);
        if (arg.startsWith("--minutes=")) {
          minutes = HarnessArgs.atLeast(value, HISTORY + 2, arg);
        } else if (arg.startsWith("--distinct=")) {
          distinct = HarnessArgs.atLeast(value, 0, arg);
        } else if (arg.startsWith("--head=")) {
          head = HarnessArgs.atLeast(value, 1, arg);
        } else if (arg.startsWith("--triggers=")) {
          triggers = HarnessArgs.atLeast(value, 1, arg);
        } else if (arg.startsWith("--operators=")) {
          operators = Arrays.asList(value.split(","));
          for (String operator : operators) {
            if (!OPERATORS.contains(operator)) {
              throw new IllegalArgumentException("unknown operator '" + operator + "' in " + arg + "; known: "
                  + OPERATORS);
            }
          }
        } else if (arg.equals("--no-warm-up")) {
          warmUp = false;
        } else {
          throw new IllegalArgumentException("unknown argument: " + arg);
        }
      }
      return new Config(minutes, distinct, head, triggers, operators, warmUp);
    }
  }

  /** The operators, in the order they run; {@code topTopics} is the reference of the ratios. */
  public static final List<String> OPERATORS = List.of("topTopics", "approxTopTopics", "trendingTopics",
      "trending maxTracked 4096", "trending by lang", "trending by authors");

  /** One operator's figures over the measured batches. */
  public record Run(String operator, int batches, long medianMs, long maxMs, long peakMemoryBytes,
      long peakStateBytes, long outputRows) {
  }

  public static void main(String[] args) throws Exception {
    Config config = Config.parse(args);
    SparkSession spark = BenchSpark.session();
    Path work = Files.createTempDirectory("bench-trending-scale-");
    try {
      String load = Machine.loadAverage();
      List<Run> runs = run(spark, config, work);
      System.out.println(toTable(config, runs));
      System.out.println("load average before: " + load + ", after: " + Machine.loadAverage());
    } finally {
      TempDirectories.delete(work);
    }
  }

  /** Writes the input once, warms every operator up on a tenth of it, and runs every operator over it. */
  public static List<Run> run(SparkSession spark, Config config, Path work) throws Exception {
    if (config.warmUp()) {
      Config small = new Config(config.minutes(), config.distinct() / 10, Math.max(1, config.head() / 10),
          config.triggers(), config.operators(), false);
      Path warmUp = Files.createDirectories(work.resolve("warm-up"));
      writeInput(small, warmUp);
      for (int i = 0; i < config.operators().size(); i++) {
        runOne(spark, small, warmUp, work.resolve("warm-up-checkpoint-" + i), config.operators().get(i));
      }
    }
    Path input = Files.createDirectories(work.resolve("input"));
    writeInput(config, input);
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < config.operators().size(); i++) {
      runs.add(runOne(spark, config, input, work.resolve("checkpoint-" + i), config.operators().get(i)));
    }
    return runs;
  }

  private static Function<Dataset<Row>, Dataset<Row>> operator(String name) {
    TrendOptions.Builder trending = TrendOptions.builder().k(10).history(HISTORY);
    switch (name) {
      case "topTopics":
        return topics -> topics.transform(HashtagOps.topTopics(10, Duration.ofMinutes(1), Duration.ofMinutes(1),
            Duration.ofMinutes(1)));
      case "approxTopTopics":
        return topics -> topics.transform(HashtagOps.approxTopTopics(10, 4096, Duration.ofMinutes(1),
            Duration.ofMinutes(1), Duration.ofMinutes(1)));
      case "trendingTopics":
        return topics -> topics.transform(HashtagOps.trendingTopics(trending.build()));
      case "trending maxTracked 4096":
        return topics -> topics.transform(HashtagOps.trendingTopics(trending.maxTracked(4096).build()));
      case "trending by lang":
        return topics -> topics.transform(HashtagOps.trendingTopics(trending.groupBy("lang").build()));
      case "trending by authors":
        return topics -> topics.transform(HashtagOps.trendingTopics(trending.countAuthors(true).build()));
      default:
        throw new IllegalArgumentException("unknown operator " + name);
    }
  }

  private static Run runOne(SparkSession spark, Config config, Path input, Path checkpoint, String name)
      throws TimeoutException, StreamingQueryException {
    StructType schema = new StructType()
        .add("event_time", DataTypes.TimestampType)
        .add("topic", DataTypes.StringType)
        .add("lang", DataTypes.StringType)
        .add("author", DataTypes.StringType);
    Dataset<Row> topics = spark.readStream().schema(schema).option("sep", "\t").option("maxFilesPerTrigger", 1)
        .csv(input.toString());
    AvailableNowQuery run = AvailableNowQuery.run(operator(name).apply(topics), "scale_" + name.replace(' ', '_'),
        checkpoint, QUERY_TIMEOUT);
    List<Long> millis = new ArrayList<>();
    long peakMemory = 0;
    long peakState = 0;
    long skip = (long) config.triggers() * (HISTORY + 1);
    int seen = 0;
    for (StreamingQueryProgress progress : run.query().recentProgress()) {
      if (progress.numInputRows() == 0) {
        continue;
      }
      if (seen++ < skip) {
        continue;
      }
      millis.add(progress.durationMs().get("triggerExecution"));
      long memory = 0;
      long state = 0;
      for (StateOperatorProgress operator : progress.stateOperators()) {
        memory += operator.memoryUsedBytes();
        Long current = operator.customMetrics().get("stateOnCurrentVersionSizeBytes");
        state += current == null ? 0 : current;
      }
      peakMemory = Math.max(peakMemory, memory);
      peakState = Math.max(peakState, state);
    }
    millis.sort(null);
    long median = millis.isEmpty() ? 0 : millis.get(millis.size() / 2);
    long max = millis.isEmpty() ? 0 : millis.get(millis.size() - 1);
    return new Run(name, millis.size(), median, max, peakMemory, peakState, run.rowsWritten());
  }

  /** Writes {@code config.minutes() * config.triggers()} files of shuffled topic rows, in event-time order. */
  static void writeInput(Config config, Path dir) throws IOException {
    SplittableRandom random = new SplittableRandom(Corpus.SEED);
    double[] zipf = new double[HEAD_TAGS];
    double sum = 0;
    for (int i = 0; i < HEAD_TAGS; i++) {
      sum += 1.0 / (i + 1);
      zipf[i] = sum;
    }
    long start = java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    int file = 0;
    for (int m = 0; m < config.minutes(); m++) {
      int burst = m == 12 ? 2_000 : 5;
      String[] rows = new String[config.head() + config.distinct() + burst];
      for (int i = 0; i < rows.length; i++) {
        String topic;
        if (i >= config.head() + config.distinct()) {
          topic = "burst";
        } else if (i < config.head()) {
          double u = random.nextDouble() * sum;
          int tag = Arrays.binarySearch(zipf, u);
          topic = "head" + (tag < 0 ? -tag - 1 : tag);
        } else {
          topic = "once" + m + "_" + (i - config.head());
        }
        int author = random.nextInt(AUTHORS);
        long at = start + m * 60_000L + random.nextInt(60_000);
        rows[i] = at + "\t" + topic + "\tlang" + (author % LANGUAGES) + "\tuser" + author;
      }
      // sort by time so that each file is a slice of the minute, as a live stream delivers it
      Arrays.sort(rows, (a, b) -> Long.compare(Long.parseLong(a.substring(0, a.indexOf('\t'))),
          Long.parseLong(b.substring(0, b.indexOf('\t')))));
      int per = (rows.length + config.triggers() - 1) / config.triggers();
      for (int t = 0; t < config.triggers(); t++) {
        Path path = dir.resolve(String.format(Locale.ROOT, "part-%05d.tsv", file++));
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
          for (int i = t * per; i < Math.min(rows.length, (t + 1) * per); i++) {
            String row = rows[i];
            int tab = row.indexOf('\t');
            out.write(java.time.Instant.ofEpochMilli(Long.parseLong(row.substring(0, tab))).toString());
            out.write(row, tab, row.length() - tab);
            out.write('\n');
          }
        }
        Files.setLastModifiedTime(path, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * file));
      }
    }
  }

  /** The side-by-side table, with ratios to {@code topTopics} when it ran. */
  static String toTable(Config config, List<Run> runs) {
    Run top = runs.stream().filter(run -> run.operator().equals("topTopics")).findFirst().orElse(null);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%d distinct tags/minute + %d head occurrences, %d triggers/minute, %d "
        + "minutes; measured: batches after minute %d%n%n", config.distinct(), config.head(), config.triggers(),
        config.minutes(), HISTORY + 1));
    out.append("| operator | batches | median ms | max ms | state MB (memoryUsed) | state MB (current version) "
        + "| median / top | state / top | rows out |\n");
    out.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Run run : runs) {
      out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f | %s | %s | %d |%n", run.operator(),
          run.batches(), run.medianMs(), run.maxMs(), run.peakMemoryBytes() / 1e6, run.peakStateBytes() / 1e6,
          top == null || top.medianMs() == 0 ? "-" : String.format(Locale.ROOT, "%.2fx",
              (double) run.medianMs() / top.medianMs()),
          top == null || top.peakMemoryBytes() == 0 ? "-" : String.format(Locale.ROOT, "%.2fx",
              (double) run.peakMemoryBytes() / top.peakMemoryBytes()),
          run.outputRows()));
    }
    return out.toString();
  }
}
