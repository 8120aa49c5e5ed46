package io.hashtagstreams.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.testing.SparkTestSession;
import io.hashtagstreams.kafka.KafkaSink;
import io.hashtagstreams.kafka.KafkaTweetSource;

/**
 * {@link KafkaBrokerProcess} with {@link KafkaBrokerProcess.Builder#security(BrokerSecurity)}: the broker in its own
 * JVM with a {@code SASL_SSL} listener, SCRAM-SHA-512 users and ACLs; the source-to-sink path runs against it with
 * SCRAM over TLS, and a client without the settings, or with a wrong password, is refused.
 */
class SecuredBrokerProcessTest {

  private static final Duration FAIL_FAST = Duration.ofSeconds(10);
  private static final List<String> TWEETS = List.of(
      "{\"created_at\":\"Fri Jul 29 12:46:00 +0000 2016\",\"id\":1,\"text\":\"go #Rio2016\",\"lang\":\"en\"}",
      "{\"created_at\":\"Fri Jul 29 12:46:01 +0000 2016\",\"id\":2,\"text\":\"vai #Tokyo2020\",\"lang\":\"pt\"}",
      "{\"created_at\":\"Fri Jul 29 12:46:02 +0000 2016\",\"id\":3,\"text\":");

  @TempDir
  Path dir;

  private static String secret() {
    SecureRandom random = new SecureRandom();
    StringBuilder out = new StringBuilder("pw-proc-");
    for (int i = 0; i < 20; i++) {
      out.append((char) ('a' + random.nextInt(26)));
    }
    return out.toString();
  }

  @Test
  void sourceToSinkRunsWithScramOverTlsAgainstTheBrokerInItsOwnJvm() throws Exception {
    String password = secret();
    BrokerSecurity security = BrokerSecurity.builder()
        .user("app", password)
        .allow("app", ResourceType.TOPIC, "tweets", AclOperation.READ)
        .allow("app", ResourceType.TOPIC, "texts", AclOperation.WRITE)
        .allowPrefixed("app", ResourceType.GROUP, "spark-kafka-source-", AclOperation.READ)
        .build();
    try (KafkaBrokerProcess kafka = KafkaBrokerProcess.builder().workDirectory(dir).security(security).build()
        .start()) {
      String servers = kafka.bootstrapServers();
      KafkaTestClients.createTopic(servers, kafka.adminProperties(), "tweets", 2, Map.of());
      KafkaTestClients.createTopic(servers, kafka.adminProperties(), "texts", 1, Map.of());
      KafkaTestClients.produceRecords(servers, kafka.adminProperties(), TWEETS.stream()
          .map(t -> new ProducerRecord<byte[], byte[]>("tweets", t.getBytes(StandardCharsets.UTF_8)))
          .collect(Collectors.toList()));

      Map<String, String> app = security.clientProperties("app");
      KafkaTweetSource.Builder source = KafkaTweetSource.builder().bootstrapServers(servers).subscribe("tweets")
          .startingOffsets("earliest").failFastTimeout(FAIL_FAST);
      app.forEach(source::option);
      KafkaSink.Builder sink = KafkaSink.builder().bootstrapServers(servers).topic("texts")
          .checkpointLocation(dir.resolve("checkpoint").toString()).trigger(Trigger.AvailableNow())
          .outputMode("append").failFastTimeout(FAIL_FAST);
      app.forEach(sink::option);
      Dataset<Row> texts = source.buildStream(SparkTestSession.get()).transform(HashtagOps.extractText())
          .select(functions.col("text").as("value"));
      StreamingQuery query = sink.build().start(texts);
      assertThat(query.awaitTermination(Duration.ofMinutes(3).toMillis())).as("query ended in time").isTrue();
      assertThat(query.exception().isEmpty()).as("query failed: %s", query.exception()).isTrue();

      assertThat(KafkaTestClients.consumeAll(servers, kafka.adminProperties(), "texts",
          IsolationLevel.READ_COMMITTED, Duration.ofSeconds(30)).stream()
          .map(record -> new String(record.value(), StandardCharsets.UTF_8)).sorted())
          .containsExactly("go #Rio2016", "vai #Tokyo2020");

      String wrong = secret();
      KafkaTweetSource.Builder intruder = KafkaTweetSource.builder().bootstrapServers(servers).subscribe("tweets")
          .failFastTimeout(FAIL_FAST);
      security.clientProperties("app", wrong).forEach(intruder::option);
      assertThatThrownBy(() -> intruder.build().checkKafkaNow()).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("refused the login of user 'app'")
          .message().doesNotContain(wrong);
      assertThat(Files.readString(kafka.logFile(), StandardCharsets.UTF_8)).contains("SASL_SSL");
    }
  }

  @Test
  void securityIsSetOnce() {
    BrokerSecurity security = BrokerSecurity.builder().user("app", secret()).build();
    KafkaBrokerProcess.Builder builder = KafkaBrokerProcess.builder().security(security);
    assertThatThrownBy(() -> builder.security(security)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("security was already set to ");
    assertThatThrownBy(() -> KafkaBrokerProcess.builder().security(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("security must not be null");
  }
}
