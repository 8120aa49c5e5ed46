package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The command-line contract of the app: usage errors give the message, the usage and exit code 2, never a stack
 * trace, and start nothing. The runs themselves are covered by {@link RunnerTest} and the subcommand tests.
 */
class HashtagStreamsAppTest {

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

  private void assertUsageError(String message, String usage, String... args) {
    assertThat(run(args)).isEqualTo(2);
    assertThat(err()).isEqualTo("error: " + message + NL + usage);
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
    assertUsageError("--duration must be a duration like 500ms, 30s, 1m or 2h, got '5x'",
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
    assertUsageError("unknown option '--exactly-once' for 'top'; known: --bootstrap-servers --duration"
        + " --from-beginning --k --partitions --rate --rows --seed --slide --speedup --topic --trigger --watermark"
        + " --window", HashtagStreamsApp.usage("top"), "top", "--exactly-once");
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
  void helpPrintsToStandardOutputAndSucceeds() {
    assertThat(run("--help")).isZero();
    assertThat(out()).isEqualTo(HashtagStreamsApp.usage());
    assertThat(err()).isEmpty();
    outBytes.reset();
    assertThat(run("top", "--help")).isZero();
    assertThat(out()).isEqualTo(HashtagStreamsApp.usage("top"));
  }

  @Test
  void usageListsEverySubcommandAndItsOwnOptions() {
    assertThat(HashtagStreamsApp.usage()).contains("  schema ", "  raw ", "  counts ", "  windowed ", "  top ",
        "  to-kafka ", "  peek ", "--bootstrap-servers");
    assertThat(HashtagStreamsApp.usage("top")).startsWith("usage: HashtagStreamsApp top [options]" + NL)
        .contains("  --k N ", "  --window D ", "  --duration D ");
    assertThat(HashtagStreamsApp.usage("schema")).doesNotContain("--window");
  }
}
