package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parsesEachUnit() {
    assertThat(Durations.parse("--x", "250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("--x", "30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("--x", "2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("--x", "1h")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void rejectsMalformedDurationsNamingOptionAndValue() {
    for (String bad : new String[] {"5x", "s", "", "-3s", "1.5m", "30", "PT30S"}) {
      assertThatThrownBy(() -> Durations.parse("--window", bad))
          .isInstanceOf(UsageException.class)
          .hasMessage("--window must be a duration like 500ms, 30s, 1m or 2h, got '" + bad + "'");
    }
    assertThatThrownBy(() -> Durations.parse("--window", null)).isInstanceOf(UsageException.class)
        .hasMessageEndingWith("got 'null'");
  }

  @Test
  void rejectsZero() {
    assertThatThrownBy(() -> Durations.parse("--duration", "0s"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--duration must be greater than zero, got '0s'");
  }

  @Test
  void formatsInTheLargestExactUnitAndRoundTrips() {
    assertThat(Durations.format(Duration.ofMinutes(120))).isEqualTo("2h");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Durations.format(Duration.ofMinutes(1))).isEqualTo("1m");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Durations.parse("--x", Durations.format(Duration.ofMillis(1500)))).isEqualTo(Duration.ofMillis(1500));
  }
}
