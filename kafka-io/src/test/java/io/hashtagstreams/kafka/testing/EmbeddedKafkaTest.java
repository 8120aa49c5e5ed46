package io.hashtagstreams.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded broker on its own; the Spark pipelines that use it are tested in io.hashtagstreams.kafka. */
class EmbeddedKafkaTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = new EmbeddedKafka().start();
  }

  @AfterAll
  static void closeBroker() {
    kafka.close();
  }

  @Test
  void readsBackWhatWasProducedAcrossPartitions() {
    kafka.createTopic("roundtrip", 3);
    kafka.produce("roundtrip", bytes("a", "b", "c", "d", "e"));
    kafka.produce("roundtrip", Arrays.asList(new byte[][] {null}));

    List<ConsumerRecord<byte[], byte[]>> records = kafka.consumeAll("roundtrip", IsolationLevel.READ_COMMITTED,
        TIMEOUT);

    assertThat(records.stream().map(r -> r.value() == null ? "<null>" : new String(r.value(),
        StandardCharsets.UTF_8)).sorted().collect(Collectors.toList()))
        .containsExactly("<null>", "a", "b", "c", "d", "e");
  }

  @Test
  void keepsDataAcrossStopAndRestartOnTheSamePort() {
    kafka.createTopic("outage", 1);
    kafka.produce("outage", bytes("before"));
    String servers = kafka.bootstrapServers();

    kafka.stop();
    kafka.restart();
    kafka.produce("outage", bytes("after"));

    assertThat(kafka.bootstrapServers()).isEqualTo(servers);
    assertThat(values(kafka.consumeAll("outage", IsolationLevel.READ_UNCOMMITTED, TIMEOUT)))
        .containsExactly("before", "after");
  }

  @Test
  void refusesATopicThatExists() {
    kafka.createTopic("twice", 1);
    assertThatThrownBy(() -> kafka.createTopic("twice", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void refusesToStartTwiceAndToRestartWhileRunning() {
    assertThatThrownBy(() -> kafka.start()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(kafka.bootstrapServers());
    assertThatThrownBy(() -> kafka.restart()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("still running");
  }

  @Test
  void doesNotCreateTopicsOnFirstUse() {
    assertThatThrownBy(() -> kafka.consumeAll("never-created", IsolationLevel.READ_COMMITTED,
        Duration.ofSeconds(2))).isInstanceOf(IllegalStateException.class)
        .hasMessage("consumeAll: topic 'never-created' does not exist");
  }

  @Test
  void namesTheMissingDependencyWhenTheBrokerJarIsAbsent() throws Exception {
    ClassLoader withoutBroker = new WithoutBrokerJar(EmbeddedKafkaTest.class.getClassLoader());
    Class<?> isolated = withoutBroker.loadClass(EmbeddedKafka.class.getName());
    Object broker = isolated.getConstructor().newInstance();

    assertThatThrownBy(() -> isolated.getMethod("start").invoke(broker))
        .isInstanceOf(InvocationTargetException.class)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("EmbeddedKafka needs the Kafka broker on the classpath: add the dependency"
            + " org.apache.kafka:kafka_" + System.getProperty("scala.binary.version") + ":3.9.2 (test scope),"
            + " which hashtag-streams-kafka-io declares optional");
  }

  @Test
  void startsFiftyBrokersInARowOnDistinctPortsAndDeletesEachDirectory() {
    for (int i = 0; i < 50; i++) {
      EmbeddedKafka broker = new EmbeddedKafka();
      try {
        broker.start();
        assertThat(broker.bootstrapServers()).isNotEqualTo(kafka.bootstrapServers());
        KafkaTestClients.createTopic(broker.bootstrapServers(), "t", 1, java.util.Map.of());
      } finally {
        broker.close();
      }
      assertThat(broker.lastLogDir()).as("log directory of broker %d", i).doesNotExist();
    }
  }

  @Test
  void aStartOnATakenPortFailsAsABindClashAndLeavesNothingBehind() throws IOException {
    int[] ports = LoopbackPorts.reserve(2);
    EmbeddedKafka broker = new EmbeddedKafka();
    try (java.net.ServerSocket taken = new java.net.ServerSocket(ports[1], 1,
        java.net.InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> broker.startOn(ports[0], ports[1]))
          .satisfies(e -> assertThat(LoopbackPorts.isBindClash(e)).as("bind clash: %s", e).isTrue());
      assertThat(broker.lastLogDir()).doesNotExist();
      assertThatThrownBy(broker::bootstrapServers).isInstanceOf(IllegalStateException.class)
          .hasMessage("EmbeddedKafka is not started");
    }
    try {
      broker.start();
      KafkaTestClients.createTopic(broker.bootstrapServers(), "after-clash", 1, java.util.Map.of());
    } finally {
      broker.close();
    }
    assertThat(broker.lastLogDir()).doesNotExist();
  }

  /** Hides the broker's classes ({@code kafka.*}) and loads this module's classes afresh, so they link here. */
  private static final class WithoutBrokerJar extends ClassLoader {

    WithoutBrokerJar(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("kafka.")) {
        throw new ClassNotFoundException(name);
      }
      if (!name.startsWith("io.hashtagstreams.kafka.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            loaded = defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        return loaded;
      }
    }
  }

  static List<byte[]> bytes(String... values) {
    return Arrays.stream(values).map(v -> v.getBytes(StandardCharsets.UTF_8)).collect(Collectors.toList());
  }

  static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).collect(Collectors.toList());
  }
}
