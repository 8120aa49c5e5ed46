package io.hashtagstreams.core.internal.window;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A closed window's exact counts in compact form: topics by {@link TopicHash} fingerprint, the many topics seen once
 * as one sorted {@code long[]} (8 bytes each), the others as sorted fingerprints with their counts (16 bytes each).
 * A lookup is a binary search. Counts are exact unless two topics of the window share a fingerprint (see
 * {@link TopicHash}); then both read the sum.
 */
final class HashedHistoryWindow implements HistoryWindow {

  private final long total;
  private final long[] once;
  private final long[] hashes;
  private final long[] counts;

  HashedHistoryWindow(long total, long[] once, long[] hashes, long[] counts) {
    this.total = total;
    this.once = once;
    this.hashes = hashes;
    this.counts = counts;
  }

  /** The fingerprinted form of {@code topicCounts}, whose counts add up to {@code total}. */
  static HashedHistoryWindow of(Map<String, Long> topicCounts, long total) {
    long[] ones = new long[topicCounts.size()];
    int n = 0;
    TreeMap<Long, Long> more = new TreeMap<>();
    for (Map.Entry<String, Long> entry : topicCounts.entrySet()) {
      long hash = TopicHash.of(entry.getKey());
      if (entry.getValue() == 1L) {
        ones[n++] = hash;
      } else {
        more.merge(hash, entry.getValue(), Long::sum);
      }
    }
    Arrays.sort(ones, 0, n);
    // fold fingerprint collisions (vanishingly rare) into the counted part, so each fingerprint appears once
    int kept = 0;
    for (int i = 0; i < n; i++) {
      boolean repeated = (i > 0 && ones[i] == ones[i - 1]) || (i + 1 < n && ones[i] == ones[i + 1]);
      if (repeated || more.containsKey(ones[i])) {
        more.merge(ones[i], 1L, Long::sum);
      } else {
        ones[kept++] = ones[i];
      }
    }
    long[] hashes = new long[more.size()];
    long[] counts = new long[more.size()];
    int i = 0;
    for (Map.Entry<Long, Long> entry : more.entrySet()) {
      hashes[i] = entry.getKey();
      counts[i] = entry.getValue();
      i++;
    }
    return new HashedHistoryWindow(total, Arrays.copyOf(ones, kept), hashes, counts);
  }

  @Override
  public long total() {
    return total;
  }

  @Override
  public long count(String topic) {
    long hash = TopicHash.of(topic);
    int at = Arrays.binarySearch(hashes, hash);
    if (at >= 0) {
      return counts[at];
    }
    return Arrays.binarySearch(once, hash) >= 0 ? 1L : 0L;
  }

  long[] once() {
    return once;
  }

  long[] hashes() {
    return hashes;
  }

  long[] counts() {
    return counts;
  }
}
