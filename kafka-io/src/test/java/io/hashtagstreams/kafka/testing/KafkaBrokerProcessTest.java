package io.hashtagstreams.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker in a JVM of its own: it serves clients, is a separate process, keeps its data across a graceful stop
 * and a SIGKILL, and is gone after close. The Spark cluster tier (module cluster-tests) uses it under real load.
 */
class KafkaBrokerProcessTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  @Test
  void servesFromItsOwnJvmAndKeepsDataAcrossStopKillAndRestart() throws IOException {
    long pid;
    try (KafkaBrokerProcess kafka = KafkaBrokerProcess.builder().workDirectory(dir).build().start()) {
      pid = kafka.pid();
      assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
      // ProcessHandle.Info drops long command lines; Linux keeps them whole in /proc.
      assertThat(Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).split("\0"))
          .endsWith("kafka.Kafka", dir.resolve("server.properties").toString());
      String servers = kafka.bootstrapServers();
      KafkaTestClients.createTopic(servers, "outage", 2, Map.of());
      KafkaTestClients.produce(servers, "outage", bytes("before"));

      kafka.stop();
      assertThat(kafka.running()).isFalse();
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
      kafka.restart();
      KafkaTestClients.produce(servers, "outage", bytes("after stop"));
      kafka.kill();
      kafka.restart();
      KafkaTestClients.produce(servers, "outage", bytes("after kill"));

      assertThat(kafka.bootstrapServers()).isEqualTo(servers);
      assertThat(values(KafkaTestClients.consumeAll(servers, "outage", IsolationLevel.READ_COMMITTED, TIMEOUT)))
          .containsExactlyInAnyOrder("before", "after stop", "after kill");
      pid = kafka.pid();
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
    assertThat(dir.resolve("broker.log")).isNotEmptyFile();
  }

  @Test
  void aStartOnATakenPortFailsAsABindClashAndAStartAfterItSucceeds() throws IOException {
    int[] ports = LoopbackPorts.reserve(2);
    KafkaBrokerProcess kafka = KafkaBrokerProcess.builder().workDirectory(dir).build();
    try {
      try (java.net.ServerSocket taken = new java.net.ServerSocket(ports[0], 1,
          java.net.InetAddress.getLoopbackAddress())) {
        assertThatThrownBy(() -> kafka.startOn(ports[0], ports[1]))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageEndingWith("stopped before it answered (Address already in use)")
            .satisfies(e -> assertThat(LoopbackPorts.isBindClash(e)).isTrue());
        assertThat(kafka.running()).isFalse();
      }
      kafka.start();
      KafkaTestClients.createTopic(kafka.bootstrapServers(), "after-clash", 1, Map.of());
      assertThat(kafka.bootstrapServers()).isNotEqualTo("127.0.0.1:" + ports[0]);
    } finally {
      kafka.close();
    }
  }

  @Test
  void failsWithTheBadValueWhenTheBrokerCannotStart() {
    KafkaBrokerProcess broken = KafkaBrokerProcess.builder().workDirectory(dir)
        .serverProperty("num.network.threads", "not-a-number").build();

    assertThatThrownBy(broken::start).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kafka storage format failed (exit 1)")
        .hasMessageContaining("Invalid value not-a-number for configuration num.network.threads")
        .hasMessageContaining(dir.resolve("format.log").toString());
    assertThat(broken.running()).isFalse();
  }

  @Test
  void rejectsBadOptionsWithTheValue() {
    assertThatThrownBy(() -> KafkaBrokerProcess.builder().maxHeap("lots"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxHeap must be like 512m or 1g, got 'lots'");
    assertThatThrownBy(() -> KafkaBrokerProcess.builder().serverProperty("log.dirs", "/tmp"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'log.dirs'");
    assertThatThrownBy(() -> KafkaBrokerProcess.builder().workDirectory(dir).workDirectory(dir))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("workDirectory was already set");
    assertThatThrownBy(() -> KafkaBrokerProcess.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessage("KafkaBrokerProcess needs a workDirectory");
    assertThatThrownBy(() -> KafkaBrokerProcess.builder().workDirectory(dir).build().stop())
        .isInstanceOf(IllegalStateException.class).hasMessage("KafkaBrokerProcess is not running");
  }

  private static List<byte[]> bytes(String... values) {
    return java.util.Arrays.stream(values).map(v -> v.getBytes(StandardCharsets.UTF_8)).collect(Collectors.toList());
  }

  private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).collect(Collectors.toList());
  }
}
