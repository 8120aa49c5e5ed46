package io.hashtagstreams.kafka;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.hashtagstreams.kafka.testing.EmbeddedKafka;

/** {@link KafkaPipelineContract} on the in-process broker, plus the broker outage, which needs stop and restart. */
class KafkaPipelineTest extends KafkaPipelineContract {

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = new EmbeddedKafka().start();
  }

  @AfterAll
  static void closeBroker() {
    kafka.close();
  }

  @Override
  String servers() {
    return kafka.bootstrapServers();
  }
}
