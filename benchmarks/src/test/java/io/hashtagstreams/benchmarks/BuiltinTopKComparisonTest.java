package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hashtagstreams.benchmarks.BuiltinTopKComparison.Config;
import io.hashtagstreams.benchmarks.BuiltinTopKComparison.Estimate;

/** The harness's arithmetic on hand-made counts, its arguments, and its refusal on Spark 3.5. */
class BuiltinTopKComparisonTest {

  @Test
  void parsesItsArgumentsAndRejectsUnknownOnes() {
    Config config = Config.parse("--head=500", "--single-use=10,20", "--max-tracked=64", "--repeat=2");
    assertThat(config.head()).isEqualTo(500);
    assertThat(config.singleUse()).containsExactly(10, 20);
    assertThat(config.maxTracked()).containsExactly(64);
    assertThat(config.repeat()).isEqualTo(2);
    assertThatThrownBy(() -> Config.parse("--rows=5"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown argument: --rows=5");
  }

  @Test
  void ranksRecallsAndMeasuresErrorsAgainstTheTruth() {
    Map<String, Long> truth = Map.of("a", 10L, "b", 8L, "c", 8L, "d", 1L);
    assertThat(BuiltinTopKComparison.top(truth)).containsExactly("a", "b", "c", "d");
    List<Estimate> estimates = List.of(new Estimate("a", 11, 10, 12), new Estimate("c", 8, 7, 8),
        new Estimate("x", 2, 0, 2));
    // a and c of the four exact topics: 2 / 4; a is off by 1 / 10, x by 2 / 0 (not in the window at all)
    assertThat(BuiltinTopKComparison.recall(estimates, BuiltinTopKComparison.top(truth))).isEqualTo(0.5);
    assertThat(BuiltinTopKComparison.maxRelativeError(estimates.subList(0, 2), truth)).isEqualTo(0.1);
    assertThat(BuiltinTopKComparison.maxRelativeError(estimates, truth)).isInfinite();
    assertThat(BuiltinTopKComparison.boundsHold(estimates, truth)).isTrue();
    assertThat(BuiltinTopKComparison.boundsHold(List.of(new Estimate("b", 9, 9, 10)), truth)).isFalse();
  }

  @Test
  void stopsAtOnceOnSpark35WhereApproxTopKDoesNotExist() {
    String spark = System.getProperty("spark.version");
    if (spark.startsWith("3.")) {
      assertThatThrownBy(() -> BuiltinTopKComparison.main(new String[] {"--head=10", "--single-use=5",
          "--max-tracked=64", "--repeat=1"}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("approx_top_k needs Spark 4.1 or later, but this is Spark " + spark
              + "; build the benchmarks with -Pspark-4_2.13");
    } else {
      BuiltinTopKComparison.main(new String[] {"--head=10", "--single-use=5", "--max-tracked=64", "--repeat=1"});
    }
  }
}
