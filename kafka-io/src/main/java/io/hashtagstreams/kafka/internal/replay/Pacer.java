package io.hashtagstreams.kafka.internal.replay;

import java.util.concurrent.locks.LockSupport;

/**
 * When the next record may go: no earlier than {@code n / rate} seconds after the first record (with a rate), and no
 * earlier than its event time's distance from the first event time divided by the speed (with a speed). A record
 * without an event time goes right after its predecessor; a record whose event time lies before the first one goes
 * at once. {@link #restart()} starts the event-time clock again (each pass of a loop).
 */
public final class Pacer {

  /** Event time not known. */
  public static final long NO_EVENT_TIME = Long.MIN_VALUE;

  private final double rate;
  private final double speed;
  private long startNanos;
  private long count;
  private long firstEventMillis = NO_EVENT_TIME;
  private long firstEventNanos;

  /** {@code rate} records/s and {@code speed} times event time; 0 turns either off. */
  public Pacer(double rate, double speed) {
    this.rate = rate;
    this.speed = speed;
  }

  /** Whether event times are needed at all. */
  public boolean usesEventTime() {
    return speed > 0;
  }

  /** Starts the event-time clock again from the next record with an event time. */
  public void restart() {
    firstEventMillis = NO_EVENT_TIME;
  }

  /** Blocks until the next record, with this event time (or {@link #NO_EVENT_TIME}), is due. */
  public void awaitTurn(long eventMillis) throws InterruptedException {
    long due = Long.MIN_VALUE;
    if (count == 0) {
      startNanos = System.nanoTime();
    }
    if (rate > 0) {
      due = startNanos + (long) (count * 1e9 / rate);
    }
    if (speed > 0 && eventMillis != NO_EVENT_TIME) {
      if (firstEventMillis == NO_EVENT_TIME) {
        firstEventMillis = eventMillis;
        firstEventNanos = System.nanoTime();
      }
      due = Math.max(due, firstEventNanos + (long) ((eventMillis - firstEventMillis) * 1e6 / speed));
    }
    count++;
    if (due == Long.MIN_VALUE) {
      return;
    }
    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
      LockSupport.parkNanos(wait);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }
}
