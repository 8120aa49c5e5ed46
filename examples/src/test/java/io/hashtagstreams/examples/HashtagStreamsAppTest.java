package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The command-line contract of the app: usage errors give the message, the usage and exit code 2, never a stack
 * trace, and start nothing; help and version go to standard output with exit code 0. The wording of every parse
 * error is covered by {@link UsageErrorsTest}; the runs themselves by {@link RunnerTest} and the subcommand tests.
 */
class HashtagStreamsAppTest {

  /** The options of {@code top}, as the unknown-option error lists them. */
  static final String TOP_OPTIONS = "--approx --bootstrap-servers --dead-letter-topic --duration --format"
      + " --from-beginning --input --k --kafka-config --kafka-timeout --live --live-url --max-offsets-per-trigger"
      + " --no-ui --partitions --rate --rows --seed --slide --speed --speedup --token-env --token-file --topic --trigger"
      + " --watermark --window";

  private static final String NL = System.lineSeparator();

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int run(String... args) {
    return HashtagStreamsApp.run(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * A usage error: the message, then the app's usage when no subcommand was recognised, or else one line naming
   * the subcommand's --help (not its whole usage).
   */
  private void assertUsageError(String message, String usage, String... args) {
    assertThat(run(args)).isEqualTo(2);
    String tail = usage.equals(HashtagStreamsApp.usage()) ? usage
        : "(see 'hashtag-streams " + args[0] + " --help' for the options)" + NL;
    assertThat(err()).isEqualTo("error: " + message + NL + tail);
    assertThat(out()).isEmpty();
  }

  @Test
  void noArgumentsPrintsTheUsageAndFails() {
    assertUsageError("no subcommand given", HashtagStreamsApp.usage());
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    assertUsageError("unknown subcommand 'tops'", HashtagStreamsApp.usage(), "tops", "--k", "3");
  }

  @Test
  void badDurationIsAUsageErrorOfThatSubcommand() {
    assertUsageError("--duration must be a duration like 500ms, 30s, 1m, 2h or 7d, got '5x'",
        HashtagStreamsApp.usage("windowed"), "windowed", "--duration", "5x");
  }

  @Test
  void negativeRateIsAUsageError() {
    assertUsageError("--rate must be at least 1, got '-5'", HashtagStreamsApp.usage("counts"),
        "counts", "--rate", "-5");
  }

  @Test
  void zeroKIsAUsageError() {
    assertUsageError("--k must be at least 1, got '0'", HashtagStreamsApp.usage("top"), "top", "--k", "0");
  }

  @Test
  void unknownFlagIsAUsageError() {
    assertUsageError("unknown option '--exactly-once' for 'top'; known: " + TOP_OPTIONS,
        HashtagStreamsApp.usage("top"), "top", "--exactly-once");
  }

  @Test
  void missingValueIsAUsageError() {
    assertUsageError("--output-topic needs a value", HashtagStreamsApp.usage("to-kafka"),
        "to-kafka", "--output-topic");
  }

  @Test
  void badOutputModeAndSameInputAndOutputTopicAreUsageErrors() {
    assertUsageError("--output-mode must be one of append|complete|update, got 'all'",
        HashtagStreamsApp.usage("windowed"), "windowed", "--output-mode", "all");
    errBytes.reset();
    assertUsageError("--output-topic must differ from the input --topic, both are 'tweets'",
        HashtagStreamsApp.usage("peek"), "peek", "--output-topic", "tweets");
  }

  @Test
  void valuedFlagRepeatedOptionAndPositionalWordAreUsageErrors() {
    assertUsageError("--exactly-once takes no value, got '--exactly-once=yes'", HashtagStreamsApp.usage("to-kafka"),
        "to-kafka", "--exactly-once=yes");
    errBytes.reset();
    assertUsageError("--k given twice", HashtagStreamsApp.usage("top"), "top", "--k", "1", "--k", "2");
    errBytes.reset();
    assertUsageError("unexpected argument 'now' for 'raw'", HashtagStreamsApp.usage("raw"), "raw", "now");
  }

  @Test
  void contradictingOptionsAreUsageErrors() {
    assertUsageError("--slide 2m must not exceed --window 1m", HashtagStreamsApp.usage("windowed"),
        "windowed", "--slide", "2m");
    errBytes.reset();
    assertUsageError("--rate applies only to the embedded broker, not with --bootstrap-servers b:9092",
        HashtagStreamsApp.usage("counts"), "counts", "--bootstrap-servers", "b:9092", "--rate", "5");
  }

  @Test
  void helpPrintsToStandardOutputAndSucceeds() {
    for (String[] help : new String[][] {{"--help"}, {"-h"}, {"help"}}) {
      outBytes.reset();
      assertThat(run(help)).isZero();
      assertThat(out()).isEqualTo(HashtagStreamsApp.usage());
    }
    for (String[] help : new String[][] {{"top", "--help"}, {"top", "-h"}, {"help", "top"},
        {"top", "--k", "3", "--help"}, {"top", "--bogus", "--help"}}) {
      outBytes.reset();
      assertThat(run(help)).as(String.join(" ", help)).isZero();
      assertThat(out()).isEqualTo(HashtagStreamsApp.usage("top"));
    }
    assertThat(err()).isEmpty();
  }

  @Test
  void versionPrintsTheBuildVersionAndSucceeds() {
    assertThat(run("--version")).isZero();
    assertThat(out()).matches("hashtag-streams \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?" + NL
        + "built for Spark 3\\.5\\.\\d+ \\(Scala 2\\.12\\)" + NL);
    String version = out();
    outBytes.reset();
    assertThat(run("peek", "-V")).isZero();
    assertThat(out()).isEqualTo(version);
    assertThat(err()).isEmpty();
  }

  @Test
  void usageListsEverySubcommandAndItsOwnOptions() {
    assertThat(HashtagStreamsApp.usage()).startsWith("usage: hashtag-streams ")
        .contains("  schema ", "  raw ", "  counts ", "  windowed ", "  top ", "  to-kafka ", "  peek ", "  replay ",
            "  ingest ", "--help", "--version", "exit codes:")
        .doesNotContain("--window");
    assertThat(HashtagStreamsApp.usage("top")).startsWith("usage: hashtag-streams top [OPTIONS]" + NL)
        .contains("  --k=N ", "  --window=D ", "  --duration=D ", "  --bootstrap-servers=", "(default 10)",
            "(default 1m)", "(default 30s)", "(default tweets)", "(default 5s)");
    assertThat(HashtagStreamsApp.usage("to-kafka")).contains("  --output-topic=NAME ", "  --exactly-once ",
        "(default hashtag-counts)", "  --window=D ", "  --rate=N ");
    assertThat(HashtagStreamsApp.usage("schema")).contains("  --topic=NAME ").doesNotContain("--window");
  }

  @Test
  void usageOfAnUnknownSubcommandIsAUsageException() {
    assertThatThrownBy(() -> HashtagStreamsApp.usage("tops")).isInstanceOf(UsageException.class)
        .hasMessage("unknown subcommand 'tops'");
  }
}
