package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * How the command line is read and how its errors are worded, through {@link Subcommand#config(String...)} (picocli
 * parses, {@link UsageErrors} words the errors). {@link HashtagStreamsAppTest} checks that the app prints the same
 * messages with the usage and exit code 2.
 */
class UsageErrorsTest {

  private static void assertRejected(Subcommand<?> command, String message, String... words) {
    assertThatThrownBy(() -> command.config(words)).isInstanceOf(UsageException.class).hasMessage(message);
  }

  @Test
  void readsSpacedAndEqualsFormsAndFlags() {
    ToKafkaCommand.Config config = new ToKafkaCommand().config("--rows", "5", "--window=30s", "--exactly-once",
        "--seed", "-7", "--output-topic=out");
    assertThat(config.common().rows()).isEqualTo(5);
    assertThat(config.windows().window()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.exactlyOnce()).isTrue();
    assertThat(config.common().seed()).isEqualTo(-7);
    assertThat(config.outputTopic()).isEqualTo("out");
    assertThat(config.outputMode()).isEqualTo("update");
  }

  @Test
  void absentOptionsGiveTheDefaults() {
    ToKafkaCommand.Config config = new ToKafkaCommand().config();
    assertThat(config.common().rows()).isEqualTo(20);
    assertThat(config.windows()).isEqualTo(new WindowConfig(Duration.ofMinutes(1), Duration.ofMinutes(1),
        Duration.ofSeconds(30)));
    assertThat(config.exactlyOnce()).isFalse();
    assertThat(config.checkpoint()).isNull();
    assertThat(config.outputMode()).isEqualTo("update");
  }

  @Test
  void rejectsUnknownOptionListingTheKnownOnes() {
    String known = "known: " + HashtagStreamsAppTest.TOP_OPTIONS;
    assertRejected(new TopCommand(), "unknown option '--bogus' for 'top'; " + known, "--bogus", "1");
    assertRejected(new TopCommand(), "unknown option '--bogus' for 'top'; " + known, "--k", "3", "--bogus=1");
    assertRejected(new CountsCommand(), "unknown option '--window' for 'counts'; known: --bootstrap-servers"
        + " --dead-letter-topic --duration --format --from-beginning --input --kafka-config --kafka-timeout --live"
        + " --live-url"
        + " --max-offsets-per-trigger --no-ui --partitions --rate --rows --seed --speed --speedup --token-env --token-file"
        + " --topic --trigger", "--window", "1m");
  }

  @Test
  void rejectsMissingValueAtTheEndAndBeforeAnotherOption() {
    assertRejected(new TopCommand(), "--window needs a value", "--window");
    assertRejected(new TopCommand(), "--window needs a value", "--window", "--k", "3");
    assertRejected(new TopCommand(), "--window needs a value", "--window", "--bogus");
    assertRejected(new ToKafkaCommand(), "--output-topic needs a value", "--output-topic", "--exactly-once");
    assertRejected(new ToKafkaCommand(), "--checkpoint needs a value", "--checkpoint", "--unknown");
  }

  @Test
  void rejectsPositionalWordsValuedFlagsAndRepeats() {
    assertRejected(new TopCommand(), "unexpected argument '5' for 'top'", "5");
    assertRejected(new TopCommand(), "unexpected argument '-x' for 'top'", "-x");
    assertRejected(new ToKafkaCommand(), "--exactly-once takes no value, got '--exactly-once=yes'",
        "--exactly-once=yes");
    assertRejected(new ToKafkaCommand(), "--from-beginning takes no value, got '--from-beginning=true'",
        "--from-beginning=true");
    assertRejected(new TopCommand(), "--k given twice", "--k", "1", "--k", "2");
    assertRejected(new TopCommand(), "--window given twice", "--window=1m", "--window", "1m");
  }

  @Test
  void rejectsBadNumbersChoicesAndBlankText() {
    assertRejected(new TopCommand(), "--k must be at least 1, got '0'", "--k", "0");
    assertRejected(new TopCommand(), "--k must be a whole number, got 'ten'", "--k", "ten");
    assertRejected(new TopCommand(), "--approx must be a power of two from 8 to 16777216, got '1000'",
        "--approx", "1000");
    assertRejected(new TopCommand(), "--approx must be a power of two from 8 to 16777216, got '4'", "--approx=4");
    assertRejected(new TopCommand(), "--approx must be a whole number, got 'many'", "--approx", "many");
    assertRejected(new TopCommand(), "--rate must be at least 1, got '-5'", "--rate", "-5");
    assertRejected(new TopCommand(), "--seed must be a whole number, got 'x'", "--seed", "x");
    assertRejected(new ToKafkaCommand(), "--output-mode must be one of append|update, got 'complete'",
        "--output-mode", "complete");
    assertRejected(new WindowedCommand(), "--output-mode must be one of append|complete|update, got 'all'",
        "--output-mode", "all");
    assertRejected(new TopCommand(), "--topic must not be blank", "--topic", " ");
    assertRejected(new TopCommand(), "--topic must not be blank", "--topic=");
  }

  @Test
  void eachCallParsesAfresh() {
    TopCommand command = new TopCommand();
    assertThat(command.config("--k", "3", "--slide", "10s", "--rows", "4").k()).isEqualTo(3);
    TopCommand.Config defaults = command.config();
    assertThat(defaults.k()).isEqualTo(10);
    assertThat(defaults.windows().slide()).isEqualTo(Duration.ofMinutes(1));
    assertThat(defaults.common().rows()).isEqualTo(30);
  }
}
