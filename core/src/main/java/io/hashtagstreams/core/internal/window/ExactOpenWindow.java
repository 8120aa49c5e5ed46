package io.hashtagstreams.core.internal.window;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An open window with an exact count per topic, kept by {@link TopicHash} fingerprint. A topic's text is kept only
 * once its count reaches {@code minCount}, the least a ranked topic needs: a count grows only through rows that carry
 * the text, so the text is at hand when the count gets there. The many topics that stay below it (most tags are seen
 * once) cost two {@code long}s each, in memory and in the state. Closes into a {@link HashedHistoryWindow}.
 */
final class ExactOpenWindow implements OpenWindow {

  private final long minCount;
  private final FingerprintCounts counts;
  private final Map<Long, String> named = new HashMap<>();
  private long total;

  ExactOpenWindow(long minCount) {
    this(minCount, 16);
  }

  ExactOpenWindow(long minCount, int expectedTopics) {
    this.minCount = minCount;
    this.counts = new FingerprintCounts(expectedTopics);
  }

  @Override
  public void add(String topic, long n) {
    long hash = TopicHash.of(topic);
    if (counts.add(hash, n) >= minCount) {
      named.putIfAbsent(hash, topic);
    }
    total += n;
  }

  /** Restores an entry from the state: a fingerprint and its count. */
  void restore(long hash, long count) {
    counts.add(hash, count);
    total += count;
  }

  @Override
  public long total() {
    return total;
  }

  @Override
  public List<TopicCount> candidates(long min) {
    List<TopicCount> out = new ArrayList<>();
    for (Map.Entry<Long, String> entry : named.entrySet()) {
      long count = counts.get(entry.getKey());
      if (count >= min) {
        out.add(new TopicCount(entry.getValue(), count));
      }
    }
    return out;
  }

  @Override
  public HistoryWindow toHistory() {
    return HashedHistoryWindow.of(counts, total);
  }

  FingerprintCounts counts() {
    return counts;
  }

  /** Fingerprint to text of the topics that reached {@code minCount}. */
  Map<Long, String> named() {
    return named;
  }
}
