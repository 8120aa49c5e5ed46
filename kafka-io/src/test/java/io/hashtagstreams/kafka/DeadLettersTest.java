package io.hashtagstreams.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.testing.SparkTestSession;

/**
 * {@link DeadLetters} on batch Datasets; the streaming path to a real dead-letter topic is in
 * {@link KafkaPipelineContract}.
 */
class DeadLettersTest {

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
    Dataset<Row> records = KafkaTweetSource.builder().bootstrapServers("127.0.0.1:1").subscribe("tweets")
        .buildStream(SparkTestSession.get());

    assertThatThrownBy(() -> DeadLetters.start(records, updating))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DeadLetters: the sink must be in append mode, but is in update mode");
  }
}
