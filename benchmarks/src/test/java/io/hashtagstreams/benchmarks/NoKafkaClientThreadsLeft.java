package io.hashtagstreams.benchmarks;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when a Kafka client thread (a producer's network thread, an admin client's thread, a
 * consumer's heartbeat thread) is still alive after it: a client that outlives its broker logs "Connection to node
 * 1 could not be established" into every later test class. Spark closes its cached producers after one idle second
 * ({@link BenchSpark}), so the check waits up to {@link #GRACE} for the threads to end, polling.
 *
 * <pre>{@code
 * @ExtendWith(NoKafkaClientThreadsLeft.class)
 * class StreamingThroughputTest { ... }
 * }</pre>
 */
public final class NoKafkaClientThreadsLeft implements AfterAllCallback {

  static final Duration GRACE = Duration.ofSeconds(20);

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    long deadline = System.nanoTime() + GRACE.toNanos();
    List<String> alive = kafkaThreads();
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      alive = kafkaThreads();
    }
    if (!alive.isEmpty()) {
      throw new AssertionError(context.getDisplayName() + " left Kafka client threads running for more than " + GRACE
          + ": " + alive);
    }
  }

  static List<String> kafkaThreads() {
    return KafkaClientThreads.alive();
  }
}
