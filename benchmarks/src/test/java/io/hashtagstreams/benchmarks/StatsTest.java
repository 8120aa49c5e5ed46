package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void medianOfOddCountIsTheMiddleValue() {
    assertThat(Stats.median(new double[] {3, 1, 2})).isEqualTo(2.0);
  }

  @Test
  void medianOfEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(Stats.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void percentileUsesTheNearestRank() {
    double[] hundred = new double[100];
    for (int i = 0; i < 100; i++) {
      hundred[i] = 100 - i;
    }
    assertThat(Stats.percentile(hundred, 99)).isEqualTo(99.0);
    assertThat(Stats.percentile(hundred, 100)).isEqualTo(100.0);
    assertThat(Stats.percentile(new double[] {5, 7}, 99)).isEqualTo(7.0);
  }

  @Test
  void rejectsEmptyInputAndPercentileOutOfRange() {
    assertThatThrownBy(() -> Stats.median(new double[0])).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no values");
    assertThatThrownBy(() -> Stats.percentile(new double[] {1}, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(": 0.0");
  }
}
