package io.hashtagstreams.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import io.hashtagstreams.core.PostFormat;

/**
 * Runs {@link FormatPipelineBenchmark} and {@link FormatScanBenchmark} for every format in one JVM run and prints two
 * tables: posts/s and MB/s of {@code extractText -> explodeTopics} on Spark, and of the reader alone
 * ({@code PostScanner.scan}, one thread), each with both figures as a ratio to the Twitter v1.1 row of the same table
 * (the bar: reading a Bluesky or Mastodon post must not cost more per byte than reading a tweet, i.e. MB/s
 * ratio at least 1.0). The {@code twitter_v1_minimal} rows are the same v1.1 posts trimmed to the fields the reader
 * reads ({@link MinimalTweets}): in the first table Spark's per-row floor, in the second the v1.1 reader's cost per
 * byte it reads rather than skips.
 *
 * <p>Arguments: {@code --posts=N} (default 100,000 lines per format), {@code --quick} (1 warm-up and 2
 * measurement iterations, for a first look; not for BENCHMARKS.md).
 *
 * <p>Run on an idle machine:
 * <pre>
 * mvn -B -ntp -o -pl benchmarks -am package -Pjmh-jar -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.hashtagstreams.benchmarks.FormatReport --posts=100000
 * </pre>
 */
public final class FormatReport {

  private FormatReport() {
  }

  /** One format's measured pass. */
  record Row(String format, long posts, long bytes, double secondsPerPass) {
    double postsPerSecond() {
      return posts / secondsPerPass;
    }

    double megabytesPerSecond() {
      return bytes / 1e6 / secondsPerPass;
    }
  }

  /** Parses the arguments, runs JMH and prints the table. */
  public static void main(String[] args) throws Exception {
    int posts = 100_000;
    boolean quick = false;
    for (String arg : args) {
      if (arg.startsWith("--posts=")) {
        posts = HarnessArgs.atLeast(arg.substring(arg.indexOf('=') + 1), 1, arg);
      } else if (arg.equals("--quick")) {
        quick = true;
      } else {
        throw new IllegalArgumentException("unknown argument: " + arg + " (expected --posts=N or --quick)");
      }
    }
    List<Row> pipeline = run(FormatPipelineBenchmark.class, posts, quick);
    List<Row> reader = run(FormatScanBenchmark.class, posts, quick);
    System.out.println("extractText -> explodeTopics, Spark local[2] (FormatPipelineBenchmark):");
    System.out.println(table(pipeline));
    System.out.println("the reader alone, PostScanner.scan, one thread, no Spark (FormatScanBenchmark):");
    System.out.println(table(reader));
  }

  static List<Row> run(Class<?> benchmark, int posts, boolean quick) throws Exception {
    ChainedOptionsBuilder options = new OptionsBuilder().shouldFailOnError(true)
        .include(java.util.regex.Pattern.quote(benchmark.getName()) + "\\.").param("posts", String.valueOf(posts));
    if (quick) {
      options.warmupIterations(1).measurementIterations(2)
          .warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(1));
    }
    List<Row> rows = new ArrayList<>();
    for (RunResult result : new Runner(options.build()).run()) {
      String format = result.getParams().getParam("format");
      long[] bytes = new long[1];
      java.nio.file.Files.delete(FormatPipelineBenchmark.input(format, posts, bytes));
      double score = result.getPrimaryResult().getScore();
      TimeUnit unit = result.getParams().getTimeUnit();
      rows.add(new Row(format, posts, bytes[0], score * unit.toNanos(1) / 1e9));
    }
    return rows;
  }

  static String table(List<Row> rows) {
    Row base = rows.stream().filter(row -> row.format().equals(PostFormat.TWITTER_V1.id())).findFirst().orElse(null);
    Table table = new Table("format", "lines", "MB", "s per pass", "posts/s", "MB/s", "posts/s vs v1.1",
        "MB/s vs v1.1");
    for (Row row : rows) {
      table.row(row.format(), row.posts(), Table.fixed(row.bytes() / 1e6, 1), Table.fixed(row.secondsPerPass(), 3),
          Table.count(row.postsPerSecond()), Table.fixed(row.megabytesPerSecond(), 1),
          base == null ? "-" : Table.fixed(row.postsPerSecond() / base.postsPerSecond(), 2),
          base == null ? "-" : Table.fixed(row.megabytesPerSecond() / base.megabytesPerSecond(), 2));
    }
    return table.toString();
  }
}
