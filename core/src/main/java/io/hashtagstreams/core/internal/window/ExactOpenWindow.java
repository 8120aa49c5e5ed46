package io.hashtagstreams.core.internal.window;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An open window with an exact count per topic; closes into a {@link HashedHistoryWindow}. */
final class ExactOpenWindow implements OpenWindow {

  private final Map<String, Long> counts;
  private long total;

  ExactOpenWindow() {
    this(16);
  }

  ExactOpenWindow(int expectedTopics) {
    counts = new HashMap<>(Math.max(16, expectedTopics * 4 / 3 + 1));
  }

  @Override
  public void add(String topic, long n) {
    counts.merge(topic, n, Long::sum);
    total += n;
  }

  @Override
  public long total() {
    return total;
  }

  @Override
  public List<TopicCount> candidates(long minCount) {
    List<TopicCount> out = new ArrayList<>();
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      if (entry.getValue() >= minCount) {
        out.add(new TopicCount(entry.getKey(), entry.getValue()));
      }
    }
    return out;
  }

  @Override
  public HistoryWindow toHistory() {
    return HashedHistoryWindow.of(counts, total);
  }

  /** The counts, for the state. */
  Map<String, Long> counts() {
    return counts;
  }
}
