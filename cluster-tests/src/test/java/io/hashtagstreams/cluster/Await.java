package io.hashtagstreams.cluster;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded polling: every wait of the tier goes through here, none is a fixed sleep. */
final class Await {

  private static final long POLL_MILLIS = 100;

  private Await() {
  }

  /**
   * Polls {@code condition} until it holds; fails with {@code what} and {@code state} after {@code timeout}, or at
   * once when {@code abort} holds (a process it waits on ended, for example).
   */
  static void until(String what, Duration timeout, BooleanSupplier condition, BooleanSupplier abort,
      Supplier<String> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (abort.getAsBoolean()) {
        throw new AssertionError("gave up waiting for " + what + ": " + state.get());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what + ": " + state.get());
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  static void until(String what, Duration timeout, BooleanSupplier condition) {
    until(what, timeout, condition, () -> false, () -> "");
  }
}
