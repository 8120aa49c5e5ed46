package io.hashtagstreams.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the three extraction benchmarks through JMH and prints records/s and MB/s (from the JMH score, the record
 * count and the corpus bytes) as Markdown tables.
 *
 * <p>Arguments: {@code --spark-tweets=N} (default 100,000) for {@link SparkExtractionBenchmark},
 * {@code --java-tweets=N} (default 10,000) for {@link HashtagExtractionBenchmark} and {@link ParserLoopBenchmark},
 * {@code --input=file.jsonl} instead of generator tweets, {@code --only=Spark|Hashtag|Parser} (a name prefix),
 * {@code --quick} (1 warm-up and 2 measurement iterations of 1 s, for a first look).
 *
 * <p>Run:
 * <pre>
 * mvn -B -ntp -o -pl benchmarks -am package -Pjmh-jar -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.hashtagstreams.benchmarks.ExtractionReport
 * </pre>
 */
public final class ExtractionReport {

  private ExtractionReport() {
  }

  /** One benchmark's converted rows. */
  record Line(String benchmark, String variant, double secondsPerPass, long records, long bytes) {
  }

  /** Parses the arguments, runs JMH and prints the tables. */
  public static void main(String[] args) throws RunnerException {
    int sparkTweets = 100_000;
    int javaTweets = 10_000;
    String input = "";
    String only = "";
    boolean quick = false;
    for (String arg : args) {
      if (arg.startsWith("--spark-tweets=")) {
        sparkTweets = Integer.parseInt(arg.substring(arg.indexOf('=') + 1));
      } else if (arg.startsWith("--java-tweets=")) {
        javaTweets = Integer.parseInt(arg.substring(arg.indexOf('=') + 1));
      } else if (arg.startsWith("--input=")) {
        input = arg.substring(arg.indexOf('=') + 1);
      } else if (arg.startsWith("--only=")) {
        only = arg.substring(arg.indexOf('=') + 1);
      } else if (arg.equals("--quick")) {
        quick = true;
      } else {
        throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    List<Line> lines = new ArrayList<>();
    if ("Spark".startsWith(only) || only.isEmpty()) {
      ChainedOptionsBuilder options = base(quick).include(SparkExtractionBenchmark.class.getSimpleName())
          .param("tweets", String.valueOf(sparkTweets)).param("input", input);
      long[] size = Corpus.size(input, sparkTweets);
      convert(new Runner(options.build()).run(), size[0], size[1], lines);
    }
    long[] javaSize = Corpus.size(input, javaTweets);
    if ("Hashtag".startsWith(only) || only.isEmpty()) {
      long texts = Corpus.texts(input, javaTweets).size();
      ChainedOptionsBuilder options = base(quick).include(HashtagExtractionBenchmark.class.getSimpleName())
          .param("tweets", String.valueOf(javaTweets)).param("input", input);
      convert(new Runner(options.build()).run(), texts, 0, lines);
    }
    if ("Parser".startsWith(only) || only.isEmpty()) {
      ChainedOptionsBuilder options = base(quick).include(ParserLoopBenchmark.class.getSimpleName())
          .param("tweets", String.valueOf(javaTweets)).param("input", input);
      convert(new Runner(options.build()).run(), javaSize[0], javaSize[1], lines);
    }
    System.out.println(table(lines));
  }

  private static ChainedOptionsBuilder base(boolean quick) {
    ChainedOptionsBuilder options = new OptionsBuilder().shouldFailOnError(true);
    if (quick) {
      options.warmupIterations(1).measurementIterations(2)
          .warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(1));
    }
    return options;
  }

  static void convert(Collection<RunResult> results, long records, long bytes, List<Line> into) {
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      double score = result.getPrimaryResult().getScore();
      TimeUnit unit = result.getParams().getTimeUnit();
      double seconds = score * unit.toNanos(1) / 1e9;
      into.add(new Line(benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1),
          result.getParams().getParam("variant"), seconds, records, bytes));
    }
  }

  static String table(List<Line> lines) {
    Table table = new Table("benchmark", "variant", "records", "s per pass", "records/s", "MB/s");
    for (Line line : lines) {
      table.row(line.benchmark(), line.variant(), line.records(), Table.fixed(line.secondsPerPass(), 4),
          Table.count(line.records() / line.secondsPerPass()),
          line.bytes() == 0 ? "-" : Table.fixed(line.bytes() / 1e6 / line.secondsPerPass(), 1));
    }
    return table.toString();
  }
}
