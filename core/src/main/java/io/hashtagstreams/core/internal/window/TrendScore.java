package io.hashtagstreams.core.internal.window;

/**
 * The trending statistic of one topic in one window. Inputs: the topic's count {@code c} and the window's total
 * {@code N} (all topic occurrences in the window); over the {@code history} windows before it, the topic's share
 * {@code c_i / N_i} in each window that had rows, and the sum {@code N_h} of their totals.
 *
 * <pre>
 * expected share  q = max( max_i c_i / N_i , 1 / (N_h + 1) )   the topic's recent peak share, floored
 * baseline        b = q * N                                    the count that share predicts for this window
 * score           s = c * ln(c / b) - (c - b)                  when c &gt; b, else 0
 * </pre>
 *
 * <p>{@code s} is {@code N} times the generalized Kullback-Leibler term {@code p ln(p/q) - (p - q)} of the observed
 * share {@code p = c / N} against {@code q}: the term "Trending on Instagram" (Instagram Engineering, 2015) ranks by,
 * {@code p ln(p/q)}, completed with {@code -(p - q)} and scaled by the window's size. The result is the Poisson
 * log-likelihood ratio (in nats) of "this window's rate is {@code c}" against "it is {@code b}": the G-statistic of
 * Dunning, "Accurate Methods for the Statistics of Surprise and Coincidence" (Computational Linguistics 19(1),
 * 1993), divided by two. Why not the bare share term: the share term of a steady tag drifts by about
 * {@code sqrt(p / N)} from Poisson noise alone, so no fixed threshold separates noise from trends at every stream
 * volume; the likelihood ratio of a steady tag stays near {@code z^2 / 2} for a standard normal {@code z} at every
 * size. Why the peak share and not the mean: a surge of other topics lowers a steady topic's share in the windows
 * it fills, and against a mean the steady topic would look like rising once the surge ends; against its peak it
 * does not. The floor {@code 1 / (N_h + 1)} is one pseudo-occurrence over the whole history (additive smoothing),
 * so a brand-new topic has a small expected share, not zero.
 *
 * <p>Properties the operator relies on: {@code s = 0} when the topic holds its share (ratios within
 * {@code 1e-9} count as equal, against rounding); {@code s} depends on shares and the window's size only, so a
 * volume change that keeps shares does not move it; for the same ratio {@code c / b}, {@code s} grows linearly with
 * {@code c} (from 2 to 20 scores about 28, from 20 to 200 about 280); with no history rows at all ({@code N_h = 0}),
 * {@code q = 1} and nothing scores.
 */
final class TrendScore {

  private TrendScore() {
  }

  /** {@code max(peakShare, 1 / (historyTotal + 1))}. */
  static double expectedShare(double peakShare, long historyTotal) {
    return Math.max(peakShare, 1.0 / (historyTotal + 1.0));
  }

  /** The count {@code expectedShare} predicts for a window of {@code windowTotal} occurrences. */
  static double baseline(double expectedShare, long windowTotal) {
    return expectedShare * windowTotal;
  }

  /** {@code c ln(c / b) - (c - b)} when {@code c > b} (beyond rounding), else 0. */
  static double score(long count, double baseline) {
    if (count <= baseline * (1 + 1e-9)) {
      return 0.0;
    }
    return count * Math.log(count / baseline) - (count - baseline);
  }
}
