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
import java.util.function.UnaryOperator;

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

  /** Spark's Kafka source alone, as a notebook runs it: {@code value} to the {@code noop} sink. */
  SPARK_RAW_STOCK("Spark's Kafka source alone (value -> noop), Spark's defaults", Pipeline.RAW, SetUp.STOCK),

  /** Spark's Kafka source alone, set up as Hashtag Streams sets it up. */
  SPARK_RAW("Spark's Kafka source alone (value -> noop), tuned", Pipeline.RAW, SetUp.TUNED),

  /** The notebook pipeline as users run it today. */
  NOTEBOOK_STOCK("notebook pipeline (get_json_object x2, split, explode, window count), Spark's defaults",
      Pipeline.NOTEBOOK, SetUp.STOCK),

  /** The notebook pipeline with the same set-up as ours: the like-for-like comparison. */
  NOTEBOOK("notebook pipeline, tuned", Pipeline.NOTEBOOK, SetUp.TUNED),

  /** Ours as it ran before issue 12: Kafka's 1 MiB fetches, stock local checkpoints. */
  OURS_STOCK("ours (extractText -> explodeTopics -> windowedCounts 1 min), Spark's defaults", Pipeline.OURS,
      SetUp.STOCK),

  /** Ours with forkless checkpoints but Kafka's 1 MiB fetches: the first cut alone. */
  OURS_FORKLESS_ONLY("ours, forkless checkpoints, 1 MiB fetches", Pipeline.OURS, SetUp.FORKLESS_ONLY),

  /** Ours as the library and the app set it up: 8 MiB fetches, forkless local checkpoints. */
  OURS("ours, tuned (8 MiB fetches, forkless checkpoints)", Pipeline.OURS, SetUp.TUNED),

  /** Ours, tuned, with the RocksDB state store and changelog checkpointing. */
  OURS_ROCKSDB("ours, tuned + RocksDB state store with changelog checkpointing", Pipeline.OURS, SetUp.TUNED,
      Map.of("spark.sql.streaming.stateStore.providerClass",
          "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider",
          "spark.sql.streaming.stateStore.rocksdb.changelogCheckpointing.enabled", "true")),

  /** Ours, tuned, with one shuffle partition: one state store and one task after the shuffle. */
  OURS_ONE_PARTITION("ours, tuned + 1 shuffle partition", Pipeline.OURS, SetUp.TUNED,
      Map.of("spark.sql.shuffle.partitions", "1")),

  /** The first step of ours alone, tuned: {@code extractText} to the {@code noop} sink, no state. */
  OURS_EXTRACT("ours, extractText only (no state), tuned", Pipeline.EXTRACT, SetUp.TUNED),

  /** Ours without the aggregation, tuned: {@code extractText -> explodeTopics}, no state. */
  OURS_TOPICS("ours, extractText -> explodeTopics (no state), tuned", Pipeline.TOPICS, SetUp.TUNED),

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
  private final Pipeline pipeline;
  private final SetUp setUp;
  private final Map<String, String> extraConf;

  TopicReader(String description) {
    this(description, null, null, Map.of());
  }

  TopicReader(String description, Pipeline pipeline, SetUp setUp) {
    this(description, pipeline, setUp, Map.of());
  }

  TopicReader(String description, Pipeline pipeline, SetUp setUp, Map<String, String> extraConf) {
    this.description = description;
    this.pipeline = pipeline;
    this.setUp = setUp;
    this.extraConf = extraConf;
  }

  /** What a streaming reader computes from the Kafka records, and in which output mode. */
  enum Pipeline {
    RAW("append", records -> records.select("value")),
    NOTEBOOK("update", NotebookPipeline::counts),
    OURS("update", OursPipeline::counts),
    EXTRACT("append", OursPipeline::extract),
    TOPICS("append", records -> OursPipeline.extract(records).transform(HashtagOps.explodeTopics()));

    private final String outputMode;
    private final UnaryOperator<Dataset<Row>> query;

    Pipeline(String outputMode, UnaryOperator<Dataset<Row>> query) {
      this.outputMode = outputMode;
      this.query = query;
    }

    Dataset<Row> query(Dataset<Row> records) {
      return query.apply(records);
    }
  }

  /** How the session and the Kafka source are set up for a streaming reader. */
  enum SetUp {
    /**
     * Spark's and Kafka's defaults, as a notebook has them: 1 MiB fetches per partition, Hadoop's local file
     * system for checkpoints.
     */
    STOCK(Map.of(), Map.of("max.partition.fetch.bytes", Integer.toString(1 << 20))),
    /** Forkless local checkpoints, Kafka's 1 MiB fetches. */
    FORKLESS_ONLY(SetUp.forkless(), Map.of("max.partition.fetch.bytes", Integer.toString(1 << 20))),
    /** As Hashtag Streams sets it up: {@code KafkaTweetSource}'s 8 MiB fetches, {@code LocalCheckpoints}. */
    TUNED(SetUp.forkless(), Map.of());

    private final Map<String, String> sessionConf;
    private final Map<String, String> sourceOptions;

    SetUp(Map<String, String> sessionConf, Map<String, String> sourceOptions) {
      this.sessionConf = sessionConf;
      this.sourceOptions = sourceOptions;
    }

    /**
     * {@code LocalCheckpoints.settings()} as session settings: without the {@code spark.hadoop.} prefix (that
     * prefix is read when the context starts), and with Hadoop's file system cache off, so that the query gets
     * its own {@code file:} file system while the stock readers keep the cached stock one.
     */
    /** The session settings of this set-up. */
    Map<String, String> sessionConf() {
      return sessionConf;
    }

    /** A source reading {@code topic} from the beginning with this set-up's Kafka options. */
    KafkaTweetSource.Builder source(String servers, String topic) {
      KafkaTweetSource.Builder source = KafkaTweetSource.builder()
          .bootstrapServers(servers)
          .subscribe(topic)
          .startingOffsets("earliest");
      sourceOptions.forEach(source::option);
      return source;
    }

    private static Map<String, String> forkless() {
      return Map.of(
          "fs.file.impl", ForklessLocalFileSystem.class.getName(),
          "fs.file.impl.disable.cache", "true",
          "spark.sql.streaming.checkpointFileManagerClass",
          LocalCheckpoints.settings().get("spark.sql.streaming.checkpointFileManagerClass"));
    }
  }

  /** What this reader is, for tables. */
  public String description() {
    return description;
  }

  /** Session settings the query starts with, restored afterwards. */
  Map<String, String> sessionConf() {
    Map<String, String> conf = new HashMap<>(setUp.sessionConf);
    conf.putAll(extraConf);
    return conf;
  }

  /** What starts a streaming query. */
  interface QueryStart {
    StreamingQuery start() throws TimeoutException;
  }

  /**
   * Starts a query with {@code conf} set on the session, then restores the session's settings: the query keeps
   * the settings it started with (it runs on a clone of the session).
   */
  static StreamingQuery startWith(SparkSession spark, Map<String, String> conf, QueryStart start)
      throws TimeoutException {
    Map<String, Option<String>> saved = new HashMap<>();
    conf.forEach((key, value) -> {
      saved.put(key, spark.conf().getOption(key));
      spark.conf().set(key, value);
    });
    try {
      return start.start();
    } finally {
      saved.forEach((key, value) -> {
        if (value.isDefined()) {
          spark.conf().set(key, value.get());
        } else {
          spark.conf().unset(key);
        }
      });
    }
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


  /**
   * Reads the whole topic once and times it; streaming readers run with {@code Trigger.AvailableNow()} and
   * {@code maxOffsetsPerTrigger = perTrigger}.
   */
  ReadMeasurement read(SparkSession spark, String servers, String topic, long expected, int perTrigger)
      throws IOException, TimeoutException, StreamingQueryException {
    Path checkpoint = Files.createTempDirectory("bench-streaming-");
    Dataset<Row> records = setUp.source(servers, topic).maxOffsetsPerTrigger(perTrigger).buildStream(spark);
    long start = System.nanoTime();
    StreamingQuery query = startWith(spark, sessionConf(), () -> pipeline.query(records).writeStream()
        .format("noop")
        .queryName(name().toLowerCase() + "_" + UUID.randomUUID().toString().replace("-", ""))
        .outputMode(pipeline.outputMode)
        .option("checkpointLocation", checkpoint.toString())
        .trigger(Trigger.AvailableNow())
        .start());
    try {
      if (!query.awaitTermination(TIMEOUT.toMillis())) {
        throw new IllegalStateException(name() + " did not read the topic within " + TIMEOUT);
      }
    } finally {
      query.stop();
      io.hashtagstreams.benchmarks.TempDirectories.delete(checkpoint);
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
