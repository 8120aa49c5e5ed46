package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the trending-at-scale harness on a small input (12 minutes, 50 one-off tags and 300 head occurrences a
 * minute, 1 trigger a minute, no warm-up run): every operator measures the batches after minute 11 and reports state; no timing
 * assertions.
 */
class TrendingScaleTest {

  @TempDir
  Path dir;

  @Test
  void runsEveryOperatorOnTheSameFilesAndReportsTheMeasuredBatches() throws Exception {
    TrendingScale.Config config = TrendingScale.Config.parse("--minutes=12", "--distinct=50", "--head=300",
        "--triggers=1", "--no-warm-up");
    List<TrendingScale.Run> runs = TrendingScale.run(BenchSpark.session(), config, dir);

    assertThat(runs).extracting(TrendingScale.Run::operator).containsExactlyElementsOf(TrendingScale.OPERATORS);
    for (TrendingScale.Run run : runs) {
      // 12 files, the first 11 (11 minutes of 1) skipped
      assertThat(run.batches()).as(run.operator()).isEqualTo(1);
      assertThat(run.peakMemoryBytes()).as(run.operator()).isPositive();
    }
    try (Stream<Path> files = Files.list(dir.resolve("input"))) {
      assertThat(files.count()).isEqualTo(12);
    }
    assertThat(runs.get(0).outputRows()).isPositive();
    assertThat(TrendingScale.toTable(config, runs)).contains("| topTopics | 1 |", "| trending by lang | 1 |",
        "| 1.00x |");
  }

  @Test
  void parsesArgumentsWithDefaultsAndRejectsBadOnes() {
    assertThat(TrendingScale.Config.parse()).isEqualTo(new TrendingScale.Config(16, 100_000, 20_000, 6,
        TrendingScale.OPERATORS, true));
    assertThat(TrendingScale.Config.parse("--no-warm-up").warmUp()).isFalse();
    assertThat(TrendingScale.Config.parse("--operators=topTopics,trendingTopics").operators())
        .containsExactly("topTopics", "trendingTopics");
    assertThatThrownBy(() -> TrendingScale.Config.parse("--minutes=5"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--minutes=5");
    assertThatThrownBy(() -> TrendingScale.Config.parse("--operators=sorted"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown operator 'sorted'");
    assertThatThrownBy(() -> TrendingScale.Config.parse("--fast"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--fast");
  }
}
