package io.hashtagstreams.kafka.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;

import io.hashtagstreams.kafka.internal.RaftBroker;
import io.hashtagstreams.kafka.internal.SingleNodeBrokerConfig;

/**
 * A real single-node Kafka 3.9 broker (KRaft, combined broker and controller) in this JVM, on free loopback ports,
 * for tests and demos. Needs {@code org.apache.kafka:kafka_2.12:3.9.2} ({@code kafka_2.13} on the Scala 2.13 lines)
 * on the classpath, which hashtag-streams-kafka-io declares optional: add it (test scope) to use this class.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = new EmbeddedKafka()) {
 *   kafka.start();
 *   kafka.createTopic("tweets", 2);
 *   kafka.produce("tweets", List.of("{\"id\":1}".getBytes(StandardCharsets.UTF_8)));
 *   List<ConsumerRecord<byte[], byte[]>> records =
 *       kafka.consumeAll("tweets", IsolationLevel.READ_COMMITTED, Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>Broker settings: replication factor 1 everywhere (offsets and transaction state too),
 * {@code transaction.state.log.min.isr=1}, one partition for the internal topics,
 * {@code group.initial.rebalance.delay.ms=0}, 8 MB log segments, Kafka's default {@code message.max.bytes}
 * (about 1 MB; raise it per topic with {@code max.message.bytes} in {@link #createTopic(String, int, Map)}), and
 * {@code auto.create.topics.enable=false}: a test writing to a topic it forgot to create fails instead of quietly
 * creating one. Extra or different server properties can be given to {@link #EmbeddedKafka(Map)}. The log
 * directory is a new temporary directory, deleted by {@link #close()} and by a {@link #start()} that fails.
 *
 * <p>The two ports (client and controller) come from {@link LoopbackPorts}: distinct, and when another process
 * binds one of them before the broker does, the start is retried on new ports.
 *
 * <p>{@link #stop()} and {@link #restart()} simulate an outage: the restarted broker listens on the same ports and
 * keeps its data. The ports were free when the broker first started; while it is stopped another process could
 * take them, and the restart then fails with a bind error.
 *
 * @since 0.1.0
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final String BROKER_CLASS = "kafka.server.KafkaRaftServer";

  private final Map<String, String> overrides;
  private final BrokerSecurity security;
  private Path logDir;
  private Path lastLogDir;
  private int port;
  private RaftBroker broker;

  /** A broker with the default settings described above; call {@link #start()}. */
  public EmbeddedKafka() {
    this(Collections.emptyMap());
  }

  /**
   * A broker whose server properties are the defaults described above, overridden by {@code serverProperties}.
   *
   * @param serverProperties broker settings such as {@code message.max.bytes}; listeners, ports and
   *     {@code log.dirs} are chosen here and cannot be overridden
   */
  public EmbeddedKafka(Map<String, String> serverProperties) {
    this(serverProperties, null);
  }

  /**
   * A secured broker: its client listener is {@code SASL_SSL} with the users, TLS stores and ACLs of
   * {@code security} (see {@link BrokerSecurity}); {@link #createTopic}, {@link #produce} and {@link #consumeAll}
   * act as the super user.
   *
   * @param serverProperties broker settings as in {@link #EmbeddedKafka(Map)}
   * @param security the users, ACLs and TLS set-up; null for a {@code PLAINTEXT} broker
   * @since 0.3.0
   */
  public EmbeddedKafka(Map<String, String> serverProperties, BrokerSecurity security) {
    Map<String, String> all = new HashMap<>(serverProperties);
    this.security = security;
    this.overrides = Collections.unmodifiableMap(all);
  }

  /**
   * Formats a new log directory, starts the broker and waits (at most 30 s) until it answers; retries on new ports
   * when a port was taken in the meantime. A failed start leaves nothing behind (no broker, no directory).
   *
   * @return this broker
   * @throws IllegalStateException when already started, when kafka_2.12 is not on the classpath, or when the broker
   *     does not answer in time
   */
  public synchronized EmbeddedKafka start() {
    if (broker != null) {
      throw new IllegalStateException("EmbeddedKafka is already started on " + bootstrapServers());
    }
    requireBrokerJar();
    broker = LoopbackPorts.startWithRetry(2, ports -> startOn(ports[0], ports[1]));
    return this;
  }

  // One attempt on two reserved ports; on any failure the half-started broker is stopped and its log directory
  // deleted, so that a retry (or the caller) starts from nothing.
  RaftBroker startOn(int brokerPort, int controllerPort) {
    RaftBroker created = null;
    try {
      logDir = Files.createTempDirectory("embedded-kafka-");
      lastLogDir = logDir;
      port = brokerPort;
      Map<String, String> serverProperties = new HashMap<>(overrides);
      if (security != null) {
        security.prepare(logDir);
        serverProperties.putAll(security.serverProperties());
      }
      created = new RaftBroker(SingleNodeBrokerConfig.properties(port, controllerPort, logDir, serverProperties,
          security == null ? "PLAINTEXT" : "SASL_SSL"));
      created.format(logDir, security == null ? List.of() : security.formatArguments());
      created.start();
      awaitReady();
      if (security != null && !security.acls().isEmpty()) {
        KafkaTestClients.createAcls(bootstrapServers(), adminProperties(), security.acls());
      }
      return created;
    } catch (IOException e) {
      throw cleanUpAfter(created, new UncheckedIOException("EmbeddedKafka could not prepare its log directory", e));
    } catch (RuntimeException e) {
      throw cleanUpAfter(created, e);
    }
  }

  private RuntimeException cleanUpAfter(RaftBroker created, RuntimeException failure) {
    try {
      if (created != null) {
        created.stop();
      }
    } catch (RuntimeException stop) {
      failure.addSuppressed(stop);
    }
    port = 0;
    try {
      deleteLogDir();
    } catch (UncheckedIOException cleanup) {
      failure.addSuppressed(cleanup);
    }
    return failure;
  }

  /**
   * {@code 127.0.0.1:<port>}, the address clients connect to.
   *
   * @return the bootstrap servers
   * @throws IllegalStateException when never started
   */
  public synchronized String bootstrapServers() {
    if (port == 0) {
      throw new IllegalStateException("EmbeddedKafka is not started");
    }
    return "127.0.0.1:" + port;
  }

  /**
   * Creates a topic with replication factor 1 and waits until it exists.
   *
   * @param name the topic
   * @param partitions at least 1
   * @throws IllegalStateException when the broker refuses (the topic exists, for example)
   * @see KafkaTestClients#createTopic(String, String, int, Map)
   */
  public void createTopic(String name, int partitions) {
    KafkaTestClients.createTopic(bootstrapServers(), adminProperties(), name, partitions, Collections.emptyMap());
  }

  /**
   * Creates a topic with replication factor 1 and topic configs such as {@code max.message.bytes}.
   *
   * @param name the topic
   * @param partitions at least 1
   * @param configs topic-level settings
   * @throws IllegalStateException when the broker refuses (the topic exists, for example)
   */
  public void createTopic(String name, int partitions, Map<String, String> configs) {
    KafkaTestClients.createTopic(bootstrapServers(), adminProperties(), name, partitions, configs);
  }

  /**
   * Writes values without keys and waits until all are acknowledged; a null element writes a tombstone.
   *
   * @param topic an existing topic
   * @param values the record values
   * @see KafkaTestClients#produce(String, String, List)
   */
  public void produce(String topic, List<byte[]> values) {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(values.size());
    for (byte[] value : values) {
      records.add(new ProducerRecord<>(topic, null, value));
    }
    KafkaTestClients.produceRecords(bootstrapServers(), adminProperties(), records);
  }

  /**
   * Reads every record of a topic up to its end offsets at the time of the call.
   *
   * @param topic an existing topic
   * @param isolation {@code READ_COMMITTED} to see only committed transactional records
   * @param timeout how long to wait for the records
   * @return the records, ordered by partition and offset
   * @throws IllegalStateException when the topic does not exist or the end offsets are not reached in time
   * @see KafkaTestClients#consumeAll(String, String, IsolationLevel, Duration)
   */
  public List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, IsolationLevel isolation, Duration timeout) {
    return KafkaTestClients.consumeAll(bootstrapServers(), adminProperties(), topic, isolation, timeout);
  }

  /**
   * Shuts the broker down, keeping its ports and log directory for {@link #restart()}.
   *
   * @throws IllegalStateException when not running
   */
  public synchronized void stop() {
    if (broker == null || !broker.running()) {
      throw new IllegalStateException("EmbeddedKafka is not running");
    }
    broker.stop();
  }

  /**
   * Starts the stopped broker again on the same ports and log directory and waits (at most 30 s) until it answers.
   *
   * @throws IllegalStateException when never started, still running, or when the broker does not answer in time
   */
  public synchronized void restart() {
    if (broker == null) {
      throw new IllegalStateException("EmbeddedKafka was never started");
    }
    if (broker.running()) {
      throw new IllegalStateException("EmbeddedKafka is still running on " + bootstrapServers());
    }
    broker.start();
    awaitReady();
  }

  /** Stops the broker if running and deletes its log directory. */
  @Override
  public synchronized void close() {
    if (broker != null) {
      broker.stop();
      broker = null;
    }
    deleteLogDir();
  }

  /** The log directory of the last start attempt (deleted or not), for tests of the clean-up. */
  Path lastLogDir() {
    return lastLogDir;
  }

  private void deleteLogDir() {
    if (logDir != null) {
      Path dir = logDir;
      logDir = null;
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException("could not delete " + dir, e);
      }
    }
  }

  /**
   * The client settings of the broker's super user: empty for a {@code PLAINTEXT} broker, else
   * {@link BrokerSecurity#clientProperties(String)} of {@link BrokerSecurity#ADMIN}.
   *
   * @return the settings, without the {@code kafka.} prefix
   * @since 0.3.0
   */
  public Map<String, String> adminProperties() {
    return security == null ? Map.of() : security.clientProperties(BrokerSecurity.ADMIN);
  }

  private void awaitReady() {
    SingleNodeBrokerConfig.awaitReady("EmbeddedKafka", bootstrapServers(), adminProperties(), READY_TIMEOUT,
        () -> false);
  }

  static void requireBrokerJar() {
    try {
      Class.forName(BROKER_CLASS, false, EmbeddedKafka.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("EmbeddedKafka needs the Kafka broker on the classpath: add the dependency"
          + " org.apache.kafka:kafka_" + scalaBinaryVersion() + ":3.9.2 (test scope), which hashtag-streams-kafka-io"
          + " declares optional", e);
    }
  }

  /** The Scala this JVM runs ("2.12" or "2.13"), the suffix of the broker jar that fits it. */
  private static String scalaBinaryVersion() {
    String full = scala.util.Properties.versionNumberString();
    return full.substring(0, full.lastIndexOf('.'));
  }
}
