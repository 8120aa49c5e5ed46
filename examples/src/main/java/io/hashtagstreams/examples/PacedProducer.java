package io.hashtagstreams.examples;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Feeds a topic at a steady rate from one background thread: every 50 ms it sends as many records as are due since
 * it started ({@code elapsed * rate}, at most half a second's worth at once, so a stall is not followed by a
 * burst).
 *
 * <pre>{@code
 * try (PacedProducer producer = PacedProducer.start("127.0.0.1:9092", "tweets", 2000, generator::nextJson)) {
 *   ...
 * }
 * }</pre>
 */
public final class PacedProducer implements AutoCloseable {

  private static final long TICK_MILLIS = 50;

  private final KafkaProducer<byte[], byte[]> producer;
  private final ScheduledExecutorService scheduler;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final String topic;
  private final int rate;
  private final Supplier<byte[]> values;
  private final long startNanos;
  private long due;

  private PacedProducer(String bootstrapServers, String topic, int rate, Supplier<byte[]> values) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.ACKS_CONFIG, "1");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
    this.producer = new KafkaProducer<>(props);
    this.topic = topic;
    this.rate = rate;
    this.values = values;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "paced-producer-" + topic);
      thread.setDaemon(true);
      return thread;
    });
    this.startNanos = System.nanoTime();
  }

  /**
   * Starts producing.
   *
   * @param bootstrapServers the Kafka cluster
   * @param topic an existing topic
   * @param rate records per second, at least 1
   * @param values the record values, called from the producer thread only
   * @return the running producer; {@link #close()} stops it
   * @throws IllegalArgumentException when {@code rate < 1}
   */
  public static PacedProducer start(String bootstrapServers, String topic, int rate, Supplier<byte[]> values) {
    if (rate < 1) {
      throw new IllegalArgumentException("rate must be at least 1 record per second, got " + rate);
    }
    PacedProducer paced = new PacedProducer(bootstrapServers, topic, rate, values);
    paced.scheduler.scheduleAtFixedRate(paced::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    return paced;
  }

  /** How many records were handed to the Kafka producer so far. */
  public long sent() {
    return sent.get();
  }

  /** The first send failure, or null. */
  public Exception failure() {
    return failure.get();
  }

  private void tick() {
    try {
      send();
    } catch (RuntimeException e) {
      // A failure here would silently end the schedule; keep it for failure() and stop sending.
      failure.compareAndSet(null, e);
    }
  }

  private void send() {
    if (failure.get() != null) {
      return;
    }
    long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;
    long target = elapsedMillis * rate / 1000;
    long batch = Math.min(target - due, Math.max(1, rate / 2));
    for (long i = 0; i < batch && failure.get() == null; i++) {
      producer.send(new ProducerRecord<>(topic, values.get()), (metadata, error) -> {
        if (error != null) {
          failure.compareAndSet(null, error);
        }
      });
      sent.incrementAndGet();
    }
    due = Math.max(due + batch, target - rate / 2);
  }

  /** Stops the thread, flushes what was sent and closes the Kafka producer; safe to call twice. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }
}
