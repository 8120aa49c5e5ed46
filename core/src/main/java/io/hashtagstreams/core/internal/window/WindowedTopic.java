package io.hashtagstreams.core.internal.window;

import java.io.Serializable;

/**
 * One topic occurrence assigned to one window, as streaming {@code topTopics} hands it to
 * {@link WindowRankingFunction}: the window's start in epoch milliseconds and the topic. A Java bean so that Spark
 * deserializes only these two columns (the watermarked {@code window} column stays in the plan beside them, which
 * the event-time timeout needs).
 */
public final class WindowedTopic implements Serializable {

  private static final long serialVersionUID = 1L;

  private long startMs;
  private String topic;

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
}
