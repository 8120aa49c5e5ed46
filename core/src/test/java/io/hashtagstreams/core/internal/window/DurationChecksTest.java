package io.hashtagstreams.core.internal.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The messages per parameter are checked through the public API in WindowedCountingTest. */
class DurationChecksTest {

  @Test
  void writesSparkIntervalsInMilliseconds() {
    assertThat(DurationChecks.sparkInterval(Duration.ofMinutes(1))).isEqualTo("60000 milliseconds");
    assertThat(DurationChecks.sparkInterval(Duration.ofMillis(1))).isEqualTo("1 milliseconds");
    assertThat(DurationChecks.sparkInterval(Duration.ZERO)).isEqualTo("0 milliseconds");
  }

  @Test
  void acceptsTheSmallestValues() {
    Duration ms = Duration.ofMillis(1);
    assertThatCode(() -> DurationChecks.requireWindowSpec("op", ms, ms, Duration.ZERO)).doesNotThrowAnyException();
  }

  @Test
  void rejectsTheMostNegativeDurationWithoutOverflowing() {
    Duration lowest = Duration.ofSeconds(Long.MIN_VALUE);
    assertThatThrownBy(() -> DurationChecks.requireWindowSpec("op", Duration.ofMinutes(1), Duration.ofMinutes(1),
        lowest))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op: watermark must be zero or positive, but it is " + lowest);
  }
}
