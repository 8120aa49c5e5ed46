package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WindowConfigTest {

  private static WindowConfig parse(String... words) {
    return new WindowedCommand().config(words).windows();
  }

  @Test
  void defaultsToTumblingMinuteWindowsWithThirtySecondsOfLateness() {
    assertThat(parse()).isEqualTo(new WindowConfig(Duration.ofMinutes(1), Duration.ofMinutes(1),
        Duration.ofSeconds(30)));
  }

  @Test
  void slideDefaultsToTheGivenWindow() {
    assertThat(parse("--window", "10s")).isEqualTo(new WindowConfig(Duration.ofSeconds(10), Duration.ofSeconds(10),
        Duration.ofSeconds(30)));
    assertThat(parse("--window", "1m", "--slide", "20s", "--watermark", "5s")).isEqualTo(
        new WindowConfig(Duration.ofMinutes(1), Duration.ofSeconds(20), Duration.ofSeconds(5)));
  }

  @Test
  void rejectsASlideLongerThanTheWindow() {
    assertThatThrownBy(() -> parse("--window", "30s", "--slide", "1m")).isInstanceOf(UsageException.class)
        .hasMessage("--slide 1m must not exceed --window 30s");
  }
}
