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
        + " history=10, minCount=10, minScore=15.0, maxTracked=0, countAuthors=false, groupBy=[]}");
    assertThat(TrendOptions.builder().groupBy("lang").build()).isEqualTo(TrendOptions.builder().groupBy("lang").build())
        .isNotEqualTo(TrendOptions.builder().groupBy("network").build());
    assertThat(TrendOptions.builder().countAuthors(true).build()).isNotEqualTo(TrendOptions.defaults());
    assertThat(TrendOptions.builder().maxTracked(64).build()).isNotEqualTo(TrendOptions.defaults());
  }

  @Test
  void newOptionsDefaultToExactPostCountsInOneGroup() {
    TrendOptions defaults = TrendOptions.defaults();
    assertThat(defaults.maxTracked()).isZero();
    assertThat(defaults.countAuthors()).isFalse();
    assertThat(defaults.groupBy()).isEmpty();
    TrendOptions set = TrendOptions.builder().maxTracked(1024).countAuthors(true).groupBy("lang", "network").build();
    assertThat(set.maxTracked()).isEqualTo(1024);
    assertThat(set.countAuthors()).isTrue();
    assertThat(set.groupBy()).containsExactly("lang", "network");
  }

  @Test
  void rejectsMaxTrackedThatIsNotAPowerOfTwoInRange() {
    for (int bad : new int[] {-8, 4, 100, 1 << 25}) {
      assertThatThrownBy(() -> TrendOptions.builder().maxTracked(bad).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("trendingTopics: maxTracked must be a power of two from 8 to 16777216, but it is " + bad);
    }
    assertThat(TrendOptions.builder().maxTracked(8).build().maxTracked()).isEqualTo(8);
  }

  @Test
  void rejectsGroupByColumnsThatAreBlankRepeatedOrOwnedByTheOperator() {
    assertThatThrownBy(() -> TrendOptions.builder().groupBy("lang", "lang").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics: groupBy column 'lang' is given twice");
    assertThatThrownBy(() -> TrendOptions.builder().groupBy("lang", " ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics: a groupBy column name must not be null or blank, but the columns are [lang,  ]");
    assertThatThrownBy(() -> TrendOptions.builder().groupBy("topic").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics: cannot group by 'topic': the operator owns that column (reserved: [baseline, "
            + "count, event_time, rank, score, start_ms, topic, window])");
    assertThatThrownBy(() -> TrendOptions.builder().groupBy("author").countAuthors(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics: cannot group by 'author' while counting authors (every group would count 1)");
    assertThatThrownBy(() -> TrendOptions.builder().groupBy((String[]) null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics: groupBy columns must not be null");
    assertThatThrownBy(() -> TrendOptions.builder().countAuthors(true).countAuthors(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("countAuthors was already set to true");
  }
}
