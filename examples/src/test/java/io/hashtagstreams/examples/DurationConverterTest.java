package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationConverterTest {

  private final DurationConverter converter = new DurationConverter();

  @Test
  void convertsEachUnit() {
    assertThat(converter.convert("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(converter.convert("3650d")).isEqualTo(Duration.ofHours(87_600));
    assertThat(converter.convert(" 5s ")).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void rejectsMalformedDurationsNamingOptionAndValue() {
    for (String bad : new String[] {"5x", "s", "", "-3s", "1.5m", "30", "PT30S", "1w", "2D"}) {
      assertThatThrownBy(() -> converter.convert(bad))
          .isInstanceOf(OptionConverters.InvalidValue.class)
          .hasMessage("must be a duration like 500ms, 30s, 1m, 2h or 7d, got '" + bad + "'");
      assertThatThrownBy(() -> new WindowedCommand().config("--window", bad))
          .isInstanceOf(UsageException.class)
          .hasMessage("--window must be a duration like 500ms, 30s, 1m, 2h or 7d, got '" + bad + "'");
    }
  }

  @Test
  void rejectsZero() {
    assertThatThrownBy(() -> converter.convert("0s")).isInstanceOf(OptionConverters.InvalidValue.class)
        .hasMessage("must be greater than zero, got '0s'");
    assertThatThrownBy(() -> new CountsCommand().config("--duration", "0s"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--duration must be greater than zero, got '0s'");
  }

  @Test
  void takesNoOptionAsItsValue() {
    assertThatThrownBy(() -> converter.convert("--k")).isInstanceOf(OptionConverters.InvalidValue.class)
        .hasMessage("needs a value");
  }

  @Test
  void formatsInTheLargestExactUnitAndRoundTrips() {
    assertThat(DurationConverter.format(Duration.ofMinutes(120))).isEqualTo("2h");
    assertThat(DurationConverter.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(DurationConverter.format(Duration.ofMinutes(1))).isEqualTo("1m");
    assertThat(DurationConverter.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(converter.convert(DurationConverter.format(Duration.ofMillis(1500)))).isEqualTo(Duration.ofMillis(1500));
  }
}
