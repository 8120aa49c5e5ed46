package io.hashtagstreams.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TrendOptionsTest {

  @Test
  void defaultsAreDocumented() {
    TrendOptions options = TrendOptions.defaults();
    assertThat(options.k()).isEqualTo(10);
    assertThat(options.window()).isEqualTo(Duration.ofMinutes(1));
    assertThat(options.watermark()).isEqualTo(Duration.ofMinutes(1));
    assertThat(options.history()).isEqualTo(10);
    assertThat(options.warmUpWindows()).isEqualTo(3);
    assertThat(options.minCount()).isEqualTo(10);
    assertThat(options.minScore()).isEqualTo(15.0);
  }

  @Test
  void warmUpIsThreeWindowsButNeverMoreThanTheHistory() {
    assertThat(TrendOptions.builder().history(1).build().warmUpWindows()).isEqualTo(1);
    assertThat(TrendOptions.builder().history(2).build().warmUpWindows()).isEqualTo(2);
    assertThat(TrendOptions.builder().history(3).build().warmUpWindows()).isEqualTo(3);
    assertThat(TrendOptions.builder().history(1440).build().warmUpWindows()).isEqualTo(3);
  }

  @Test
  void rejectsKBelowOne() {
    assertThatThrownBy(() -> TrendOptions.builder().k(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics: k must be at least 1, but it is 0");
    assertThatThrownBy(() -> HashtagOps.trendingTopics(-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics: k must be at least 1, but it is -3");
  }

  @Test
  void rejectsBadWindows() {
    assertThatThrownBy(() -> TrendOptions.builder().window(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics: window must be positive, but it is PT0S");
    assertThatThrownBy(() -> TrendOptions.builder().window(Duration.ofNanos(1_500_000)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics: window must be a whole number of milliseconds, but it is PT0.0015S");
    assertThatThrownBy(() -> TrendOptions.builder().window(null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics: window must not be null");
  }

  @Test
  void rejectsNegativeWatermarkAndAcceptsZero() {
    assertThatThrownBy(() -> TrendOptions.builder().watermark(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics: watermark must be zero or positive, but it is PT-1S");
    assertThat(TrendOptions.builder().watermark(Duration.ZERO).build().watermark()).isZero();
  }

  @Test
  void rejectsHistoryOutsideOneToMax() {
    assertThatThrownBy(() -> TrendOptions.builder().history(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics: history must be between 1 and 1440 windows, but it is 0");
    assertThatThrownBy(() -> TrendOptions.builder().history(1441).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics: history must be between 1 and 1440 windows, but it is 1441");
  }

  @Test
  void rejectsMinCountBelowOne() {
    assertThatThrownBy(() -> TrendOptions.builder().minCount(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics: minCount must be at least 1, but it is 0");
  }

  @Test
  void rejectsNegativeOrNonFiniteMinScore() {
    for (double bad : new double[] {-0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> TrendOptions.builder().minScore(bad).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("trendingTopics: minScore must be a finite number at least 0, but it is " + bad);
    }
    assertThat(TrendOptions.builder().minScore(0).build().minScore()).isZero();
  }

  @Test
  void rejectsSettingAnOptionTwice() {
    assertThatThrownBy(() -> TrendOptions.builder().history(5).history(6))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("history was already set to 5");
  }

  @Test
  void equalOptionsAreEqual() {
    assertThat(TrendOptions.builder().k(3).build()).isEqualTo(TrendOptions.builder().k(3).build())
        .hasSameHashCodeAs(TrendOptions.builder().k(3).build())
        .isNotEqualTo(TrendOptions.defaults());
    assertThat(TrendOptions.defaults().toString()).isEqualTo("TrendOptions{k=10, window=PT1M, watermark=PT1M,"
        + " history=10, minCount=10, minScore=15.0}");
  }
}
