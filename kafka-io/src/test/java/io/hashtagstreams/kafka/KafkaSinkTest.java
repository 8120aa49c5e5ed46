package io.hashtagstreams.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.testing.SparkTestSession;

/**
 * Builder and input rules of {@link KafkaSink}; no broker needed, since every check fails before a query starts.
 * Writing to a real broker is covered by {@link KafkaPipelineTest}.
 */
class KafkaSinkTest {

  private static KafkaSink.Builder minimal() {
    return KafkaSink.builder().bootstrapServers("broker:9092").topic("counts").checkpointLocation("/tmp/cp");
  }

  private static Dataset<Row> rate() {
    return SparkTestSession.get().readStream().format("rate").load();
  }

  @Test
  void defaultsToAtLeastOnceAndAppend() {
    KafkaSink sink = minimal().build();

    assertThat(sink.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
    assertThat(sink.topic()).isEqualTo("counts");
    assertThat(sink.toString()).isEqualTo("KafkaSink{topic=counts, checkpointLocation=/tmp/cp, outputMode=append,"
        + " trigger=null, queryName=null, deliveryGuarantee=AT_LEAST_ONCE,"
        + " options={kafka.bootstrap.servers=broker:9092}}");
  }

  @Test
  void derivesAStableTransactionalIdFromCheckpointAndTopic() {
    String first = minimal().build().transactionalId();

    assertThat(first).matches("hashtag-streams-[0-9a-f]{16}");
    assertThat(minimal().deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).build().transactionalId())
        .isEqualTo(first);
    assertThat(KafkaSink.builder().bootstrapServers("b:1").topic("counts").checkpointLocation("/tmp/other")
        .build().transactionalId()).isNotEqualTo(first);
    assertThat(KafkaSink.builder().bootstrapServers("b:1").topic("other").checkpointLocation("/tmp/cp")
        .build().transactionalId()).isNotEqualTo(first);
  }

  @Test
  void requiresServersTopicAndCheckpoint() {
    assertThatThrownBy(() -> KafkaSink.builder().topic("t").checkpointLocation("/c").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("KafkaSink: bootstrapServers is required, but was not set");
    assertThatThrownBy(() -> KafkaSink.builder().bootstrapServers("b:1").checkpointLocation("/c").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("KafkaSink: topic is required, but was not set");
    assertThatThrownBy(() -> KafkaSink.builder().bootstrapServers("b:1").topic("t").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("KafkaSink: checkpointLocation is required, but was not set");
  }

  @Test
  void refusesInvalidValuesNamingThem() {
    assertThatThrownBy(() -> KafkaSink.builder().topic("a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("KafkaSink: topic 'a/b' is not a legal Kafka topic name");
    assertThatThrownBy(() -> KafkaSink.builder().outputMode("upsert"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaSink: outputMode must be one of [append, update, complete], but was 'upsert'");
    assertThatThrownBy(() -> KafkaSink.builder().trigger(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("KafkaSink: trigger must not be null");
    assertThatThrownBy(() -> KafkaSink.builder().deliveryGuarantee(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("KafkaSink: deliveryGuarantee must not be null");
    assertThatThrownBy(() -> KafkaSink.builder().option("max.request.size", "2MB"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaSink: option 'kafka.max.request.size' needs a whole number, but was '2MB'");
    assertThatThrownBy(() -> KafkaSink.builder().option("transactional.id", "mine"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("derives it from checkpoint and topic");
    assertThatThrownBy(() -> KafkaSink.builder().option("", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaSink: an option key must not be null or blank, but was ''");
  }

  @Test
  void refusesOptionsThatBreakExactlyOnce() {
    assertThatThrownBy(() -> minimal().deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .option("enable.idempotence", "false").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaSink: EXACTLY_ONCE needs idempotence, but enable.idempotence is 'false'");
    assertThatThrownBy(() -> minimal().deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).option("acks", "1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaSink: EXACTLY_ONCE needs acks=all, but acks is '1'");
    assertThatThrownBy(() -> minimal().deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .trigger(Trigger.Continuous("1 second")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("KafkaSink: EXACTLY_ONCE works with micro-batches, but the trigger is");
  }

  @Test
  @SuppressWarnings("deprecation")   // Trigger.Once(): any second trigger must be refused, deprecated ones too
  void refusesSettingAnOptionTwice() {
    assertThatThrownBy(() -> minimal().topic("again"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("KafkaSink: topic is already set to 'counts'; each option can be set once");
    assertThatThrownBy(() -> minimal().trigger(Trigger.AvailableNow()).trigger(Trigger.Once()))
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("KafkaSink: trigger is already set");
    assertThatThrownBy(() -> minimal().deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .deliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("KafkaSink: deliveryGuarantee is already set to EXACTLY_ONCE");
    assertThatThrownBy(() -> minimal().option("sasl.jaas.config", "secret-jaas").option("sasl.jaas.config", "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("KafkaSink: kafka.sasl.jaas.config is already set to '[redacted]'; each option can be set once");
  }

  @Test
  void refusesRecordsItCannotWrite() {
    SparkSession spark = SparkTestSession.get();
    KafkaSink sink = minimal().build();

    assertThatThrownBy(() -> sink.start(spark.sql("SELECT 'x' AS value")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("KafkaSink: start(...) needs a streaming Dataset, but got a batch Dataset");
    assertThatThrownBy(() -> sink.start(rate()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaSink: column 'value' must be string or binary, but is bigint (columns: [timestamp, value])");
    assertThatThrownBy(() -> sink.start(rate().selectExpr("timestamp AS key")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaSink: records need a column 'value' (string or binary), but have only [key]; did you"
            + " forget .transform(HashtagOps.toKafkaValue())?");
    assertThatThrownBy(() -> sink.start(rate().selectExpr("CAST(value AS STRING) AS value", "timestamp")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaSink: records may only have columns key, value, headers, but also have [timestamp]"
            + " (columns: [value, timestamp])");
    assertThatThrownBy(() -> sink.start(rate().selectExpr("CAST(value AS STRING) AS value",
        "array(named_struct('key', 'k', 'value', 'v')) AS headers")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaSink: column 'headers' must be array<struct<key:string,value:binary>>, but is"
            + " array<struct<key:string,value:string>>");
  }

  @Test
  void hidesSecretsInToString() {
    KafkaSink.Builder builder = minimal().option("sasl.jaas.config", "jaas-with-pw").option("kafka.SSL.KEY.PASSWORD",
        "key-pw").option("sasl.oauthbearer.token.endpoint.url", "https://idp/token?x=1")
        .option("ssl.keystore.key", "-----BEGIN PRIVATE KEY-----");

    assertThat(builder.toString()).doesNotContain("jaas-with-pw", "key-pw", "idp", "PRIVATE KEY");
    assertThat(builder.build().toString()).doesNotContain("jaas-with-pw", "key-pw", "idp", "PRIVATE KEY")
        .contains("kafka.sasl.jaas.config=[redacted]", "kafka.SSL.KEY.PASSWORD=[redacted]",
            "kafka.sasl.oauthbearer.token.endpoint.url=[redacted]", "kafka.ssl.keystore.key=[redacted]");
  }
}
