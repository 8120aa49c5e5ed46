package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the approximate top-K harness once on tiny floods (2,000 head rows over 40 topics, plus 100 or 2,000
 * single-use tags; sketches of 64 and 1,024) and checks what it computes, not how fast: the exact run finds the
 * true top 10; below the exact range (100 single-use tags + 40 head topics < 768 = 0.75 * 1024) the approximate
 * ranking equals the exact one; every reported bound contains the true count; the table has a row per variant.
 */
class ApproxTopKComparisonTest {

  @TempDir
  Path work;

  @Test
  void comparesExactAndApproximateRunsOnTinyFloods() {
    ApproxTopKComparison.Config config = ApproxTopKComparison.Config.parse("--head=2000", "--head-topics=40",
        "--single-use=100,2000", "--max-tracked=64,1024", "--files=2", "--seed=3");
    List<ApproxTopKComparison.Run> runs = ApproxTopKComparison.run(BenchSpark.session(), config, work);

    assertThat(runs).extracting(ApproxTopKComparison.Run::variant)
        .containsExactly("exact", "approx 64", "approx 1024", "exact", "approx 64", "approx 1024");
    assertThat(runs).allSatisfy(run -> {
      assertThat(run.output()).hasSize(10);
      assertThat(run.stateRows()).isEqualTo(1);  // the flood window alone
      assertThat(run.stateBytes()).isPositive();
      assertThat(run.checkpointBytes()).isPositive();
    });
    for (int flood = 0; flood < 2; flood++) {
      List<ApproxTopKComparison.Run> floodRuns = runs.subList(3 * flood, 3 * flood + 3);
      Map<String, Long> truth = ApproxTopKComparison.trueCounts(BenchSpark.session(),
          work.resolve("flood-" + floodRuns.get(0).singleUse()), floodRuns);
      for (Row row : floodRuns.get(0).output()) {
        assertThat(row.getLong(row.fieldIndex("count"))).isEqualTo(truth.get(row.getString(row.fieldIndex("topic"))));
      }
      for (ApproxTopKComparison.Run approx : floodRuns.subList(1, 3)) {
        assertThat(ApproxTopKComparison.accuracy(floodRuns.get(0), approx, truth).boundsContainTruth()).isTrue();
      }
    }
    ApproxTopKComparison.Accuracy exactRange = ApproxTopKComparison.accuracy(runs.get(0), runs.get(2),
        ApproxTopKComparison.trueCounts(BenchSpark.session(), work.resolve("flood-100"), runs.subList(0, 3)));
    assertThat(exactRange).isEqualTo(new ApproxTopKComparison.Accuracy(10, true, 0.0, 0, true));
    assertThat(ApproxTopKComparison.table(BenchSpark.session(), work, runs).rows()).hasSize(6);
  }

  @Test
  void parsesArgumentsWithDefaultsAndRejectsBadOnes() {
    ApproxTopKComparison.Config defaults = ApproxTopKComparison.Config.parse();
    assertThat(defaults.head()).isEqualTo(1_000_000);
    assertThat(defaults.singleUse()).containsExactly(10_000, 100_000, 1_000_000);
    assertThat(defaults.maxTracked()).containsExactly(1024, 4096, 16384);
    assertThatThrownBy(() -> ApproxTopKComparison.Config.parse("--fast"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--fast");
    assertThatThrownBy(() -> ApproxTopKComparison.Config.parse("--head=x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--head=x");
  }
}
