package io.hashtagstreams.core.internal.window;

import java.util.Arrays;

/**
 * A sorted set of 48-bit fingerprint prefixes packed into 6 bytes each: how a closed window of exact
 * {@code trendingTopics} keeps its topics seen once, the bulk of a firehose window. A lookup is a binary search.
 *
 * <p>Why 48 bits: the set is only asked whether a ranked candidate was seen in that window. A candidate that was not
 * is wrongly found with probability {@code n / 2^48} for {@code n} prefixes (about 4 in 10^10 at 100,000), and then
 * reads a past count of 1 where the truth is 0. Against 64-bit fingerprints this saves a quarter of the history.
 */
final class PackedPrefixes {

  static final int BYTES = 6;

  private PackedPrefixes() {
  }

  /** The 48-bit prefix of a fingerprint, as a non-negative long. */
  static long prefix(long fingerprint) {
    return fingerprint >>> 16;
  }

  /** Packs the prefixes of {@code fingerprints}, sorted; duplicates are kept. */
  static byte[] pack(long[] fingerprints, int size) {
    long[] prefixes = new long[size];
    for (int i = 0; i < size; i++) {
      prefixes[i] = prefix(fingerprints[i]);
    }
    Arrays.sort(prefixes);
    byte[] packed = new byte[size * BYTES];
    for (int i = 0; i < size; i++) {
      long value = prefixes[i];
      int at = i * BYTES;
      for (int b = BYTES - 1; b >= 0; b--) {
        packed[at + b] = (byte) value;
        value >>>= 8;
      }
    }
    return packed;
  }

  /** Whether {@code packed} holds {@code fingerprint}'s prefix. */
  static boolean contains(byte[] packed, long fingerprint) {
    long key = prefix(fingerprint);
    int low = 0;
    int high = packed.length / BYTES - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long value = at(packed, mid);
      if (value < key) {
        low = mid + 1;
      } else if (value > key) {
        high = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  private static long at(byte[] packed, int index) {
    long value = 0;
    int from = index * BYTES;
    for (int b = 0; b < BYTES; b++) {
      value = (value << 8) | (packed[from + b] & 0xFF);
    }
    return value;
  }
}
