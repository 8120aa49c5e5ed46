package io.hashtagstreams.core.internal.window;

import java.io.Serializable;

/**
 * A topic's count in one window, as batch {@code trendingTopics} hands it to {@link TrendingBatchFunction}: the
 * window's start in epoch milliseconds, the topic and the count. A Java bean for Spark's bean encoder.
 */
public final class WindowedCount implements Serializable {

  private static final long serialVersionUID = 1L;

  private long startMs;
  private String topic;
  private long count;

  /** Bean accessor: the window start in epoch milliseconds. */
  public long getStartMs() {
    return startMs;
  }

  /** Bean accessor. */
  public void setStartMs(long startMs) {
    this.startMs = startMs;
  }

  /** Bean accessor: the topic. */
  public String getTopic() {
    return topic;
  }

  /** Bean accessor. */
  public void setTopic(String topic) {
    this.topic = topic;
  }

  /** Bean accessor: occurrences of the topic in the window. */
  public long getCount() {
    return count;
  }

  /** Bean accessor. */
  public void setCount(long count) {
    this.count = count;
  }
}
