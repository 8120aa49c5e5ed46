package io.hashtagstreams.core.internal.json;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each scan on a worker thread and waits for it at most a fixed time, so a scan that loops forever fails the
 * test with its input instead of hanging the build. A timed-out worker is abandoned (a daemon thread; a busy loop
 * cannot be interrupted) and a new one takes over.
 */
final class BoundedScan implements AutoCloseable {

  private final Duration bound;
  private ExecutorService worker = newWorker();

  BoundedScan(Duration bound) {
    this.bound = bound;
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "bounded-scan");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * The outcome of {@code scanner} on {@code bytes}.
   *
   * @throws AssertionError when the scan throws, takes longer than the bound, or ends in more than one state
   */
  ScanOutcome scan(TweetScanner scanner, byte[] bytes) {
    Future<ScanResult> result = worker.submit(() -> scanner.scan(bytes, new ScanResult()));
    try {
      return ScanOutcome.of(result.get(bound.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      result.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      throw new AssertionError("the scan took longer than " + bound + " on " + FuzzInput.describe(bytes));
    } catch (ExecutionException e) {
      throw new AssertionError("the scan threw on " + FuzzInput.describe(bytes), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
