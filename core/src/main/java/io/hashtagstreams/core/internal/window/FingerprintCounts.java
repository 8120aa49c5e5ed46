package io.hashtagstreams.core.internal.window;

/**
 * Counts keyed by {@link TopicHash} fingerprint: an open-addressing table of two parallel {@code long} arrays with
 * linear probing, so that a window's hundred thousand one-off topics cost 16 bytes each in memory and no object.
 * A slot is free when its count is 0 (every stored count is at least 1).
 */
final class FingerprintCounts {

  private long[] keys;
  private long[] counts;
  private int size;

  FingerprintCounts(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    counts = new long[capacity];
  }

  /** Adds {@code n} (at least 1) to {@code key}'s count; the new count. */
  long add(long key, long n) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int slot = spread(key) & mask;
    while (counts[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    if (counts[slot] == 0) {
      keys[slot] = key;
      size++;
    }
    counts[slot] += n;
    return counts[slot];
  }

  /** {@code key}'s count, 0 when absent. */
  long get(long key) {
    int mask = keys.length - 1;
    int slot = spread(key) & mask;
    while (counts[slot] != 0) {
      if (keys[slot] == key) {
        return counts[slot];
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  int size() {
    return size;
  }

  /** Calls {@code visitor} for every key and count, in table order. */
  void forEach(Visitor visitor) {
    for (int i = 0; i < keys.length; i++) {
      if (counts[i] != 0) {
        visitor.visit(keys[i], counts[i]);
      }
    }
  }

  /** Receives the entries of {@link #forEach}. */
  interface Visitor {
    void visit(long key, long count);
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldCounts[i] != 0) {
        add(oldKeys[i], oldCounts[i]);
      }
    }
  }

  private static int spread(long key) {
    // fingerprints are already uniform; fold the high half in so that any table size sees all bits
    return (int) (key ^ (key >>> 32));
  }
}
