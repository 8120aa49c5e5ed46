package io.hashtagstreams.core;

import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable options of {@link HashtagOps#trendingTopics(TrendOptions)}.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code k}</td><td>10</td><td>at most this many topics per window (at least 1)</td></tr>
 *   <tr><td>{@code window}</td><td>1 minute</td><td>tumbling window length (positive, whole milliseconds)</td></tr>
 *   <tr><td>{@code watermark}</td><td>1 minute</td><td>how late a row may arrive and still be counted (zero or
 *       positive, whole milliseconds)</td></tr>
 *   <tr><td>{@code history}</td><td>10</td><td>how many windows before a window form its baseline (1 to
 *       {@value #MAX_HISTORY})</td></tr>
 *   <tr><td>{@code minCount}</td><td>10</td><td>a topic needs at least this many occurrences in the window to be
 *       listed (at least 1)</td></tr>
 *   <tr><td>{@code minScore}</td><td>15.0</td><td>a topic needs at least this score to be listed (finite, zero or
 *       positive)</td></tr>
 * </table>
 *
 * <p>The default {@code minScore} of 15 is a log-likelihood ratio of 15 nats: under a steady Poisson rate a
 * topic reaches it about as often as a normal variable exceeds 5.5 standard deviations (once in tens of millions of
 * topic-windows), while a tag going from a few to a hundred occurrences scores in the hundreds. See
 * {@link HashtagOps#trendingTopics(TrendOptions)} for the formula.
 *
 * <pre>{@code
 * TrendOptions options = TrendOptions.builder()
 *     .k(5)
 *     .window(Duration.ofMinutes(5))
 *     .history(12)
 *     .minCount(20)
 *     .build();
 * }</pre>
 *
 * @since 0.2.0
 */
public final class TrendOptions implements java.io.Serializable {

  /** The largest {@code history}: a day of one-minute windows. */
  public static final int MAX_HISTORY = 1440;

  private static final long serialVersionUID = 1L;
  private static final Duration MAX_DURATION = Duration.ofDays(365L * 1000);

  private final int k;
  private final Duration window;
  private final Duration watermark;
  private final int history;
  private final long minCount;
  private final double minScore;

  private TrendOptions(Builder builder) {
    this.k = builder.k;
    this.window = builder.window;
    this.watermark = builder.watermark;
    this.history = builder.history;
    this.minCount = builder.minCount;
    this.minScore = builder.minScore;
  }

  /**
   * The defaults (see the table above).
   *
   * @return options with every default
   */
  public static TrendOptions defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * At most this many topics are listed per window.
   *
   * @return k, at least 1
   */
  public int k() {
    return k;
  }

  /**
   * The tumbling window length.
   *
   * @return a positive whole number of milliseconds
   */
  public Duration window() {
    return window;
  }

  /**
   * The watermark delay: how late, in event time, a row may arrive and still be counted.
   *
   * @return zero or a positive whole number of milliseconds
   */
  public Duration watermark() {
    return watermark;
  }

  /**
   * How many windows immediately before a window form its baseline.
   *
   * @return 1 to {@value #MAX_HISTORY}
   */
  public int history() {
    return history;
  }

  /**
   * How many windows of the stream must precede a window before it is ranked: {@code min(history, 3)}. Before
   * that, nothing is listed.
   *
   * @return 1 to 3
   */
  public int warmUpWindows() {
    return Math.min(history, 3);
  }

  /**
   * The fewest occurrences in a window for a topic to be listed.
   *
   * @return at least 1
   */
  public long minCount() {
    return minCount;
  }

  /**
   * The lowest score for a topic to be listed.
   *
   * @return zero or positive, finite
   */
  public double minScore() {
    return minScore;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof TrendOptions)) {
      return false;
    }
    TrendOptions that = (TrendOptions) other;
    return k == that.k && window.equals(that.window) && watermark.equals(that.watermark)
        && history == that.history && minCount == that.minCount
        && Double.compare(minScore, that.minScore) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(k, window, watermark, history, minCount, minScore);
  }

  @Override
  public String toString() {
    return "TrendOptions{k=" + k + ", window=" + window + ", watermark=" + watermark + ", history=" + history
        + ", minCount=" + minCount + ", minScore=" + minScore + "}";
  }

  /**
   * Builds {@link TrendOptions}; each setter may be called once, and {@link #build()} checks every value.
   *
   * @since 0.2.0
   */
  public static final class Builder {
    private int k = 10;
    private Duration window = Duration.ofMinutes(1);
    private Duration watermark = Duration.ofMinutes(1);
    private int history = 10;
    private long minCount = 10;
    private double minScore = 15.0;
    private final Set<String> set = new HashSet<>();

    private Builder() {
    }

    /**
     * At most this many topics per window (default 10).
     *
     * @param k at least 1 (checked by {@link #build()})
     * @return this builder
     * @throws IllegalStateException when already set
     */
    public Builder k(int k) {
      once("k", this.k);
      this.k = k;
      return this;
    }

    /**
     * The tumbling window length (default one minute).
     *
     * @param window positive, whole milliseconds (checked by {@link #build()})
     * @return this builder
     * @throws IllegalStateException when already set
     */
    public Builder window(Duration window) {
      once("window", this.window);
      this.window = window;
      return this;
    }

    /**
     * The watermark delay (default one minute).
     *
     * @param watermark zero or positive, whole milliseconds (checked by {@link #build()})
     * @return this builder
     * @throws IllegalStateException when already set
     */
    public Builder watermark(Duration watermark) {
      once("watermark", this.watermark);
      this.watermark = watermark;
      return this;
    }

    /**
     * How many preceding windows form the baseline (default 10).
     *
     * @param history 1 to {@value TrendOptions#MAX_HISTORY} (checked by {@link #build()})
     * @return this builder
     * @throws IllegalStateException when already set
     */
    public Builder history(int history) {
      once("history", this.history);
      this.history = history;
      return this;
    }

    /**
     * The fewest occurrences in a window for a topic to be listed (default 10).
     *
     * @param minCount at least 1 (checked by {@link #build()})
     * @return this builder
     * @throws IllegalStateException when already set
     */
    public Builder minCount(long minCount) {
      once("minCount", this.minCount);
      this.minCount = minCount;
      return this;
    }

    /**
     * The lowest score for a topic to be listed (default 15.0).
     *
     * @param minScore finite, zero or positive (checked by {@link #build()})
     * @return this builder
     * @throws IllegalStateException when already set
     */
    public Builder minScore(double minScore) {
      once("minScore", this.minScore);
      this.minScore = minScore;
      return this;
    }

    /**
     * The immutable options.
     *
     * @return the options built
     * @throws IllegalArgumentException naming the first bad option and its value
     */
    public TrendOptions build() {
      if (k < 1) {
        throw new IllegalArgumentException("trendingTopics: k must be at least 1, but it is " + k);
      }
      requireDuration("window", window, false);
      requireDuration("watermark", watermark, true);
      if (history < 1 || history > MAX_HISTORY) {
        throw new IllegalArgumentException("trendingTopics: history must be between 1 and " + MAX_HISTORY
            + " windows, but it is " + history);
      }
      if (minCount < 1) {
        throw new IllegalArgumentException("trendingTopics: minCount must be at least 1, but it is " + minCount);
      }
      if (!(minScore >= 0) || Double.isInfinite(minScore)) {
        throw new IllegalArgumentException("trendingTopics: minScore must be a finite number at least 0, but it is "
            + minScore);
      }
      return new TrendOptions(this);
    }

    private static void requireDuration(String name, Duration value, boolean zeroAllowed) {
      if (value == null) {
        throw new IllegalArgumentException("trendingTopics: " + name + " must not be null");
      }
      if (value.isNegative() || (value.isZero() && !zeroAllowed)) {
        throw new IllegalArgumentException("trendingTopics: " + name + " must be " + (zeroAllowed ? "zero or " : "")
            + "positive, but it is " + value);
      }
      if (value.getNano() % 1_000_000 != 0) {
        throw new IllegalArgumentException("trendingTopics: " + name
            + " must be a whole number of milliseconds, but it is " + value);
      }
      if (value.compareTo(MAX_DURATION) > 0) {
        throw new IllegalArgumentException("trendingTopics: " + name + " must be at most " + MAX_DURATION
            + ", but it is " + value);
      }
    }

    private void once(String name, Object current) {
      if (!set.add(name)) {
        throw new IllegalStateException(name + " was already set to " + current);
      }
    }
  }
}
