package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ArgsTest {

  private static final Set<String> VALUES = Set.of("--k", "--window", "--mode", "--seed", "--name");
  private static final Set<String> FLAGS = Set.of("--exactly-once");

  private static Args parse(String... words) {
    return Args.parse("top", words, VALUES, FLAGS);
  }

  @Test
  void readsSpacedAndEqualsFormsAndFlags() {
    Args args = parse("--k", "5", "--window=30s", "--exactly-once", "--seed", "-7");
    assertThat(args.positiveInt("--k", 10)).isEqualTo(5);
    assertThat(args.duration("--window", Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(30));
    assertThat(args.flag("--exactly-once")).isTrue();
    assertThat(args.anyLong("--seed", 1)).isEqualTo(-7);
    assertThat(args.has("--mode")).isFalse();
    assertThat(args.command()).isEqualTo("top");
  }

  @Test
  void absentOptionsGiveTheFallbacks() {
    Args args = parse();
    assertThat(args.positiveInt("--k", 10)).isEqualTo(10);
    assertThat(args.duration("--window", Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
    assertThat(args.flag("--exactly-once")).isFalse();
    assertThat(args.text("--name", null)).isNull();
    assertThat(args.choice("--mode", "update", Set.of("update", "append"))).isEqualTo("update");
  }

  @Test
  void rejectsUnknownOptionListingTheKnownOnes() {
    assertThatThrownBy(() -> parse("--bogus", "1"))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown option '--bogus' for 'top'; known: --exactly-once --k --mode --name --seed --window");
  }

  @Test
  void rejectsMissingValueAtTheEndAndBeforeAnotherOption() {
    assertThatThrownBy(() -> parse("--window")).isInstanceOf(UsageException.class)
        .hasMessage("--window needs a value");
    assertThatThrownBy(() -> parse("--window", "--k", "3")).isInstanceOf(UsageException.class)
        .hasMessage("--window needs a value");
  }

  @Test
  void rejectsPositionalWordsValuedFlagsAndRepeats() {
    assertThatThrownBy(() -> parse("5")).isInstanceOf(UsageException.class)
        .hasMessage("unexpected argument '5' for 'top'");
    assertThatThrownBy(() -> parse("--exactly-once=yes")).isInstanceOf(UsageException.class)
        .hasMessage("--exactly-once takes no value, got '--exactly-once=yes'");
    assertThatThrownBy(() -> parse("--k", "1", "--k", "2")).isInstanceOf(UsageException.class)
        .hasMessage("--k given twice");
  }

  @Test
  void rejectsBadNumbersAndChoices() {
    assertThatThrownBy(() -> parse("--k", "0").positiveInt("--k", 10)).isInstanceOf(UsageException.class)
        .hasMessage("--k must be at least 1, got '0'");
    assertThatThrownBy(() -> parse("--k", "ten").positiveInt("--k", 10)).isInstanceOf(UsageException.class)
        .hasMessage("--k must be a whole number, got 'ten'");
    assertThatThrownBy(() -> parse("--seed", "x").anyLong("--seed", 1)).isInstanceOf(UsageException.class)
        .hasMessage("--seed must be a whole number, got 'x'");
    assertThatThrownBy(() -> parse("--mode", "all").choice("--mode", "update", Set.of("update", "append")))
        .isInstanceOf(UsageException.class)
        .hasMessage("--mode must be one of append|update, got 'all'");
    assertThatThrownBy(() -> parse("--name", " ").text("--name", null)).isInstanceOf(UsageException.class)
        .hasMessage("--name must not be blank");
  }

  @Test
  void unionJoinsOptionSets() {
    assertThat(Args.union(Set.of("--a"), Set.of("--b", "--a"))).containsExactly("--a", "--b");
  }
}
