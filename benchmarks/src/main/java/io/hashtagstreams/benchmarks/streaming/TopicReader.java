package io.hashtagstreams.benchmarks.streaming;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

import scala.Option;

import io.hashtagstreams.benchmarks.NotebookPipeline;
import io.hashtagstreams.benchmarks.OursPipeline;
import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.checkpoint.ForklessLocalFileSystem;
import io.hashtagstreams.core.checkpoint.LocalCheckpoints;
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

  /** {@link #SPARK_RAW} with checkpoints written as {@code LocalCheckpoints} sets them up (no forked processes). */
  SPARK_RAW_FORKLESS("Spark's Kafka source alone, forkless local checkpoints") {
    @Override
    Dataset<Row> query(Dataset<Row> records) {
      return SPARK_RAW.query(records);
    }

    @Override
    Map<String, String> sessionConf() {
      return FORKLESS_CHECKPOINTS;
    }
  },

  /** {@link #SPARK_RAW_FORKLESS} with 8 MB fetches per partition (Kafka's default is 1 MB) and 4 MB socket buffers. */
  SPARK_RAW_BIG_FETCH("Spark's Kafka source alone, forkless, 8 MB fetches") {
    @Override
    Dataset<Row> query(Dataset<Row> records) {
      return SPARK_RAW.query(records);
    }

    @Override
    Map<String, String> sessionConf() {
      return FORKLESS_CHECKPOINTS;
    }

    @Override
    Map<String, String> sourceOptions() {
      return BIG_FETCH;
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

  /** Ours with the RocksDB state store and changelog checkpointing instead of the default HDFS-backed store. */
  OURS_ROCKSDB("ours, RocksDB state store + changelog checkpointing") {
    @Override
    Dataset<Row> query(Dataset<Row> records) {
      return OursPipeline.counts(records);
    }

    @Override
    String outputMode() {
      return "update";
    }

    @Override
    Map<String, String> sessionConf() {
      return Map.of(
          "spark.sql.streaming.stateStore.providerClass",
          "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider",
          "spark.sql.streaming.stateStore.rocksdb.changelogCheckpointing.enabled", "true");
    }
  },

  /** {@link #OURS} with checkpoints written as {@code LocalCheckpoints} sets them up (no forked processes). */
  OURS_FORKLESS("ours, forkless local checkpoints") {
    @Override
    Dataset<Row> query(Dataset<Row> records) {
      return OursPipeline.counts(records);
    }

    @Override
    String outputMode() {
      return "update";
    }

    @Override
    Map<String, String> sessionConf() {
      return FORKLESS_CHECKPOINTS;
    }
  },

  /** {@link #OURS_FORKLESS} with 8 MB fetches per partition and 4 MB socket buffers. */
  OURS_BIG_FETCH("ours, forkless, 8 MB fetches") {
    @Override
    Dataset<Row> query(Dataset<Row> records) {
      return OursPipeline.counts(records);
    }

    @Override
    String outputMode() {
      return "update";
    }

    @Override
    Map<String, String> sessionConf() {
      return FORKLESS_CHECKPOINTS;
    }

    @Override
    Map<String, String> sourceOptions() {
      return BIG_FETCH;
    }
  },

  /** {@link #OURS_FORKLESS} with one shuffle partition, so one state store and one task after the shuffle. */
  OURS_ONE_PARTITION("ours, forkless, 1 shuffle partition") {
    @Override
    Dataset<Row> query(Dataset<Row> records) {
      return OursPipeline.counts(records);
    }

    @Override
    String outputMode() {
      return "update";
    }

    @Override
    Map<String, String> sessionConf() {
      Map<String, String> conf = new HashMap<>(FORKLESS_CHECKPOINTS);
      conf.put("spark.sql.shuffle.partitions", "1");
      return conf;
    }
  },

  /** The first step of ours alone: {@code extractText} to the {@code noop} sink, no state. */
  OURS_EXTRACT("ours, extractText only (no state)") {
    @Override
    Dataset<Row> query(Dataset<Row> records) {
      return OursPipeline.extract(records);
    }
  },

  /** Ours without the aggregation: {@code extractText -> explodeTopics} to the {@code noop} sink, no state. */
  OURS_TOPICS("ours, extractText -> explodeTopics (no state)") {
    @Override
    Dataset<Row> query(Dataset<Row> records) {
      return OursPipeline.extract(records).transform(HashtagOps.explodeTopics());
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

  /**
   * {@code LocalCheckpoints.settings()} as session settings: without the {@code spark.hadoop.} prefix (that prefix
   * is read when the context starts), and with Hadoop's file system cache off, so that this query gets its own
   * {@code file:} file system while the other readers keep the cached stock one.
   */
  private static final Map<String, String> FORKLESS_CHECKPOINTS = Map.of(
      "fs.file.impl", ForklessLocalFileSystem.class.getName(),
      "fs.file.impl.disable.cache", "true",
      "spark.sql.streaming.checkpointFileManagerClass",
      LocalCheckpoints.settings().get("spark.sql.streaming.checkpointFileManagerClass"));

  private static final Map<String, String> BIG_FETCH = Map.of(
      "max.partition.fetch.bytes", Integer.toString(8 << 20),
      "fetch.max.bytes", Integer.toString(64 << 20));

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

  /** Session settings the query starts with, restored afterwards; none by default. */
  Map<String, String> sessionConf() {
    return Map.of();
  }

  /** Kafka source options added to the reader's {@code KafkaTweetSource}; none by default. */
  Map<String, String> sourceOptions() {
    return Map.of();
  }

  /** The name {@code --readers=} takes: the constant's name in lower case with dashes. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /**
   * The reader named {@code id} (see {@link #id()}).
   *
   * @throws IllegalArgumentException naming {@code id} and the known names
   */
  public static TopicReader byId(String id) {
    for (TopicReader reader : values()) {
      if (reader.id().equals(id)) {
        return reader;
      }
    }
    throw new IllegalArgumentException("unknown reader '" + id + "'; known: "
        + java.util.Arrays.stream(values()).map(TopicReader::id).collect(java.util.stream.Collectors.joining(",")));
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
    KafkaTweetSource.Builder source = KafkaTweetSource.builder()
        .bootstrapServers(servers)
        .subscribe(topic)
        .startingOffsets("earliest")
        .maxOffsetsPerTrigger(perTrigger);
    sourceOptions().forEach(source::option);
    Dataset<Row> records = source.buildStream(spark);
    Map<String, Option<String>> saved = new HashMap<>();
    sessionConf().forEach((key, value) -> {
      saved.put(key, spark.conf().getOption(key));
      spark.conf().set(key, value);
    });
    long start = System.nanoTime();
    StreamingQuery query;
    try {
      query = query(records).writeStream()
          .format("noop")
          .queryName(name().toLowerCase() + "_" + UUID.randomUUID().toString().replace("-", ""))
          .outputMode(outputMode())
          .option("checkpointLocation", checkpoint.toString())
          .trigger(Trigger.AvailableNow())
          .start();
    } finally {
      // The query keeps the settings it started with (it runs on a clone of the session).
      saved.forEach((key, value) -> {
        if (value.isDefined()) {
          spark.conf().set(key, value.get());
        } else {
          spark.conf().unset(key);
        }
      });
    }
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
