package io.hashtagstreams.core.internal.window;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Picks the {@code k} largest counts of a window: count descending, ties by topic ascending
 * ({@link String#compareTo}). A bounded heap keeps the cost at O(n log k) for n topics.
 */
public final class TopK {

  /** Best first: higher count, then the smaller topic. */
  static final Comparator<Map.Entry<String, Long>> RANKING =
      Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
          .thenComparing(Map.Entry::getKey);

  private TopK() {
  }

  /**
   * The best {@code k} entries of {@code counts}, best first; fewer when there are fewer topics.
   *
   * @throws IllegalArgumentException when {@code k < 1}
   */
  public static List<Map.Entry<String, Long>> select(Map<String, Long> counts, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, but it is " + k);
    }
    // The heap's head is the worst entry kept so far, so it is the one to drop.
    PriorityQueue<Map.Entry<String, Long>> kept = new PriorityQueue<>(Math.min(k, counts.size()) + 1,
        RANKING.reversed());
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      if (kept.size() < k) {
        kept.add(Map.entry(entry.getKey(), entry.getValue()));
      } else if (RANKING.compare(entry, kept.peek()) < 0) {
        kept.poll();
        kept.add(Map.entry(entry.getKey(), entry.getValue()));
      }
    }
    List<Map.Entry<String, Long>> best = new ArrayList<>(kept);
    best.sort(RANKING);
    return best;
  }
}
