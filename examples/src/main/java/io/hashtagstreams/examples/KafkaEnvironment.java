package io.hashtagstreams.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

import io.hashtagstreams.kafka.replay.ArchiveLines;
import io.hashtagstreams.kafka.testing.EmbeddedKafka;

/**
 * Where a run's Kafka is: a cluster given with {@code --bootstrap-servers} (used as is, nothing produced), or an
 * embedded broker started here with the input and output topics created, whose input topic
 * {@link #startFeeding(Supplier)} then feeds through a {@link PacedProducer}, or with {@code --input} through a
 * {@link ReplayFeed}.
 *
 * <pre>{@code
 * try (KafkaEnvironment kafka = KafkaEnvironment.open(common, List.of("hashtag-counts"), System.err)) {
 *   StreamingQuery query = ...;            // reads kafka.bootstrapServers()
 *   kafka.startFeeding(TweetFeed.create(common));
 * }
 * }</pre>
 */
public final class KafkaEnvironment implements AutoCloseable {

  /** A class of the Kafka broker that the cluster jar leaves out. */
  static final String BROKER_CLASS = "kafka.server.KafkaRaftServer";

  private final CommonConfig common;
  private final EmbeddedKafka broker;
  private final PrintStream err;
  private PacedProducer producer;
  private ReplayFeed replay;
  private LiveFeed live;

  private KafkaEnvironment(CommonConfig common, EmbeddedKafka broker, PrintStream err) {
    this.common = common;
    this.broker = broker;
    this.err = err;
  }

  /**
   * Opens the environment of a run.
   *
   * @param common the shared options: bootstrap servers or the embedded broker's topic, partitions and rate
   * @param outputTopics topics the embedded broker must also create (ignored for a given cluster)
   * @param err where to say what was started
   * @return the environment; {@link #close()} stops what was started
   * @throws UsageException when the embedded broker is needed but its classes are absent (the cluster jar), or
   *     when an {@code --input} path does not exist or cannot be read
   */
  public static KafkaEnvironment open(CommonConfig common, List<String> outputTopics, PrintStream err) {
    if (!common.embedded()) {
      return new KafkaEnvironment(common, null, err);
    }
    if (common.replaysInput()) {
      // A missing or unreadable --input fails here, before a broker and Spark start: a command line that cannot be
      // run (exit code 2), like any other bad option value.
      try {
        ArchiveLines.open(common.inputs()).close();
      } catch (io.hashtagstreams.kafka.replay.ReplayInputException e) {
        throw new UsageException("--input " + e.getMessage());
      }
    }
    requireBrokerClasses(BROKER_CLASS);
    EmbeddedKafka broker;
    try {
      broker = new EmbeddedKafka();
    } catch (NoClassDefFoundError e) {
      throw noBroker(e.getMessage());
    }
    KafkaEnvironment environment = new KafkaEnvironment(common, broker, err);
    try {
      broker.start();
      broker.createTopic(common.topic(), common.partitions());
      for (String topic : outputTopics) {
        broker.createTopic(topic, common.partitions());
      }
      return environment;
    } catch (RuntimeException | Error e) {
      environment.close();
      throw e;
    }
  }

  /**
   * Starts feeding the embedded broker's input topic at {@code --rate}; nothing for a given cluster. Called once the
   * query runs, so that its first micro-batch is not the whole backlog of the start-up time.
   *
   * @param feed the tweet values, called from the producer thread only; ignored (may be null) with
   *     {@code --input}, whose files are replayed instead
   * @throws IllegalStateException when called twice
   */
  public synchronized void startFeeding(Supplier<byte[]> feed) {
    if (broker == null) {
      return;
    }
    if (producer != null || replay != null || live != null) {
      throw new IllegalStateException("already feeding " + common.topic());
    }
    if (common.ingestsLive()) {
      live = LiveFeed.start(broker.bootstrapServers(), common.topic(), common.live(), err);
      err.println("[kafka] embedded broker at " + broker.bootstrapServers() + ": feeding topic " + common.topic()
          + " from " + common.live().network() + " at " + common.live().endpoint());
      return;
    }
    if (common.replaysInput()) {
      replay = ReplayFeed.start(broker.bootstrapServers(), common.topic(), common.inputs(),
          common.rate() > 0 ? Integer.valueOf(common.rate()) : null, common.speed(), err);
      err.println("[kafka] embedded broker at " + broker.bootstrapServers() + ": feeding topic " + common.topic()
          + " from " + String.join(" ", common.inputs()) + (common.rate() > 0 ? " at " + common.rate()
          + " records/s" : "") + (common.speed() != null ? ", event time " + common.speed() + "x faster" : ""));
      return;
    }
    producer = PacedProducer.start(broker.bootstrapServers(), common.topic(), common.rate(), feed);
    err.println("[kafka] embedded broker at " + broker.bootstrapServers() + ": feeding topic " + common.topic()
        + " with " + common.rate() + " generated tweets/s, event time running " + common.speedup()
        + "x the wall clock");
  }

  /**
   * Fails with a clear message when the Kafka broker is not on the classpath.
   *
   * @param brokerClass a class of the broker
   * @throws UsageException when the class cannot be loaded
   */
  static void requireBrokerClasses(String brokerClass) {
    try {
      Class.forName(brokerClass, false, KafkaEnvironment.class.getClassLoader());
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      throw noBroker(brokerClass);
    }
  }

  private static UsageException noBroker(String missing) {
    return new UsageException("no embedded Kafka broker here (" + missing + " is not on the classpath, as in the"
        + " cluster jar): pass --bootstrap-servers host:port --topic NAME to read from your Kafka cluster");
  }

  /**
   * Waits until the {@code --input} files are replayed completely.
   *
   * @param timeout how long to wait at most
   * @return true when the replay ended (or there is none), false on timeout
   */
  public boolean awaitInputReplayed(java.time.Duration timeout) throws InterruptedException {
    ReplayFeed feed;
    synchronized (this) {
      feed = replay;
    }
    return feed == null || feed.awaitDone(timeout);
  }

  /** The embedded producer's first failure, or null (also null for a given cluster). */
  public synchronized Exception producerFailure() {
    return live != null ? live.failure() : replay != null ? replay.failure()
        : producer == null ? null : producer.failure();
  }

  /** The address queries read from and write to. */
  public String bootstrapServers() {
    return broker != null ? broker.bootstrapServers() : common.bootstrapServers();
  }

  /** Whether this run started its own broker. */
  public boolean embedded() {
    return broker != null;
  }

  /** How many tweets the embedded producer has sent so far; 0 for a given cluster. */
  public synchronized long produced() {
    return live != null ? live.sent() : replay != null ? replay.sent() : producer == null ? 0 : producer.sent();
  }

  /** Stops the producer, then the embedded broker (removing its data); nothing for a given cluster. */
  @Override
  public synchronized void close() {
    try {
      if (producer != null) {
        producer.close();
      }
      if (replay != null) {
        replay.close();
      }
      if (live != null) {
        live.close();
      }
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
  }
}
