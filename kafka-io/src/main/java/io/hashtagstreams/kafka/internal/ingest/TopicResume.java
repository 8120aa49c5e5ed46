package io.hashtagstreams.kafka.internal.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.hashtagstreams.kafka.internal.TopicProducers;

/**
 * Where a restarted ingest resumes: the highest Jetstream {@code time_us}, or the newest Mastodon Status id, among the
 * last records of every partition of the topic (at most {@link #TAIL} per partition; records of a partition are in
 * send order, and the overlap's duplicates are older than what precedes them, so the highest value is in the tail).
 * Read with a consumer that joins no group and commits nothing.
 */
public final class TopicResume {

  /** Records read back per partition. */
  public static final int TAIL = 512;

  private TopicResume() {
  }

  /**
   * The highest Jetstream cursor in the topic's tail.
   *
   * @param kafkaOptions client settings with the {@code kafka.} prefix
   * @param topic the topic the ingest writes to
   * @param timeout the budget
   * @return microseconds since the epoch, or -1 when the topic holds no Jetstream commit
   * @throws IllegalStateException when the tail cannot be read within the timeout
   */
  public static long lastJetstreamCursor(Map<String, String> kafkaOptions, String topic, Duration timeout) {
    long[] best = {-1};
    readTail(kafkaOptions, topic, timeout, value -> {
      Inspection inspection = JetstreamFrames.inspect(value);
      if (inspection.kind() == Inspection.Kind.POST) {
        best[0] = Math.max(best[0], inspection.cursorMicros());
      }
    });
    return best[0];
  }

  /**
   * The newest Mastodon Status id in the topic's tail.
   *
   * @param kafkaOptions client settings with the {@code kafka.} prefix
   * @param topic the topic the ingest writes to
   * @param timeout the budget
   * @return the id, or null when the topic holds no Status
   * @throws IllegalStateException when the tail cannot be read within the timeout
   */
  public static String lastMastodonId(Map<String, String> kafkaOptions, String topic, Duration timeout) {
    String[] best = {null};
    readTail(kafkaOptions, topic, timeout, value -> {
      Inspection inspection = MastodonStatuses.inspect(value);
      if (inspection.kind() == Inspection.Kind.POST
          && (best[0] == null || MastodonStatuses.compareIds(inspection.postId(), best[0]) > 0)) {
        best[0] = inspection.postId();
      }
    });
    return best[0];
  }

  private static void readTail(Map<String, String> kafkaOptions, String topic, Duration timeout,
      java.util.function.Consumer<byte[]> values) {
    Properties props = new Properties();
    props.putAll(TopicProducers.clientSettings(kafkaOptions));
    props.keySet().retainAll(ConsumerConfig.configNames());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      for (TopicPartition partition : partitions) {
        consumer.seek(partition, Math.max(begin.get(partition), end.get(partition) - TAIL));
      }
      while (!reached(consumer, partitions, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Ingester: reading back the last records of topic '" + topic
              + "' took longer than " + timeout.toSeconds() + " s");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value() != null && record.offset() < end.get(new TopicPartition(topic, record.partition()))) {
            values.accept(record.value());
          }
        }
      }
    }
  }

  private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
      Map<TopicPartition, Long> end) {
    for (TopicPartition partition : partitions) {
      if (consumer.position(partition) < end.get(partition)) {
        return false;
      }
    }
    return true;
  }
}
