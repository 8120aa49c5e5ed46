package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OptionConvertersTest {

  @Test
  void positiveIntTakesOneAndMoreOnly() {
    OptionConverters.PositiveInt converter = new OptionConverters.PositiveInt();
    assertThat(converter.convert("1")).isEqualTo(1);
    assertThat(converter.convert(" 42 ")).isEqualTo(42);
    assertThatThrownBy(() -> converter.convert("0")).isInstanceOf(OptionConverters.InvalidValue.class)
        .hasMessage("must be at least 1, got '0'");
    assertThatThrownBy(() -> converter.convert("1e3")).isInstanceOf(OptionConverters.InvalidValue.class)
        .hasMessage("must be a whole number, got '1e3'");
    assertThatThrownBy(() -> converter.convert("99999999999")).isInstanceOf(OptionConverters.InvalidValue.class)
        .hasMessage("must be a whole number, got '99999999999'");
  }

  @Test
  void wholeLongTakesNegativeNumbers() {
    OptionConverters.WholeLong converter = new OptionConverters.WholeLong();
    assertThat(converter.convert("-7")).isEqualTo(-7L);
    assertThatThrownBy(() -> converter.convert("seven")).isInstanceOf(OptionConverters.InvalidValue.class)
        .hasMessage("must be a whole number, got 'seven'");
  }

  @Test
  void nonBlankRejectsBlankText() {
    OptionConverters.NonBlank converter = new OptionConverters.NonBlank();
    assertThat(converter.convert("tweets")).isEqualTo("tweets");
    assertThat(converter.convert("-dash")).isEqualTo("-dash");
    assertThatThrownBy(() -> converter.convert(" ")).isInstanceOf(OptionConverters.InvalidValue.class)
        .hasMessage("must not be blank");
    assertThatThrownBy(() -> converter.convert("--topic")).isInstanceOf(OptionConverters.InvalidValue.class)
        .hasMessage("needs a value");
  }

  @Test
  void bootstrapServersNeedHostAndPortEach() {
    OptionConverters.BootstrapServers converter = new OptionConverters.BootstrapServers();
    assertThat(converter.convert("b1:9092,b2:9093")).isEqualTo("b1:9092,b2:9093");
    assertThat(converter.convert("[::1]:9092")).isEqualTo("[::1]:9092");
    for (String bad : new String[] {"localhost", "host:", ":9092", "host:99999", "a:1,b", "host:port", "h:0"}) {
      assertThatThrownBy(() -> converter.convert(bad)).isInstanceOf(OptionConverters.InvalidValue.class)
          .hasMessage("must be host:port[,host:port...], got '" + bad + "'");
    }
  }

  @Test
  void triggerIntervalIsADurationOrAvailableNow() {
    OptionConverters.TriggerInterval converter = new OptionConverters.TriggerInterval();
    assertThat(converter.convert("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(converter.convert("available-now")).isNull();
    assertThatThrownBy(() -> converter.convert("now")).isInstanceOf(OptionConverters.InvalidValue.class)
        .hasMessage("must be a duration like 500ms, 30s, 1m, 2h or 7d, got 'now'");
  }
}
