package io.hashtagstreams.core.internal.window;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The state {@code topTopics} keeps per open window: every topic seen in the window and its count so far, as two
 * parallel arrays. A Java bean so that Spark stores it with a bean encoder as {@code array<string>} and
 * {@code array<bigint>} (two columns, no per-entry struct, no opaque serialized blob).
 *
 * <p>Only the bean accessors start with {@code get}/{@code set}: Spark's bean encoder reads every getter.
 */
public final class TopKState implements Serializable {

  private static final long serialVersionUID = 1L;

  private String[] topics = new String[0];
  private long[] counts = new long[0];

  /** An empty state (needed by the bean encoder). */
  public TopKState() {
  }

  /** A state holding a copy of {@code counts}. */
  public static TopKState of(Map<String, Long> counts) {
    TopKState state = new TopKState();
    state.topics = new String[counts.size()];
    state.counts = new long[counts.size()];
    int i = 0;
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      state.topics[i] = entry.getKey();
      state.counts[i] = entry.getValue();
      i++;
    }
    return state;
  }

  /** The counts as a new mutable map, sized for a few more topics. */
  public Map<String, Long> toMap() {
    Map<String, Long> map = new HashMap<>(Math.max(16, topics.length * 2));
    for (int i = 0; i < topics.length; i++) {
      map.put(topics[i], counts[i]);
    }
    return map;
  }

  /** Bean accessor: the topics, parallel to {@link #getCounts()}. */
  public String[] getTopics() {
    return topics;
  }

  /** Bean accessor. */
  public void setTopics(String[] topics) {
    this.topics = topics;
  }

  /** Bean accessor: the counts, parallel to {@link #getTopics()}. */
  public long[] getCounts() {
    return counts;
  }

  /** Bean accessor. */
  public void setCounts(long[] counts) {
    this.counts = counts;
  }
}
