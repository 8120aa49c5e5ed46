package io.hashtagstreams.benchmarks.streaming;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;

import io.hashtagstreams.benchmarks.NotebookPipeline;
import io.hashtagstreams.benchmarks.OursPipeline;
import io.hashtagstreams.kafka.KafkaTweetSource;

/**
 * The ways {@link StreamingComparison} reads one topic to its end, from the floor (a plain consumer) to the full
 * pipelines. Every Spark reader writes to the {@code noop} sink, so only reading and computing are timed.
 */
public enum TopicReader {

  /** A plain {@code KafkaConsumer} polling the values of every partition on one thread: what the broker gives. */
  PLAIN_CONSUMER("plain KafkaConsumer, values only") {
    @Override
    ReadMeasurement read(SparkSession spark, String servers, String topic, long expected, int perTrigger) {
      Properties config = new Properties();
      config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
      config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
      config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
      config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      long start = System.nanoTime();
      long rows = 0;
      long bytes = 0;
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic)) {
          partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (rows < expected) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the consumer read " + rows + " of " + expected + " records in "
                + TIMEOUT);
          }
          ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(500));
          for (var record : polled) {
            rows++;
            bytes += record.value().length;
          }
        }
      }
      if (bytes == 0) {
        throw new IllegalStateException("read no bytes");
      }
      return ReadMeasurement.timed(this, rows, (System.nanoTime() - start) / 1e9);
    }
  },

  /** Spark's Kafka source alone: {@code value} to the {@code noop} sink. */
  SPARK_RAW("Spark's Kafka source alone (value -> noop)") {
    @Override
    Dataset<Row> query(Dataset<Row> records) {
      return records.select("value");
    }
  },

  /** The notebook pipeline: {@code get_json_object} x2, split, explode, window count (update mode). */
  NOTEBOOK("notebook pipeline (get_json_object x2, split, explode, window count)") {
    @Override
    Dataset<Row> query(Dataset<Row> records) {
      return NotebookPipeline.counts(records);
    }

    @Override
    String outputMode() {
      return "update";
    }
  },

  /** Ours: {@code extractText -> explodeTopics -> windowedCounts(1 minute)} (update mode). */
  OURS("ours (extractText -> explodeTopics -> windowedCounts 1 min)") {
    @Override
    Dataset<Row> query(Dataset<Row> records) {
      return OursPipeline.counts(records);
    }

    @Override
    String outputMode() {
      return "update";
    }
  },

  /** Ours as one batch read of the same topic. */
  OURS_BATCH("ours as a batch read of the topic") {
    @Override
    ReadMeasurement read(SparkSession spark, String servers, String topic, long expected, int perTrigger) {
      long start = System.nanoTime();
      Dataset<Row> records = KafkaTweetSource.builder()
          .bootstrapServers(servers)
          .subscribe(topic)
          .startingOffsets("earliest")
          .buildBatch(spark);
      OursPipeline.counts(records).write().format("noop").mode("overwrite").save();
      return ReadMeasurement.timed(this, expected, (System.nanoTime() - start) / 1e9);
    }
  };

  static final Duration TIMEOUT = Duration.ofMinutes(15);

  private final String description;

  TopicReader(String description) {
    this.description = description;
  }

  /** What this reader is, for tables. */
  public String description() {
    return description;
  }

  /** The streaming query over the Kafka records; only for the streaming readers. */
  Dataset<Row> query(Dataset<Row> records) {
    throw new UnsupportedOperationException(name() + " is not a streaming query");
  }

  /** The output mode of {@link #query}. */
  String outputMode() {
    return "append";
  }

  /**
   * Reads the whole topic once and times it; streaming readers run with {@code Trigger.AvailableNow()} and
   * {@code maxOffsetsPerTrigger = perTrigger}.
   */
  ReadMeasurement read(SparkSession spark, String servers, String topic, long expected, int perTrigger)
      throws IOException, TimeoutException, StreamingQueryException {
    Path checkpoint = Files.createTempDirectory("bench-streaming-");
    Dataset<Row> records = KafkaTweetSource.builder()
        .bootstrapServers(servers)
        .subscribe(topic)
        .startingOffsets("earliest")
        .maxOffsetsPerTrigger(perTrigger)
        .buildStream(spark);
    long start = System.nanoTime();
    StreamingQuery query = query(records).writeStream()
        .format("noop")
        .queryName(name().toLowerCase() + "_" + UUID.randomUUID().toString().replace("-", ""))
        .outputMode(outputMode())
        .option("checkpointLocation", checkpoint.toString())
        .trigger(Trigger.AvailableNow())
        .start();
    try {
      if (!query.awaitTermination(TIMEOUT.toMillis())) {
        throw new IllegalStateException(name() + " did not read the topic within " + TIMEOUT);
      }
    } finally {
      query.stop();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    List<StreamingQueryProgress> withInput = new ArrayList<>();
    for (StreamingQueryProgress batch : query.recentProgress()) {
      if (batch.numInputRows() > 0) {
        withInput.add(batch);
      }
    }
    ReadMeasurement measured = ReadMeasurement.fromProgress(this, withInput, wall);
    if (measured.rows() != expected) {
      throw new IllegalStateException(name() + " read " + measured.rows() + " records, expected " + expected);
    }
    return measured;
  }
}
