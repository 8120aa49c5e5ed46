package io.hashtagstreams.core.internal.window;

import java.io.Serializable;

/**
 * The result of {@link FrequentTopicsAggregator} for one window: the top topics, best first, as four parallel arrays
 * (topic, estimate, lower bound, upper bound). A Java bean so that Spark encodes it as four array columns, which
 * {@link ApproxTopTopicsRanking} turns into one row per topic with {@code posexplode}.
 *
 * <p>Only the bean accessors start with {@code get}/{@code set}: Spark's bean encoder reads every getter.
 */
public final class TopicEstimates implements Serializable {

  private static final long serialVersionUID = 1L;

  private String[] topics = new String[0];
  private long[] estimates = new long[0];
  private long[] lowerBounds = new long[0];
  private long[] upperBounds = new long[0];

  /** An empty result (needed by the bean encoder). */
  public TopicEstimates() {
  }

  static TopicEstimates of(String[] topics, long[] estimates, long[] lowerBounds, long[] upperBounds) {
    TopicEstimates result = new TopicEstimates();
    result.topics = topics;
    result.estimates = estimates;
    result.lowerBounds = lowerBounds;
    result.upperBounds = upperBounds;
    return result;
  }

  /** Bean accessor: the topics, best first. */
  public String[] getTopics() {
    return topics;
  }

  /** Bean accessor. */
  public void setTopics(String[] topics) {
    this.topics = topics;
  }

  /** Bean accessor: the estimated counts, parallel to {@link #getTopics()}. */
  public long[] getEstimates() {
    return estimates;
  }

  /** Bean accessor. */
  public void setEstimates(long[] estimates) {
    this.estimates = estimates;
  }

  /** Bean accessor: the lower bounds, parallel to {@link #getTopics()}. */
  public long[] getLowerBounds() {
    return lowerBounds;
  }

  /** Bean accessor. */
  public void setLowerBounds(long[] lowerBounds) {
    this.lowerBounds = lowerBounds;
  }

  /** Bean accessor: the upper bounds, parallel to {@link #getTopics()}. */
  public long[] getUpperBounds() {
    return upperBounds;
  }

  /** Bean accessor. */
  public void setUpperBounds(long[] upperBounds) {
    this.upperBounds = upperBounds;
  }
}
