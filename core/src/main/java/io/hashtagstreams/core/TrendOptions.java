package io.hashtagstreams.core;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
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
 *   <tr><td>{@code maxTracked}</td><td>0 (exact)</td><td>0 for exact counts; else a power of two from
 *       {@value #MIN_MAX_TRACKED} to 2^24: keep a frequent-items sketch of at most that map size per window instead
 *       (bounded memory, counts within the sketch's error bound)</td></tr>
 *   <tr><td>{@code countAuthors}</td><td>false</td><td>count the distinct {@code author}s that used a topic in a
 *       window instead of its occurrences</td></tr>
 *   <tr><td>{@code groupBy}</td><td>none</td><td>input columns (for example {@code lang}, {@code network}) that split
 *       the stream: one ranking per group and window, each against its own history</td></tr>
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

  /** The smallest {@code maxTracked} of the bounded-memory mode, as {@code approxTopTopics}'. */
  public static final int MIN_MAX_TRACKED = 8;

  /** The largest {@code maxTracked}, as {@code approxTopTopics}' (2^24). */
  public static final int MAX_MAX_TRACKED = 1 << 24;

  /** Column names a {@code groupBy} column may not have: the input and output columns the operator owns. */
  private static final Set<String> RESERVED = Set.of("event_time", "topic", "window", "rank", "count", "baseline",
      "score", "start_ms");

  private static final long serialVersionUID = 1L;
  private static final Duration MAX_DURATION = Duration.ofDays(365L * 1000);

  private final int k;
  private final Duration window;
  private final Duration watermark;
  private final int history;
  private final long minCount;
  private final double minScore;
  private final int maxTracked;
  private final boolean countAuthors;
  private final List<String> groupBy;

  private TrendOptions(Builder builder) {
    this.k = builder.k;
    this.window = builder.window;
    this.watermark = builder.watermark;
    this.history = builder.history;
    this.minCount = builder.minCount;
    this.minScore = builder.minScore;
    this.maxTracked = builder.maxTracked;
    this.countAuthors = builder.countAuthors;
    this.groupBy = builder.groupBy;
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

  /**
   * 0 for exact counts (the default), else the map size of the frequent-items sketch kept per window.
   *
   * @since 0.3.0
   */
  public int maxTracked() {
    return maxTracked;
  }

  /**
   * Whether a topic's count in a window is the number of distinct {@code author}s that used it (true) or the number
   * of occurrences (false, the default).
   *
   * @since 0.3.0
   */
  public boolean countAuthors() {
    return countAuthors;
  }

  /**
   * The input columns that split the ranking into groups, in output order; empty (the default) for one ranking.
   *
   * @since 0.3.0
   */
  public List<String> groupBy() {
    return groupBy;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof TrendOptions)) {
      return false;
    }
    TrendOptions that = (TrendOptions) other;
    return k == that.k && window.equals(that.window) && watermark.equals(that.watermark)
        && history == that.history && minCount == that.minCount
        && Double.compare(minScore, that.minScore) == 0 && maxTracked == that.maxTracked
        && countAuthors == that.countAuthors && groupBy.equals(that.groupBy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(k, window, watermark, history, minCount, minScore, maxTracked, countAuthors, groupBy);
  }

  @Override
  public String toString() {
    return "TrendOptions{k=" + k + ", window=" + window + ", watermark=" + watermark + ", history=" + history
        + ", minCount=" + minCount + ", minScore=" + minScore + ", maxTracked=" + maxTracked + ", countAuthors="
        + countAuthors + ", groupBy=" + groupBy + "}";
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
    private int maxTracked;
    private boolean countAuthors;
    private List<String> groupBy = List.of();
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
     * Keeps a DataSketches frequent-items sketch of map size {@code maxTracked} per window instead of exact counts:
     * state per window is bounded by {@code 0.75 maxTracked} topics whatever the number of distinct tags. The
     * sketch ({@code ItemsSketch}, a Misra-Gries variant) gives each topic a lower and an upper bound on its count in
     * a window, {@code e} apart, with {@code e} (its {@code maximumError}) at most {@code 3.5 W / maxTracked} for a
     * window of {@code W} occurrences; an untracked topic has bounds 0 and {@code e}. The ranking is conservative:
     * a window's {@code count} is the topic's lower bound, and each history window contributes its upper bound (so
     * an untracked past count is taken as that window's {@code e}); window totals stay exact. Hence a listed
     * {@code count} is at most the true count and at least the true count minus {@code e}; a listed score is at most
     * the topic's exact score, so no topic is listed whose exact score is below {@code minScore}; and a topic whose
     * true count reaches {@code minCount + e} is always a candidate. The price: a brand-new topic must beat the
     * history windows' error share ({@code 3.5 / maxTracked} of each window) to score. While every window holds
     * fewer than {@code 0.75 maxTracked} distinct topics, {@code e = 0} and the rows equal the exact mode's; beyond
     * that the sketch depends on the order it saw the rows, so batch and streaming may differ within the bounds.
     *
     * @param maxTracked a power of two from {@value TrendOptions#MIN_MAX_TRACKED} to 2^24
     * @return this builder
     * @throws IllegalArgumentException at {@link #build()} when it is not such a power of two
     * @throws IllegalStateException when already set
     * @since 0.3.0
     */
    public Builder maxTracked(int maxTracked) {
      once("maxTracked", this.maxTracked);
      this.maxTracked = maxTracked;
      return this;
    }

    /**
     * Counts accounts, not posts: a topic's count in a window is the number of distinct values of the input column
     * {@code author} among its rows (exact: duplicates of (window, group, topic, author) are dropped first, with
     * Spark's {@code dropDuplicates}, whose streaming state holds each such key until the watermark passes its
     * window). Rows with a null {@code author} are not counted. One account posting a tag 500 times counts 1.
     *
     * @param countAuthors true to count distinct authors
     * @return this builder
     * @throws IllegalStateException when already set
     * @since 0.3.0
     */
    public Builder countAuthors(boolean countAuthors) {
      once("countAuthors", this.countAuthors);
      this.countAuthors = countAuthors;
      return this;
    }

    /**
     * Ranks each group of rows separately: one ranking per distinct value combination of {@code columns} and window,
     * each against that group's own history, with the group columns in the output after {@code window}. A null value
     * is a group of its own, as in SQL {@code GROUP BY}.
     *
     * @param columns input column names, none null, blank or repeated, none of {@code event_time}, {@code topic},
     *     {@code window}, {@code rank}, {@code count}, {@code baseline}, {@code score}, {@code start_ms}, and not
     *     {@code author} with {@link #countAuthors(boolean)}
     * @return this builder
     * @throws IllegalArgumentException at {@link #build()} when a name is not allowed
     * @throws IllegalStateException when already set
     * @since 0.3.0
     */
    public Builder groupBy(String... columns) {
      once("groupBy", this.groupBy);
      this.groupBy = columns == null ? null : java.util.Arrays.asList(columns.clone());
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
      if (maxTracked != 0 && (maxTracked < MIN_MAX_TRACKED || maxTracked > MAX_MAX_TRACKED
          || Integer.bitCount(maxTracked) != 1)) {
        throw new IllegalArgumentException("trendingTopics: maxTracked must be a power of two from " + MIN_MAX_TRACKED
            + " to " + MAX_MAX_TRACKED + ", but it is " + maxTracked);
      }
      requireGroupBy(groupBy);
      if (countAuthors && groupBy.contains("author")) {
        throw new IllegalArgumentException("trendingTopics: cannot group by 'author' while counting authors (every "
            + "group would count 1)");
      }
      groupBy = List.copyOf(groupBy);
      return new TrendOptions(this);
    }

    private static void requireGroupBy(List<String> columns) {
      if (columns == null) {
        throw new IllegalArgumentException("trendingTopics: groupBy columns must not be null");
      }
      Set<String> seen = new HashSet<>();
      for (String column : columns) {
        if (column == null || column.isBlank()) {
          throw new IllegalArgumentException("trendingTopics: a groupBy column name must not be null or blank, but "
              + "the columns are " + columns);
        }
        if (RESERVED.contains(column)) {
          throw new IllegalArgumentException("trendingTopics: cannot group by '" + column + "': the operator owns "
              + "that column (reserved: " + new java.util.TreeSet<>(RESERVED) + ")");
        }
        if (!seen.add(column)) {
          throw new IllegalArgumentException("trendingTopics: groupBy column '" + column + "' is given twice");
        }
      }
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
