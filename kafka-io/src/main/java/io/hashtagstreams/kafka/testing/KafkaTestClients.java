package io.hashtagstreams.kafka.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Small blocking Kafka clients for tests and demos against any broker (embedded, container or remote): create a
 * topic, write records and wait for them, read a topic completely. Needs only kafka-clients.
 *
 * <pre>{@code
 * KafkaTestClients.createTopic(servers, "tweets", 2, Map.of());
 * KafkaTestClients.produce(servers, "tweets", values);
 * List<ConsumerRecord<byte[], byte[]>> out =
 *     KafkaTestClients.consumeAll(servers, "counts", IsolationLevel.READ_COMMITTED, Duration.ofSeconds(30));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class KafkaTestClients {

  private static final long ACK_TIMEOUT_MS = 30_000;

  private KafkaTestClients() {
  }

  /**
   * Creates a topic with replication factor 1 and waits (at most 30 s) until it exists.
   *
   * @param servers bootstrap servers
   * @param name the topic
   * @param partitions at least 1
   * @param configs topic-level settings such as {@code max.message.bytes}
   * @throws IllegalStateException when the broker refuses (the topic exists, for example) or does not answer
   */
  public static void createTopic(String servers, String name, int partitions, Map<String, String> configs) {
    createTopic(servers, Map.of(), name, partitions, configs);
  }

  /**
   * As {@link #createTopic(String, String, int, Map)}, with client settings such as a secured broker's
   * ({@link BrokerSecurity#clientProperties(String)}).
   *
   * @since 0.3.0
   */
  public static void createTopic(String servers, Map<String, String> clientProperties, String name, int partitions,
      Map<String, String> configs) {
    try (Admin admin = Admin.create(config(servers, clientProperties))) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all()
          .get(ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create topic '" + name + "': " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating topic '" + name + "'", e);
    }
  }

  /**
   * Writes values without keys and waits until all are acknowledged; a null element writes a tombstone.
   *
   * @param servers bootstrap servers
   * @param topic an existing topic
   * @param values the record values
   * @throws IllegalStateException when a record is refused or not acknowledged within 30 s
   */
  public static void produce(String servers, String topic, List<byte[]> values) {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(values.size());
    for (byte[] value : values) {
      records.add(new ProducerRecord<>(topic, null, value));
    }
    produceRecords(servers, records);
  }

  /**
   * Writes records (keys, partitions, headers as given), up to 16 MB each, with {@code acks=all}, and waits
   * until all are acknowledged.
   *
   * @param servers bootstrap servers
   * @param records the records
   * @throws IllegalStateException when a record is refused or not acknowledged within 30 s
   */
  public static void produceRecords(String servers, List<ProducerRecord<byte[], byte[]>> records) {
    produceRecords(servers, Map.of(), records);
  }

  /**
   * As {@link #produceRecords(String, List)}, with client settings such as a secured broker's.
   *
   * @since 0.3.0
   */
  public static void produceRecords(String servers, Map<String, String> clientProperties,
      List<ProducerRecord<byte[], byte[]>> records) {
    Properties config = config(servers, clientProperties);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(16 * 1024 * 1024));
    config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
      List<Future<?>> sent = new ArrayList<>(records.size());
      for (ProducerRecord<byte[], byte[]> record : records) {
        sent.add(producer.send(record));
      }
      producer.flush();
      for (Future<?> ack : sent) {
        ack.get(ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not produce to Kafka: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted producing to Kafka", e);
    }
  }

  /**
   * Reads every record of a topic, from the beginning up to the end offsets at the time of the call (the last
   * stable offsets under {@code READ_COMMITTED}), ordered by partition and offset.
   *
   * @param servers bootstrap servers
   * @param topic an existing topic
   * @param isolation {@code READ_COMMITTED} to see only committed transactional records
   * @param timeout how long to wait for the records
   * @return the records
   * @throws IllegalStateException when the topic does not exist or the end offsets are not reached within
   *     {@code timeout}
   */
  public static List<ConsumerRecord<byte[], byte[]>> consumeAll(String servers, String topic,
      IsolationLevel isolation, Duration timeout) {
    return consumeAll(servers, Map.of(), topic, isolation, timeout);
  }

  /**
   * As {@link #consumeAll(String, String, IsolationLevel, Duration)}, with client settings such as a secured
   * broker's.
   *
   * @since 0.3.0
   */
  public static List<ConsumerRecord<byte[], byte[]>> consumeAll(String servers, Map<String, String> clientProperties,
      String topic, IsolationLevel isolation, Duration timeout) {
    Properties config = config(servers, clientProperties);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString().toLowerCase(Locale.ROOT));
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      if (partitions.isEmpty()) {
        throw new IllegalStateException("consumeAll: topic '" + topic + "' does not exist");
      }
      partitions.sort(Comparator.comparingInt(TopicPartition::partition));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> read = new HashMap<>();
      while (!reached(consumer, end)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("consumeAll(" + topic + ") did not reach end offsets " + end + " within "
              + timeout);
        }
        Duration poll = Duration.ofMillis(Math.min(200, TimeUnit.NANOSECONDS.toMillis(left) + 1));
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(poll)) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (record.offset() < end.get(partition)) {
            read.computeIfAbsent(partition, p -> new ArrayList<>()).add(record);
          }
        }
      }
      List<ConsumerRecord<byte[], byte[]>> ordered = new ArrayList<>();
      for (TopicPartition partition : partitions) {
        ordered.addAll(read.getOrDefault(partition, List.of()));
      }
      return ordered;
    }
  }

  private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
      if (consumer.position(partition.getKey()) < partition.getValue()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Creates ACLs and waits (at most 30 s) until the broker has them.
   *
   * @param servers bootstrap servers
   * @param clientProperties the settings of a user allowed to alter ACLs (a super user)
   * @param acls the bindings
   * @throws IllegalStateException when the broker refuses or does not answer
   * @since 0.3.0
   */
  public static void createAcls(String servers, Map<String, String> clientProperties, List<AclBinding> acls) {
    try (Admin admin = Admin.create(config(servers, clientProperties))) {
      admin.createAcls(acls).all().get(ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create ACLs: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating ACLs", e);
    }
  }

  private static Properties config(String servers, Map<String, String> clientProperties) {
    Properties config = new Properties();
    config.putAll(clientProperties);
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    return config;
  }
}
