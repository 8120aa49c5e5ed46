package io.hashtagstreams.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  static List<byte[]> bytes(String... values) {
    return Arrays.stream(values).map(v -> v.getBytes(StandardCharsets.UTF_8)).collect(Collectors.toList());
  }

  static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).collect(Collectors.toList());
  }
}
