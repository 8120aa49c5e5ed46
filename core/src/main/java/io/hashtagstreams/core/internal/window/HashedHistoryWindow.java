package io.hashtagstreams.core.internal.window;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A closed window's exact counts in compact form: the many topics seen once as {@link PackedPrefixes} (6 bytes
 * each), the others as sorted {@link TopicHash} fingerprints with their counts (16 bytes each). A lookup is a binary
 * search. Counts are exact unless two topics of the window share a fingerprint (see {@link TopicHash}; then both read
 * the sum, as they did while the window was open), or an absent topic matches the 48-bit prefix of a topic seen once
 * (see {@link PackedPrefixes}; it then reads 1).
 */
final class HashedHistoryWindow implements HistoryWindow {

  private final long total;
  private final byte[] once;
  private final long[] hashes;
  private final long[] counts;

  HashedHistoryWindow(long total, byte[] once, long[] hashes, long[] counts) {
    this.total = total;
    this.once = once;
    this.hashes = hashes;
    this.counts = counts;
  }

  /** The closed form of a window's fingerprint counts, which add up to {@code total}. */
  static HashedHistoryWindow of(FingerprintCounts fingerprintCounts, long total) {
    long[][] parts = {new long[fingerprintCounts.size()], new long[fingerprintCounts.size()],
        new long[fingerprintCounts.size()]};
    int[] sizes = new int[2];
    fingerprintCounts.forEach((hash, count) -> {
      if (count == 1L) {
        parts[0][sizes[0]++] = hash;
      } else {
        parts[1][sizes[1]] = hash;
        parts[2][sizes[1]++] = count;
      }
    });
    byte[] once = PackedPrefixes.pack(parts[0], sizes[0]);
    // the counted part sorted by fingerprint, counts alongside (it holds the few topics seen more than once)
    TreeMap<Long, Long> counted = new TreeMap<>();
    for (int i = 0; i < sizes[1]; i++) {
      counted.put(parts[1][i], parts[2][i]);
    }
    long[] hashes = new long[counted.size()];
    long[] counts = new long[counted.size()];
    int i = 0;
    for (Map.Entry<Long, Long> entry : counted.entrySet()) {
      hashes[i] = entry.getKey();
      counts[i++] = entry.getValue();
    }
    return new HashedHistoryWindow(total, once, hashes, counts);
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
    return PackedPrefixes.contains(once, hash) ? 1L : 0L;
  }

  byte[] once() {
    return once;
  }

  long[] hashes() {
    return hashes;
  }

  long[] counts() {
    return counts;
  }
}
