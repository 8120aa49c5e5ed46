package io.hashtagstreams.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.sample.TweetGenerator;
import io.hashtagstreams.core.testing.SparkTestSession;

/**
 * {@link DeadLetters} on batch Datasets; the streaming path to a real dead-letter topic is in
 * {@link KafkaPipelineContract}.
 */
class DeadLettersTest {

  @Test
  void turnsRejectedRecordsIntoLabelledKafkaRecordsAndDropsTweets() {
    GeneratedRecord tweet = TweetGenerator.builder().seed(3).retweetShare(0).extendedShare(0).noticeShare(0)
        .build().next();
    byte[] malformed = "{\"id\":1,\"text\":".getBytes(StandardCharsets.UTF_8);
    StructType kafkaSchema = new StructType()
        .add("key", DataTypes.BinaryType).add("value", DataTypes.BinaryType).add("topic", DataTypes.StringType)
        .add("partition", DataTypes.IntegerType).add("offset", DataTypes.LongType)
        .add("timestamp", DataTypes.TimestampType).add("timestampType", DataTypes.IntegerType);
    Timestamp at = Timestamp.from(Instant.parse("2016-08-05T23:00:01.250Z"));
    Dataset<Row> records = SparkTestSession.get().createDataFrame(List.of(
        RowFactory.create(null, tweet.bytes(), "tweets", 0, 10L, at, 0),
        RowFactory.create("k".getBytes(StandardCharsets.UTF_8), malformed, "tweets", 1, 11L, at, 0),
        RowFactory.create("gone".getBytes(StandardCharsets.UTF_8), null, "tweets", 0, 12L, at, 0)), kafkaSchema);

    Dataset<Row> deadLetters = records.transform(DeadLetters.toKafkaRecords());

    assertThat(deadLetters.columns()).containsExactly("key", "value", "headers");
    List<String> rows = deadLetters.collectAsList().stream().map(DeadLettersTest::describe)
        .sorted().collect(Collectors.toList());
    assertThat(rows).containsExactly(
        "key=gone value=null headers=[reason=null_value, source.topic=tweets, source.partition=0,"
            + " source.offset=12, source.timestamp=1470438001250]",
        "key=k value={\"id\":1,\"text\": headers=[reason=malformed_json, source.topic=tweets,"
            + " source.partition=1, source.offset=11, source.timestamp=1470438001250]");
  }

  @Test
  void keepsTheRecordsOwnHeadersAfterItsLabels() {
    byte[] malformed = "{\"id\":1,\"text\":".getBytes(StandardCharsets.UTF_8);
    StructType header = new StructType().add("key", DataTypes.StringType).add("value", DataTypes.BinaryType);
    StructType kafkaSchema = new StructType()
        .add("key", DataTypes.BinaryType).add("value", DataTypes.BinaryType).add("topic", DataTypes.StringType)
        .add("partition", DataTypes.IntegerType).add("offset", DataTypes.LongType)
        .add("timestamp", DataTypes.TimestampType).add("headers", DataTypes.createArrayType(header));
    Timestamp at = Timestamp.from(Instant.parse("2016-08-05T23:00:01.250Z"));
    Dataset<Row> records = SparkTestSession.get().createDataFrame(List.of(
        RowFactory.create(null, malformed, "tweets", 0, 20L, at, List.of(
            RowFactory.create("trace", "abc".getBytes(StandardCharsets.UTF_8)),
            RowFactory.create("origin", "crawler-7".getBytes(StandardCharsets.UTF_8)))),
        RowFactory.create(null, malformed, "tweets", 1, 21L, at, null)), kafkaSchema);

    List<String> rows = records.transform(DeadLetters.toKafkaRecords()).collectAsList().stream()
        .map(DeadLettersTest::describe).sorted().collect(Collectors.toList());

    assertThat(rows).containsExactly(
        "key=null value={\"id\":1,\"text\": headers=[reason=malformed_json, source.topic=tweets,"
            + " source.partition=0, source.offset=20, source.timestamp=1470438001250, trace=abc,"
            + " origin=crawler-7]",
        "key=null value={\"id\":1,\"text\": headers=[reason=malformed_json, source.topic=tweets,"
            + " source.partition=1, source.offset=21, source.timestamp=1470438001250]");
  }

  private static String describe(Row row) {
    List<String> headers = new ArrayList<>();
    for (Row header : row.<Row>getList(2)) {
      headers.add(header.getString(0) + "=" + new String((byte[]) header.get(1), StandardCharsets.UTF_8));
    }
    return "key=" + (row.isNullAt(0) ? "null" : new String((byte[]) row.get(0), StandardCharsets.UTF_8))
        + " value=" + (row.isNullAt(1) ? "null" : new String((byte[]) row.get(1), StandardCharsets.UTF_8))
        + " headers=" + headers;
  }

  @Test
  void refusesInputWithoutTheKafkaColumnsNamingThem() {
    Dataset<Row> notKafka = SparkTestSession.get().sql("SELECT CAST('x' AS BINARY) AS value, 'k' AS key");

    assertThatThrownBy(() -> notKafka.transform(DeadLetters.toKafkaRecords()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DeadLetters needs the Kafka column 'topic' (key, value, topic, partition, offset, timestamp),"
            + " but the input has only [value, key]");
  }

  @Test
  void refusesASinkThatIsNotInAppendMode() {
    KafkaSink updating = KafkaSink.builder().bootstrapServers("127.0.0.1:1").topic("dead")
        .checkpointLocation("/tmp/dead").outputMode("update").build();
    // No broker here: the append-mode check comes first, so the fail-fast check is off for this source.
    Dataset<Row> records = KafkaTweetSource.builder().bootstrapServers("127.0.0.1:1").subscribe("tweets")
        .failFast(false).buildStream(SparkTestSession.get());

    assertThatThrownBy(() -> DeadLetters.start(records, updating))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DeadLetters: the sink must be in append mode, but is in update mode");
  }
}
