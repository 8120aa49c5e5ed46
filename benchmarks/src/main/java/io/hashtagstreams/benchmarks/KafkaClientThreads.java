package io.hashtagstreams.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Kafka client threads alive in this JVM, and a bounded wait for them to end: the harnesses call
 * {@link #awaitNone(Duration)} after their queries stopped and before they stop their broker, so that no client
 * (Spark's cached producer, closed after one idle second by {@link BenchSpark}; the Kafka source's admin client)
 * is left reconnecting to a stopped broker and logging "Connection to node 1 could not be established".
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = new EmbeddedKafka();
 *     KafkaClientThreads.Wait clients = KafkaClientThreads.closedBeforeTheBroker(Duration.ofSeconds(20))) {
 *   kafka.start();
 *   ...   // queries started and stopped
 * }   // waits for the clients to end, then stops the broker
 * }</pre>
 */
public final class KafkaClientThreads {

  /** The name prefixes of a producer's network thread, an admin client's thread and a group consumer's heartbeat. */
  public static final List<String> PREFIXES = List.of("kafka-producer-network-thread", "kafka-admin-client-thread",
      "kafka-coordinator-heartbeat-thread");

  private KafkaClientThreads() {
  }

  /**
   * The names of the live Kafka client threads, sorted.
   *
   * @return the names, empty when there are none
   */
  public static List<String> alive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> PREFIXES.stream().anyMatch(name::startsWith))
        .sorted()
        .collect(Collectors.toList());
  }

  /** A wait for the clients to end, to list after the broker in a try-with-resources so that it runs first. */
  public interface Wait extends AutoCloseable {
    /** Waits; never throws. */
    @Override
    void close();
  }

  /**
   * A {@link Wait} of at most {@code max}: {@code try (EmbeddedKafka kafka = ...; Wait clients =
   * KafkaClientThreads.closedBeforeTheBroker(max)) { ... }} closes {@code clients} (waits) before {@code kafka}.
   *
   * @param max the longest wait
   * @return the wait
   */
  public static Wait closedBeforeTheBroker(Duration max) {
    return () -> awaitNone(max);
  }

  /**
   * Waits, polling every 100 ms, until no Kafka client thread is alive or {@code max} has passed.
   *
   * @param max the longest wait
   * @return the threads still alive at the end (empty when all ended)
   * @throws IllegalStateException when interrupted
   */
  public static List<String> awaitNone(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    List<String> alive = alive();
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Kafka clients to close: " + alive, e);
      }
      alive = alive();
    }
    return alive;
  }
}
