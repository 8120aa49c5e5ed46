package io.hashtagstreams.kafka.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the record writers that feed a topic from outside Spark (replay, live ingest) share: the fail-fast check of
 * the brokers and the topic (creating it on request), and the producer settings ({@code acks=all}, idempotence,
 * batching, lz4), which the user's {@code kafka.*} options override.
 */
public final class TopicProducers {

  private static final String PREFIX = "kafka.";

  private TopicProducers() {
  }

  /**
   * Checks within {@code timeout} that the brokers answer and that the topics exist, creating each missing one with
   * {@code createPartitions} partitions (broker's default replication) when that is above 0.
   *
   * @param owner the builder, for messages
   * @param kafkaOptions client settings with the {@code kafka.} prefix
   * @param topics the topics written to
   * @param createPartitions 0 to require the topics, else the partitions of a created topic
   * @param timeout the budget of each step
   * @throws IllegalStateException when no broker answers, a topic is missing or cannot be created
   */
  public static void prepareTopics(String owner, Map<String, String> kafkaOptions, List<String> topics,
      int createPartitions, Duration timeout) {
    String turnOff = createPartitions > 0
        ? "createTopic(" + createPartitions + ") creates the topic once a broker answers"
        : "the topic must exist, or use createTopic(partitions)";
    if (createPartitions == 0) {
      KafkaPreflight.check(owner, kafkaOptions, topics, timeout, turnOff);
      return;
    }
    KafkaPreflight.check(owner, kafkaOptions, List.of(), timeout, turnOff);
    Properties props = new Properties();
    props.putAll(clientSettings(kafkaOptions));
    props.keySet().retainAll(AdminClientConfig.configNames());
    try (Admin admin = Admin.create(props)) {
      for (String topic : topics) {
        try {
          admin.createTopics(List.of(new NewTopic(topic, Optional.of(createPartitions), Optional.empty()))).all()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(Redaction.scrub(owner + ": cannot create topic '" + topic + "' at "
                + kafkaOptions.get("kafka.bootstrap.servers") + ": " + e.getCause().getMessage(), kafkaOptions));
          }
        } catch (TimeoutException e) {
          throw new IllegalStateException(owner + ": creating topic '" + topic + "' took longer than "
              + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(owner + ": interrupted while creating topic '" + topic + "'");
        }
      }
    }
  }

  /**
   * The producer settings: {@code acks=all}, idempotence, {@code linger.ms=20}, {@code batch.size=512 KiB},
   * 64 MiB of buffer, lz4, the client id, then the user's options (without their {@code kafka.} prefix), then the
   * byte-array serializers.
   *
   * @param kafkaOptions client settings with the {@code kafka.} prefix
   * @param clientId the producer's {@code client.id} unless the options set one
   * @return the settings
   */
  public static Properties producerProperties(Map<String, String> kafkaOptions, String clientId) {
    Properties props = new Properties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(64L << 20));
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    props.putAll(clientSettings(kafkaOptions));
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return props;
  }

  /**
   * The options without their {@code kafka.} prefix, as Kafka's clients take them.
   *
   * @param kafkaOptions client settings with the {@code kafka.} prefix
   * @return the settings, in the options' order
   */
  public static Map<String, Object> clientSettings(Map<String, String> kafkaOptions) {
    Map<String, Object> settings = new LinkedHashMap<>();
    kafkaOptions.forEach((key, value) -> settings.put(key.substring(PREFIX.length()), value));
    return settings;
  }
}
