package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class PacedProducerTest {

  @Test
  @SuppressWarnings("try")   // close() inside the block on purpose: sent() is read after it; the second is harmless
  void sendsAtTheRateAndFlushesEverythingItCountedOnClose() throws Exception {
    String topic = Fixtures.newTopic("paced");
    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    long sent;
    try (PacedProducer producer = PacedProducer.start(Fixtures.broker().bootstrapServers(), topic, 100,
        () -> ("{\"n\":" + next.getAndIncrement() + "}").getBytes(StandardCharsets.UTF_8))) {
      assertThat(KafkaEnvironmentTest.read(Fixtures.broker().bootstrapServers(), topic, 50)).hasSizeGreaterThanOrEqualTo(50);
      // 50 records at 100 per second cannot all be there in less than 0.49 s (the first goes at 0 s).
      assertThat(System.nanoTime() - started).isGreaterThan(490_000_000L);
      producer.close();
      sent = producer.sent();
      assertThat(producer.failure()).isNull();
    }
    List<String> values = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : Fixtures.consumeAll(topic)) {
      values.add(new String(record.value(), StandardCharsets.UTF_8));
    }
    List<String> expected = new ArrayList<>();
    for (int n = 0; n < sent; n++) {
      expected.add("{\"n\":" + n + "}");
    }
    assertThat(values).containsExactlyElementsOf(expected);
  }

  @Test
  void rejectsARateBelowOne() {
    assertThatThrownBy(() -> PacedProducer.start("127.0.0.1:9", "t", 0, () -> new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate must be at least 1 record per second, got 0");
  }
}
