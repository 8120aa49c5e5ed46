package io.hashtagstreams.kafka;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * {@link KafkaPipelineContract} on Kafka 3.9.2 in a container; reported as skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaPipelineContainerTest extends KafkaPipelineContract {

  @Container
  private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.2");

  @Override
  String servers() {
    return KAFKA.getBootstrapServers();
  }
}
