package io.hashtagstreams.kafka.internal.ingest;

import java.util.function.BooleanSupplier;

/**
 * The records of a live ingest in the order they were sent, and how far from the first on all are acknowledged:
 * the cursor and event time of the last record of that prefix are where a resumed stream may start without a gap
 * (acknowledgements arrive out of order across partitions). A ring remembers the records in flight; the sender
 * waits while the ring is full, so memory stays constant.
 */
public final class AckedPrefix {

  private final int size;
  private final long[] cursors;
  private final long[] eventMillis;
  private final boolean[] acked;
  private long sent;
  private long prefix;
  private long lastCursor = -1;
  private long lastEventMillis = Long.MIN_VALUE;

  /**
   * An empty tracker.
   *
   * @param size how many records may be in flight
   */
  public AckedPrefix(int size) {
    this.size = size;
    this.cursors = new long[size];
    this.eventMillis = new long[size];
    this.acked = new boolean[size];
  }

  /**
   * Waits for room and registers the next record.
   *
   * @param cursor its cursor, or -1
   * @param eventTime its event time in ms, or {@link Long#MIN_VALUE}
   * @param running false ends the wait
   * @return the record's index, or -1 when {@code running} turned false
   */
  public synchronized long register(long cursor, long eventTime, BooleanSupplier running) throws InterruptedException {
    while (sent - prefix >= size) {
      if (!running.getAsBoolean()) {
        return -1;
      }
      wait(50);
    }
    int slot = (int) (sent % size);
    cursors[slot] = cursor;
    eventMillis[slot] = eventTime;
    acked[slot] = false;
    return sent++;
  }

  /** Records {@code index} as acknowledged (producer callback thread). */
  public synchronized void acknowledge(long index) {
    acked[(int) (index % size)] = true;
    while (prefix < sent && acked[(int) (prefix % size)]) {
      int slot = (int) (prefix % size);
      if (cursors[slot] >= 0) {
        lastCursor = Math.max(lastCursor, cursors[slot]);
      }
      if (eventMillis[slot] != Long.MIN_VALUE) {
        lastEventMillis = eventMillis[slot];
      }
      prefix++;
    }
    notifyAll();
  }

  /**
   * Waits until every registered record is acknowledged.
   *
   * @param timeoutMillis the longest wait
   * @return whether all are acknowledged
   */
  public synchronized boolean awaitAll(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (prefix < sent) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return false;
      }
      wait(Math.min(left, 50));
    }
    return true;
  }

  /** The highest cursor in the acknowledged prefix, or -1. */
  public synchronized long lastCursor() {
    return lastCursor;
  }

  /** The event time of the last record in the acknowledged prefix that had one, or {@link Long#MIN_VALUE}. */
  public synchronized long lastEventMillis() {
    return lastEventMillis;
  }

  /** Records acknowledged from the first on. */
  public synchronized long prefix() {
    return prefix;
  }
}
