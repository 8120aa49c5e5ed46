package io.hashtagstreams.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.testing.SparkTestSession;
import io.hashtagstreams.kafka.testing.EmbeddedKafka;
import io.hashtagstreams.kafka.testing.KafkaTestClients;

/**
 * Builder rules of {@link KafkaTweetSource}; no broker needed (Spark connects only when a query runs, and the
 * Datasets built here turn the fail-fast check off), except for Spark 4's {@code maxRecordsPerPartition}, whose
 * split is checked on a stream from an embedded broker. Reading from a real broker is covered by
 * {@link KafkaPipelineTest}, the fail-fast check by {@link FailFastTest}.
 */
class KafkaTweetSourceTest {

  private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required"
      + " username=\"reader\" password=\"s3cr3t-pw\";";

  @TempDir
  Path checkpoint;

  private static KafkaTweetSource.Builder minimal() {
    return KafkaTweetSource.builder().bootstrapServers("127.0.0.1:1").subscribe("tweets");
  }

  @Test
  void mapsEverySettingToSparksKafkaOptions() {
    KafkaTweetSource source = KafkaTweetSource.builder()
        .bootstrapServers("a:9092,b:9093")
        .subscribe("tweets", "retweets")
        .startingOffsets("earliest")
        .maxOffsetsPerTrigger(1000)
        .failOnDataLoss(false)
        .groupIdPrefix("hashtags")
        .includeHeaders(true)
        .option("security.protocol", "SASL_SSL")
        .option("kafka.sasl.mechanism", "PLAIN")
        .option("max.partition.fetch.bytes", "2097152")
        .build();

    assertThat(source.sparkOptions()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "kafka.bootstrap.servers", "a:9092,b:9093",
        "subscribe", "tweets,retweets",
        "startingOffsets", "earliest",
        "maxOffsetsPerTrigger", "1000",
        "failOnDataLoss", "false",
        "groupIdPrefix", "hashtags",
        "includeHeaders", "true",
        "kafka.security.protocol", "SASL_SSL",
        "kafka.sasl.mechanism", "PLAIN",
        "kafka.max.partition.fetch.bytes", "2097152"));
  }

  @Test
  void maxRecordsPerPartitionSplitsAMicroBatchOnSpark4AndFailsAtOnceOnSpark35() throws Exception {
    String spark = System.getProperty("spark.version");
    assertThatThrownBy(() -> minimal().maxRecordsPerPartition(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaTweetSource: maxRecordsPerPartition must be at least 1, but was 0");
    assertThatThrownBy(() -> minimal().option("maxRecordsPerPartition", "4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaTweetSource: option 'maxRecordsPerPartition' cannot be set with option(...); use"
            + " maxRecordsPerPartition(...) instead");
    if (spark.startsWith("3.")) {
      assertThatThrownBy(() -> minimal().maxRecordsPerPartition(3))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("KafkaTweetSource: maxRecordsPerPartition needs Spark 4.0 or later, but the Kafka source on"
              + " the classpath is Spark " + spark + "'s, which would ignore it; use minPartitions(...) or"
              + " maxOffsetsPerTrigger(...) on this Spark line");
      return;
    }
    assertThat(minimal().maxRecordsPerPartition(3).build().sparkOptions())
        .containsEntry("maxRecordsPerPartition", "3");
    assertThatThrownBy(() -> minimal().maxRecordsPerPartition(3).maxRecordsPerPartition(4))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxRecordsPerPartition");
    assertThatThrownBy(() -> minimal().maxRecordsPerPartition(3).buildBatch(SparkTestSession.get()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaTweetSource: maxRecordsPerPartition is for streams only, but was set to '3' for a batch"
            + " read");
    // 10 records in one topic partition, at most 3 per task: ceil(10 / 3) = 4 tasks, every record read once.
    try (EmbeddedKafka kafka = new EmbeddedKafka().start()) {
      kafka.createTopic("split", 1);
      List<String> values = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        values.add("{\"n\":" + i + "}");
      }
      KafkaTestClients.produce(kafka.bootstrapServers(), "split",
          values.stream().map(value -> value.getBytes(StandardCharsets.UTF_8)).toList());
      List<Integer> tasks = new CopyOnWriteArrayList<>();
      List<String> read = new CopyOnWriteArrayList<>();
      StreamingQuery query = KafkaTweetSource.builder().bootstrapServers(kafka.bootstrapServers()).subscribe("split")
          .startingOffsets("earliest").maxRecordsPerPartition(3).buildStream(SparkTestSession.get())
          .selectExpr("CAST(value AS STRING)").as(Encoders.STRING())
          .writeStream().trigger(Trigger.AvailableNow()).option("checkpointLocation", checkpoint.toString())
          .foreachBatch((VoidFunction2<Dataset<String>, Long>) (batch, id) -> {
            tasks.add(batch.rdd().getNumPartitions());
            read.addAll(batch.collectAsList());
          })
          .start();
      try {
        assertThat(query.awaitTermination(120_000)).as("the AvailableNow query ended within 2 minutes").isTrue();
      } finally {
        query.stop();
      }
      assertThat(tasks).containsExactly(4);
      assertThat(read).containsExactlyInAnyOrderElementsOf(values);
    }
  }

  @Test
  void setsSparksMinPartitionsAndRejectsLessThanOne() {
    assertThat(minimal().minPartitions(8).build().sparkOptions()).containsEntry("minPartitions", "8");
    assertThatThrownBy(() -> minimal().minPartitions(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaTweetSource: minPartitions must be at least 1, but was 0");
    assertThatThrownBy(() -> minimal().option("minPartitions", "4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaTweetSource: option 'minPartitions' cannot be set with option(...); use minPartitions(...)"
            + " instead");
    assertThatThrownBy(() -> minimal().minPartitions(2).minPartitions(4))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("minPartitions");
  }

  @Test
  void fetchesEightMebibytesPerPartitionUnlessTold() {
    assertThat(minimal().build().sparkOptions()).containsEntry("kafka.max.partition.fetch.bytes", "8388608");
    assertThat(minimal().option("max.partition.fetch.bytes", "1048576").build().sparkOptions())
        .containsEntry("kafka.max.partition.fetch.bytes", "1048576");
    assertThat(minimal().option("kafka.max.partition.fetch.bytes", "2097152").build().sparkOptions())
        .containsEntry("kafka.max.partition.fetch.bytes", "2097152");
  }

  @Test
  void buildsAStreamWithSparksKafkaColumns() {
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> stream = minimal().failFast(false).buildStream(spark);

    assertThat(stream.isStreaming()).isTrue();
    assertThat(stream.columns()).containsExactly("key", "value", "topic", "partition", "offset", "timestamp",
        "timestampType");
  }

  @Test
  void buildsABatchBetweenOffsets() {
    Dataset<Row> batch = minimal().failFast(false).startingOffsets("earliest").endingOffsets("{\"tweets\":{\"0\":5}}")
        .buildBatch(SparkTestSession.get());

    assertThat(batch.isStreaming()).isFalse();
    assertThat(batch.columns()).containsExactly("key", "value", "topic", "partition", "offset", "timestamp",
        "timestampType");
  }

  @Test
  void requiresBootstrapServers() {
    assertThatThrownBy(() -> KafkaTweetSource.builder().subscribe("tweets").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("KafkaTweetSource: bootstrapServers is required, but was not set");
  }

  @Test
  void requiresOneSubscription() {
    assertThatThrownBy(() -> KafkaTweetSource.builder().bootstrapServers("b:1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaTweetSource: exactly one of subscribe, subscribePattern, assign is required, but none"
            + " was set");
  }

  @Test
  void refusesTwoSubscriptionsNamingBoth() {
    assertThatThrownBy(() -> minimal().subscribePattern("tweets-.*").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaTweetSource: exactly one of subscribe, subscribePattern, assign is required, but got"
            + " [subscribe=tweets, subscribePattern=tweets-.*]");
  }

  @Test
  void refusesEndingOffsetsOnAStream() {
    assertThatThrownBy(() -> minimal().endingOffsets("latest").buildStream(SparkTestSession.get()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endingOffsets is for batch reads only, but was set to 'latest'");
  }

  @Test
  void refusesStreamOnlyAndEmptySettingsOnABatch() {
    SparkSession spark = SparkTestSession.get();
    assertThatThrownBy(() -> minimal().maxOffsetsPerTrigger(10).buildBatch(spark))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxOffsetsPerTrigger is for streams only, but was set to '10'");
    assertThatThrownBy(() -> minimal().startingOffsets("latest").buildBatch(spark))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startingOffsets 'latest' reads nothing in a batch");
    assertThatThrownBy(() -> minimal().endingOffsets("earliest").buildBatch(spark))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endingOffsets 'earliest' reads nothing in a batch");
  }

  @Test
  void refusesInvalidValuesNamingThem() {
    assertThatThrownBy(() -> KafkaTweetSource.builder().bootstrapServers("broker"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaTweetSource: bootstrapServers entry 'broker' of 'broker' is not host:port");
    assertThatThrownBy(() -> KafkaTweetSource.builder().bootstrapServers("b:99999"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b:99999'");
    assertThatThrownBy(() -> KafkaTweetSource.builder().subscribe("bad topic"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("KafkaTweetSource: subscribe topic 'bad topic' is not a legal Kafka topic name");
    assertThatThrownBy(() -> KafkaTweetSource.builder().subscribe("a", "a"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("KafkaTweetSource: subscribe names topic 'a' twice");
    assertThatThrownBy(() -> KafkaTweetSource.builder().subscribe())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("KafkaTweetSource: subscribe needs at least one topic");
    assertThatThrownBy(() -> KafkaTweetSource.builder().subscribePattern("tweets-(["))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("KafkaTweetSource: subscribePattern 'tweets-([' is not a valid regular expression");
    assertThatThrownBy(() -> KafkaTweetSource.builder().assign("[0,1]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but was '[0,1]'");
    assertThatThrownBy(() -> KafkaTweetSource.builder().startingOffsets("oldest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaTweetSource: startingOffsets must be 'earliest', 'latest' or JSON offsets per partition,"
            + " but was 'oldest'");
    assertThatThrownBy(() -> KafkaTweetSource.builder().maxOffsetsPerTrigger(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaTweetSource: maxOffsetsPerTrigger must be at least 1, but was 0");
    assertThatThrownBy(() -> KafkaTweetSource.builder().groupIdPrefix(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaTweetSource: groupIdPrefix must not be null or blank, but was ' '");
    assertThatThrownBy(() -> KafkaTweetSource.builder().option("fetch.max.wait.ms", "soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaTweetSource: option 'kafka.fetch.max.wait.ms' needs a whole number, but was 'soon'");
  }

  @Test
  void refusesOptionsTheBuilderOrSparkOwns() {
    assertThatThrownBy(() -> KafkaTweetSource.builder().option("bootstrap.servers", "b:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaTweetSource: option 'bootstrap.servers' cannot be set with option(...); use"
            + " bootstrapServers(...) instead");
    assertThatThrownBy(() -> KafkaTweetSource.builder().option("kafka.auto.offset.reset", "earliest"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use startingOffsets(...) instead");
    assertThatThrownBy(() -> KafkaTweetSource.builder().option("value.deserializer", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(the builder sets it itself)");
  }

  @Test
  void refusesGroupIdPrefixWithGroupId() {
    assertThatThrownBy(() -> minimal().groupIdPrefix("p").option("group.id", "g").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaTweetSource: groupIdPrefix 'p' and kafka.group.id 'g' conflict; set one of them");
  }

  @Test
  void refusesSettingAnOptionTwice() {
    assertThatThrownBy(() -> minimal().subscribe("other"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("KafkaTweetSource: subscribe is already set to 'tweets'; each option can be set once");
    assertThatThrownBy(() -> minimal().option("client.id", "a").option("kafka.client.id", "b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("KafkaTweetSource: kafka.client.id is already set to 'a'; each option can be set once");
  }

  @Test
  void hidesSecretsInToStringAndErrors() {
    KafkaTweetSource.Builder builder = minimal().option("sasl.jaas.config", JAAS)
        .option("ssl.truststore.password", "s3cr3t-pw").option("ssl.key.password", "s3cr3t-pw");

    assertThat(builder.toString()).doesNotContain("s3cr3t-pw").contains("kafka.sasl.jaas.config=[redacted]",
        "kafka.ssl.truststore.password=[redacted]", "kafka.ssl.key.password=[redacted]");
    assertThat(builder.build().toString()).doesNotContain("s3cr3t-pw")
        .contains("kafka.sasl.jaas.config=[redacted]", "subscribe=tweets");
    assertThatThrownBy(() -> builder.option("ssl.truststore.password", "other"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("KafkaTweetSource: kafka.ssl.truststore.password is already set to '[redacted]'; each option"
            + " can be set once");
    assertThatThrownBy(() -> KafkaTweetSource.builder().subscribe("t").option("sasl.jaas.config", JAAS).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaTweetSource: bootstrapServers is required, but was not set (options: {kafka.sasl.jaas.config"
            + "=[redacted], subscribe=t})");
  }
}
