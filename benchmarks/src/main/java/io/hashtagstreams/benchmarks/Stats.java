package io.hashtagstreams.benchmarks;

import java.util.Arrays;

/** Order statistics over measured durations. */
public final class Stats {

  private Stats() {
  }

  /** The median of {@code values} (the mean of the middle two for an even count). */
  public static double median(double[] values) {
    return percentile(values, 50);
  }

  /**
   * The nearest-rank percentile {@code p} (0-100] of {@code values}; for p = 50 and an even count, the mean of the
   * two middle values.
   *
   * @throws IllegalArgumentException when {@code values} is empty or {@code p} is outside (0, 100]
   */
  public static double percentile(double[] values, double p) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    if (p == 50 && sorted.length % 2 == 0) {
      return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
