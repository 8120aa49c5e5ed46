package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs each JMH benchmark once, in this JVM (forks 0: a fork would need the classpath that surefire does not pass
 * on), with one warm-up and one measurement iteration of 100 ms on a tiny corpus. Asserts that every variant
 * produced a score, never how large.
 */
class BenchmarksSmokeTest {

  private static Collection<RunResult> runOnce(Class<?> benchmark, int tweets) throws RunnerException {
    return new Runner(new OptionsBuilder()
        .include(Pattern.quote(benchmark.getName()) + "\\.")
        .forks(0)
        .warmupIterations(1)
        .measurementIterations(1)
        .warmupTime(TimeValue.milliseconds(100))
        .measurementTime(TimeValue.milliseconds(100))
        .param("tweets", String.valueOf(tweets))
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT)
        .build()).run();
  }

  private static void assertScoredVariants(Collection<RunResult> results, String... variants) {
    assertThat(results).extracting(r -> r.getParams().getParam("variant")).containsExactlyInAnyOrder(variants);
    assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  @Test
  void sparkExtractionBenchmarkScoresEveryVariant() throws RunnerException {
    assertScoredVariants(runOnce(SparkExtractionBenchmark.class, 300),
        "extractText", "get_json_object", "from_json", "json_tuple");
  }

  @Test
  void hashtagExtractionBenchmarkScoresEveryVariant() throws RunnerException {
    assertScoredVariants(runOnce(HashtagExtractionBenchmark.class, 300), "Hashtags.extract",
        "Hashtags.extract(bluesky)", "Hashtags.extract(mastodon)", "split", "regex");
  }

  @Test
  void parserLoopBenchmarkScoresEveryVariant() throws RunnerException {
    assertScoredVariants(runOnce(ParserLoopBenchmark.class, 300), "TweetScanner", "jackson-early-exit");
  }

  @Test
  void formatPipelineBenchmarkScoresEveryFormatAndTheReportComparesThemToV1() throws RunnerException {
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(Pattern.quote(FormatPipelineBenchmark.class.getName()) + "\\.")
        .forks(0).warmupIterations(1).measurementIterations(1)
        .param("posts", "300").shouldFailOnError(true).verbosity(VerboseMode.SILENT).build()).run();
    assertThat(results).extracting(r -> r.getParams().getParam("format"))
        .containsExactlyInAnyOrder("twitter_v1", "twitter_v1_minimal", "x_v2", "bluesky_jetstream", "mastodon");
    assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    String table = FormatReport.table(List.of(
        new FormatReport.Row("twitter_v1", 100, 4_000_000, 2.0),
        new FormatReport.Row("bluesky_jetstream", 100, 1_000_000, 0.25)));
    // v1.1: 50 posts/s, 2.0 MB/s; Bluesky: 400 posts/s (8.00x), 4.0 MB/s (2.00x).
    assertThat(table).contains("| twitter_v1 ").contains(" 1.00 |").contains(" 8.00 |").contains(" 2.00 |")
        .contains(" 50 |").contains(" 400 |");
  }

  @Test
  void formatScanBenchmarkScoresEveryFormat() throws RunnerException {
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(Pattern.quote(FormatScanBenchmark.class.getName()) + "\\.")
        .forks(0).warmupIterations(1).measurementIterations(1)
        .warmupTime(TimeValue.milliseconds(100)).measurementTime(TimeValue.milliseconds(100))
        .param("posts", "300").shouldFailOnError(true).verbosity(VerboseMode.SILENT).build()).run();
    assertThat(results).extracting(r -> r.getParams().getParam("format"))
        .containsExactlyInAnyOrder("twitter_v1", "twitter_v1_minimal", "x_v2", "bluesky_jetstream", "mastodon");
    assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  @Test
  void formatScanLinesAreSplitByteForByte() {
    byte[] bytes = {'{', '}', '\n', '\n', (byte) 0xC3, '\n', 'x'};
    byte[][] lines = FormatScanBenchmark.lines(bytes);
    assertThat(lines.length).isEqualTo(4);
    assertThat(lines[0]).containsExactly('{', '}');
    assertThat(lines[1]).isEmpty();
    assertThat(lines[2]).containsExactly((byte) 0xC3);
    assertThat(lines[3]).containsExactly('x');
  }

  @Test
  void formatForkFlagsAreTheSparkBenchmarksFlags() {
    assertThat(FormatPipelineBenchmark.class.getAnnotation(Fork.class).jvmArgsAppend())
        .isEqualTo(SparkExtractionBenchmark.class.getAnnotation(Fork.class).jvmArgsAppend());
  }

  @Test
  void sparkForkFlagsAreTheRootPomsJava17Flags() throws IOException {
    Properties pom = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/root-pom.properties")) {
      pom.load(in);
    }
    List<String> rootFlags = Arrays.asList(pom.getProperty("java17.spark.flags").trim().split("\\s+"));
    String[] forkArgs = SparkExtractionBenchmark.class.getAnnotation(Fork.class).jvmArgsAppend();

    assertThat(rootFlags).hasSizeGreaterThan(10);
    assertThat(Arrays.asList(forkArgs).subList(3, forkArgs.length)).isEqualTo(rootFlags);
  }
}
