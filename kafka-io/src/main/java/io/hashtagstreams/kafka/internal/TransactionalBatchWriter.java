package io.hashtagstreams.kafka.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each micro-batch of a streaming query to Kafka in one transaction, on the driver, and records the batch
 * id in the same transaction so that a replayed batch is recognised and skipped.
 *
 * <p>The batch id is stored as a consumer-group offset: group {@code <transactional id>-batches}, partition 0 of
 * the output topic, offset {@code batchId + 1}, committed by {@code sendOffsetsToTransaction}. It becomes visible
 * exactly when the records do. On the first batch of a run, {@code initTransactions()} fences any earlier producer
 * of the same sink identity and aborts its open transaction; the stored id is then read back with
 * {@code requireStable}, and batches below it are skipped.
 *
 * <p>One instance per started query; {@link #close()} when the query ends.
 */
public final class TransactionalBatchWriter implements VoidFunction2<Dataset<Row>, Long>, AutoCloseable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(TransactionalBatchWriter.class);

  private final String topic;
  private final String transactionalId;
  private final Map<String, String> kafkaOptions;
  private transient KafkaProducer<byte[], byte[]> producer;
  private transient long nextBatchId = -1;

  /**
   * A writer that opens its producer on the first batch.
   *
   * @param topic the output topic
   * @param transactionalId the stable sink identity
   * @param kafkaOptions the sink's {@code kafka.*} options (prefix included), bootstrap servers among them
   */
  public TransactionalBatchWriter(String topic, String transactionalId, Map<String, String> kafkaOptions) {
    this.topic = topic;
    this.transactionalId = transactionalId;
    this.kafkaOptions = Collections.unmodifiableMap(new HashMap<>(kafkaOptions));
  }

  /** The consumer group that holds the last committed batch id of a sink identity. */
  public static String batchGroupId(String transactionalId) {
    return transactionalId + "-batches";
  }

  @Override
  public void call(Dataset<Row> batch, Long batchId) {
    if (producer == null) {
      open();
    }
    if (batchId < nextBatchId) {
      LOG.info("Skipping batch {} for topic {}: already committed to Kafka (next expected {})", batchId, topic,
          nextBatchId);
      return;
    }
    producer.beginTransaction();
    try {
      Iterator<Row> rows = asBinary(batch).toLocalIterator();
      while (rows.hasNext()) {
        producer.send(toRecord(rows.next()));
      }
      Map<TopicPartition, OffsetAndMetadata> marker = Collections.singletonMap(new TopicPartition(topic, 0),
          new OffsetAndMetadata(batchId + 1, "batch " + batchId));
      producer.sendOffsetsToTransaction(marker, new ConsumerGroupMetadata(batchGroupId(transactionalId)));
      producer.commitTransaction();
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
      closeQuietly();
      throw new IllegalStateException("Kafka transaction of batch " + batchId + " to topic '" + topic
          + "' cannot continue (transactional.id " + transactionalId + "): " + e.getMessage()
          + "; another writer with the same checkpoint and topic may be running", e);
    } catch (RuntimeException e) {
      abortQuietly();
      throw e;
    }
    nextBatchId = batchId + 1;
  }

  private void open() {
    Properties config = clientConfig();
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    KafkaProducer<byte[], byte[]> created = new KafkaProducer<>(config);
    try {
      created.initTransactions();
      nextBatchId = readCommittedBatchId();
    } catch (RuntimeException e) {
      created.close(java.time.Duration.ZERO);
      throw e;
    }
    producer = created;
    LOG.info("Transactional writer {} for topic {} ready; next batch to write: {}", transactionalId, topic,
        nextBatchId);
  }

  private long readCommittedBatchId() {
    Properties config = clientConfig();
    config.keySet().removeIf(key -> !AdminClientConfig.configNames().contains((String) key));
    try (Admin admin = Admin.create(config)) {
      Map<TopicPartition, OffsetAndMetadata> offsets = admin
          .listConsumerGroupOffsets(batchGroupId(transactionalId),
              new ListConsumerGroupOffsetsOptions().requireStable(true))
          .partitionsToOffsetAndMetadata().get(60, TimeUnit.SECONDS);
      OffsetAndMetadata stored = offsets.get(new TopicPartition(topic, 0));
      return stored == null ? 0 : stored.offset();
    } catch (ExecutionException e) {
      throw new KafkaException("cannot read the last committed batch of " + transactionalId, e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new KafkaException("timed out reading the last committed batch of " + transactionalId, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted reading the last committed batch of " + transactionalId, e);
    }
  }

  private Properties clientConfig() {
    Properties config = new Properties();
    kafkaOptions.forEach((key, value) -> config.put(key.substring("kafka.".length()), value));
    return config;
  }

  private static Dataset<Row> asBinary(Dataset<Row> batch) {
    List<String> columns = List.of(batch.columns());
    List<Column> selected = new ArrayList<>();
    selected.add(columns.contains("key") ? functions.col("key").cast("binary").as("key")
        : functions.lit(null).cast("binary").as("key"));
    selected.add(functions.col("value").cast("binary").as("value"));
    if (columns.contains("headers")) {
      selected.add(functions.col("headers"));
    }
    return batch.select(selected.toArray(new Column[0]));
  }

  private ProducerRecord<byte[], byte[]> toRecord(Row row) {
    byte[] key = row.isNullAt(0) ? null : (byte[]) row.get(0);
    byte[] value = row.isNullAt(1) ? null : (byte[]) row.get(1);
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, value);
    if (row.size() > 2 && !row.isNullAt(2)) {
      List<Row> headers = row.getList(2);
      for (Row header : headers) {
        byte[] headerValue = header.isNullAt(1) ? null : (byte[]) header.get(1);
        record.headers().add(new RecordHeader(header.getString(0), headerValue));
      }
    }
    return record;
  }

  private void abortQuietly() {
    try {
      producer.abortTransaction();
    } catch (RuntimeException e) {
      LOG.warn("Could not abort the Kafka transaction of {}; closing the producer", transactionalId, e);
      closeQuietly();
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (RuntimeException e) {
      LOG.warn("Could not close the producer of {}", transactionalId, e);
    }
  }

  /** Closes the producer; the next batch, if any, opens a new one (which fences nothing but itself). */
  @Override
  public synchronized void close() {
    if (producer != null) {
      KafkaProducer<byte[], byte[]> closing = producer;
      producer = null;
      closing.close(java.time.Duration.ofSeconds(5));
    }
  }
}
