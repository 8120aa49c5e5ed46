package io.hashtagstreams.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * End-to-end batch comparison of the notebook pipeline and ours on the same cached input in the same SparkSession.
 *
 * <p>Measures four variants, each forced to full evaluation with {@code write.format("noop")}:
 * {@code notebook} ({@link NotebookPipeline#counts}), {@code ours} ({@link OursPipeline#counts}), and the per-record
 * reads alone, {@code get_json_object} ({@link NotebookPipeline#extract}) and {@code extractText}
 * ({@link OursPipeline#extract}). One warm-up run of each, then {@code runs} rounds that run the four in turn
 * (alternating, so drift hits all alike); prints the median time, tweets/s and MB/s of each and the ratios, then
 * the key-by-key comparison of both pipelines' counts ({@link CountsComparison}).
 *
 * <p>Data: {@code --tweets} generator tweets (default 200,000, seed 42), or the first {@code --tweets} lines of
 * {@code --input=file.jsonl}, copied to a temporary JSON-lines file; read with {@code spark.read().text(...)} and cached in memory before timing.
 *
 * <p>Run (2 cores: keep other work off the machine):
 * <pre>
 * mvn -B -ntp -o -pl benchmarks -am verify -Prun -DskipTests \
 *     -Dbench.main=io.hashtagstreams.benchmarks.PipelineComparison -Dbench.args="--tweets=200000 --runs=3"
 * </pre>
 */
public final class PipelineComparison {

  /** The variants, in the order each round runs them. */
  public static final List<String> VARIANTS = List.of("notebook", "ours", "get_json_object", "extractText");

  private PipelineComparison() {
  }

  /**
   * What to run.
   *
   * @param tweets generator tweets when no input file is given
   * @param runs measured rounds (the median is reported)
   * @param input a JSON-lines file, or null to generate
   * @param variants which of {@link #VARIANTS} to run (all by default; fewer for profiling one of them)
   */
  public record Config(int tweets, int runs, Path input, List<String> variants) {

    /**
     * Parses {@code --tweets=N --runs=N --input=PATH --variants=a,b}; unknown arguments and variants fail.
     */
    public static Config parse(String... args) {
      int tweets = 200_000;
      int runs = 3;
      Path input = null;
      List<String> variants = VARIANTS;
      for (String arg : args) {
        if (arg.startsWith("--tweets=")) {
          tweets = positive(arg);
        } else if (arg.startsWith("--runs=")) {
          runs = positive(arg);
        } else if (arg.startsWith("--input=")) {
          input = Path.of(arg.substring("--input=".length()));
        } else if (arg.startsWith("--variants=")) {
          variants = List.of(arg.substring("--variants=".length()).split(","));
          for (String variant : variants) {
            if (!VARIANTS.contains(variant)) {
              throw new IllegalArgumentException("unknown variant '" + variant + "' in " + arg + "; known: "
                  + VARIANTS);
            }
          }
        } else {
          throw new IllegalArgumentException("unknown argument: " + arg
              + " (expected --tweets=N, --runs=N, --input=PATH, --variants=a,b)");
        }
      }
      return new Config(tweets, runs, input, variants);
    }

    private static int positive(String arg) {
      String value = arg.substring(arg.indexOf('=') + 1);
      try {
        int parsed = Integer.parseInt(value);
        if (parsed > 0) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below with the bad value
      }
      throw new IllegalArgumentException("expected a positive integer: " + arg);
    }
  }

  /**
   * The measured outcome.
   *
   * @param tweets input records
   * @param bytes input bytes (UTF-8 JSON, without line ends)
   * @param seconds every measured run per variant, in run order
   * @param counts the key-by-key comparison of the two pipelines' window counts, or null when one did not run
   */
  public record Result(long tweets, long bytes, Map<String, double[]> seconds, CountsComparison counts) {

    /** Median seconds of a variant. */
    public double median(String variant) {
      return Stats.median(seconds.get(variant));
    }

    /** Median tweets per second of a variant. */
    public double tweetsPerSecond(String variant) {
      return tweets / median(variant);
    }

    /** The results as a Markdown table plus the ratio lines of the pairs that ran. */
    public String toTable() {
      Table table = new Table("variant", "runs (s)", "median s", "tweets/s", "MB/s");
      for (Map.Entry<String, double[]> variant : seconds.entrySet()) {
        String name = variant.getKey();
        StringBuilder runs = new StringBuilder();
        for (double run : variant.getValue()) {
          runs.append(runs.length() == 0 ? "" : " ").append(Table.fixed(run, 2));
        }
        table.row(name, runs, Table.fixed(median(name), 3),
            Table.count(tweetsPerSecond(name)), Table.fixed(bytes / 1e6 / median(name), 1));
      }
      StringBuilder out = new StringBuilder(table.toString());
      ratio(out, "ours / notebook (end to end)", "ours", "notebook");
      ratio(out, "extractText / get_json_object (per record)", "extractText", "get_json_object");
      return out.toString();
    }

    private void ratio(StringBuilder out, String label, String faster, String slower) {
      if (seconds.containsKey(faster) && seconds.containsKey(slower)) {
        out.append('\n').append(label).append(": ")
            .append(Table.fixed(tweetsPerSecond(faster) / tweetsPerSecond(slower), 2)).append('x');
      }
    }
  }

  /**
   * Runs the chosen variants on {@code input} (column {@code value}), which this method caches and unpersists;
   * compares the two pipelines' counts when both ran ({@code counts} is null otherwise).
   */
  public static Result run(SparkSession spark, Dataset<Row> input, int runs, List<String> chosen) {
    Dataset<Row> cached = input.select("value").persist(StorageLevel.MEMORY_ONLY());
    try {
      long tweets = cached.count();
      long bytes = cached.selectExpr("sum(octet_length(value))").first().getLong(0);
      Map<String, UnaryOperator<Dataset<Row>>> all = new LinkedHashMap<>();
      all.put("notebook", NotebookPipeline::counts);
      all.put("ours", OursPipeline::counts);
      all.put("get_json_object", NotebookPipeline::extract);
      all.put("extractText", OursPipeline::extract);
      Map<String, UnaryOperator<Dataset<Row>>> variants = new LinkedHashMap<>();
      all.forEach((name, plan) -> {
        if (chosen.contains(name)) {
          variants.put(name, plan);
        }
      });
      Map<String, List<Double>> times = new LinkedHashMap<>();
      for (Map.Entry<String, UnaryOperator<Dataset<Row>>> variant : variants.entrySet()) {
        time(variant.getValue().apply(cached));
        times.put(variant.getKey(), new ArrayList<>());
      }
      for (int round = 0; round < runs; round++) {
        for (Map.Entry<String, UnaryOperator<Dataset<Row>>> variant : variants.entrySet()) {
          times.get(variant.getKey()).add(time(variant.getValue().apply(cached)));
        }
      }
      Map<String, double[]> seconds = new LinkedHashMap<>();
      times.forEach((name, list) -> seconds.put(name, list.stream().mapToDouble(Double::doubleValue).toArray()));
      CountsComparison counts = chosen.contains("notebook") && chosen.contains("ours")
          ? CountsComparison.of(NotebookPipeline.counts(cached), OursPipeline.counts(cached))
          : null;
      return new Result(tweets, bytes, seconds, counts);
    } finally {
      cached.unpersist(true);
    }
  }

  /** Seconds to evaluate {@code plan} completely into the no-op sink. */
  static double time(Dataset<Row> plan) {
    long start = System.nanoTime();
    plan.write().format("noop").mode("overwrite").save();
    return (System.nanoTime() - start) / 1e9;
  }

  /** Parses the arguments, prepares the input, runs and prints. */
  public static void main(String[] args) throws IOException {
    Config config = Config.parse(args);
    SparkSession spark = BenchSpark.session();
    Path input = Corpus.temporaryFile(config.input() == null ? "" : config.input().toString(), config.tweets());
    try {
      System.out.printf("input: %s, %d rounds after one warm-up, local[2]; load average at start: %s%n",
          config.input() == null ? "generator, seed " + Corpus.SEED : config.input(), config.runs(),
          Machine.loadAverage());
      Result result = run(spark, spark.read().text(input.toString()), config.runs(), config.variants());
      System.out.printf("%,d tweets, %,d bytes (%.0f bytes/tweet)%n%n", result.tweets(), result.bytes(),
          (double) result.bytes() / result.tweets());
      System.out.println(result.toTable());
      System.out.printf("load average at end: %s%n", Machine.loadAverage());
      if (result.counts() != null) {
        System.out.println();
        System.out.println(result.counts().toTable());
      }
    } finally {
      spark.stop();
      Files.deleteIfExists(input);
    }
  }
}
