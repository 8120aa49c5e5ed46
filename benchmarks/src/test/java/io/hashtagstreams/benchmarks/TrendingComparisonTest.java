package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Runs the trending-vs-top harness once on 3,000 tweets in 3 files, 10 per second of event time (5 one-minute
 * windows, so some close): both operators see every tweet in 3 batches and report state, top-K writes rows; no
 * timing assertions.
 */
class TrendingComparisonTest {

  @Test
  void runsBothOperatorsOverEveryTweetAndReportsState() throws Exception {
    List<TrendingComparison.Run> runs = TrendingComparison.run(BenchSpark.session(),
        new TrendingComparison.Config(3_000, 3, 1, 10));

    assertThat(runs).extracting(TrendingComparison.Run::operator).containsExactly("topTopics", "trendingTopics");
    for (TrendingComparison.Run run : runs) {
      assertThat(run.tweets()).isEqualTo(3_000);
      assertThat(run.batches()).hasSize(3);
      assertThat(run.peakStateRows()).isPositive();
      assertThat(run.peakStateMemoryBytes()).isPositive();
    }
    assertThat(runs.get(0).outputRows()).isPositive();
    assertThat(TrendingComparison.toTable(runs)).contains("| trending / top ", "| topTopics ", "| trendingTopics ");
  }

  @Test
  void parsesArgumentsWithDefaultsAndRejectsBadOnes() {
    assertThat(TrendingComparison.Config.parse()).isEqualTo(new TrendingComparison.Config(200_000, 20, 1, 200));
    assertThat(TrendingComparison.Config.parse("--tweets=10", "--files=2", "--rounds=3", "--per-second=5"))
        .isEqualTo(new TrendingComparison.Config(10, 2, 3, 5));
    assertThatThrownBy(() -> TrendingComparison.Config.parse("--files=0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--files=0");
    assertThatThrownBy(() -> TrendingComparison.Config.parse("--fast"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--fast");
  }
}
