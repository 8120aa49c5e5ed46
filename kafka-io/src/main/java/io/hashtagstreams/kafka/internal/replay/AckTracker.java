package io.hashtagstreams.kafka.internal.replay;

/**
 * Which records of a replay the broker has acknowledged, as the length of the acknowledged prefix: records
 * {@code 0 .. prefix-1} are all acknowledged, so a resumed run may skip exactly that many. Acknowledgements arrive
 * out of order across partitions; a ring of bits remembers those beyond the prefix, and the sender waits while more
 * than the ring's size are outstanding, so memory stays constant.
 */
public final class AckTracker {

  private static final int BITS = 1 << 21;
  private final long[] ring = new long[BITS / 64];
  private long prefix;
  private long acknowledged;

  /** Records {@code index} as acknowledged (called from the producer's callback thread). */
  public synchronized void acknowledge(long index) {
    int bit = (int) (index % BITS);
    ring[bit >>> 6] |= 1L << (bit & 63);
    acknowledged++;
    while (true) {
      int head = (int) (prefix % BITS);
      long mask = 1L << (head & 63);
      if ((ring[head >>> 6] & mask) == 0) {
        break;
      }
      ring[head >>> 6] &= ~mask;
      prefix++;
    }
    notifyAll();
  }

  /**
   * Waits until record {@code index} fits in the ring, i.e. fewer than its size are outstanding before it.
   *
   * @return false when {@code stillRunning} turned false while waiting
   */
  public synchronized boolean awaitRoom(long index, java.util.function.BooleanSupplier stillRunning)
      throws InterruptedException {
    while (index - prefix >= BITS) {
      if (!stillRunning.getAsBoolean()) {
        return false;
      }
      wait(100);
    }
    return true;
  }

  /** The number of records from the first on that are all acknowledged. */
  public synchronized long prefix() {
    return prefix;
  }

  /** All acknowledged records, including those after a gap. */
  public synchronized long acknowledged() {
    return acknowledged;
  }
}
