package io.hashtagstreams.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.testing.SparkTestSession;
import io.hashtagstreams.kafka.testing.BrokerSecurity;
import io.hashtagstreams.kafka.testing.EmbeddedKafka;

/**
 * The source, both sink guarantees and dead letters against a {@code SASL_SSL} broker with SCRAM-SHA-512 users and
 * ACLs ({@link BrokerSecurity}); then each way a secured set-up goes wrong, refused by the fail-fast check within its
 * timeout with a message that names what to fix and never the password.
 */
class SecuredKafkaTest {

  private static final Duration FAIL_FAST = Duration.ofSeconds(10);
  /** The check's own timeout plus the client's start-up on a loaded machine. */
  private static final Duration FAIL_FAST_BOUND = FAIL_FAST.plusSeconds(10);
  private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(3);

  private static final String APP_PASSWORD = secret();
  private static final String NO_READ_PASSWORD = secret();
  private static final String NO_WRITE_PASSWORD = secret();
  private static final String NO_TXN_PASSWORD = secret();
  private static final String WRITE_ONLY_PASSWORD = secret();

  private static final List<String> TWEETS = List.of(
      "{\"created_at\":\"Fri Jul 29 12:46:00 +0000 2016\",\"id\":1,\"text\":\"go #Rio2016\",\"lang\":\"en\"}",
      "{\"created_at\":\"Fri Jul 29 12:46:01 +0000 2016\",\"id\":2,\"text\":\"vai &amp; #Rio2016\",\"lang\":\"pt\"}",
      "{\"delete\":{\"status\":{\"id\":3,\"id_str\":\"3\",\"user_id\":9,\"user_id_str\":\"9\"}}}",
      "{\"created_at\":\"Fri Jul 29 12:46:02 +0000 2016\",\"id\":4,\"text\":\"#Tokyo2020 next\",\"lang\":\"en\"}",
      "{\"created_at\":\"Fri Jul 29 12:46:03 +0000 2016\",\"id\":5,\"text\":");
  private static final List<String> TEXTS = List.of("go #Rio2016", "vai & #Rio2016", "#Tokyo2020 next");

  private static BrokerSecurity security;
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startSecuredBroker() {
    security = BrokerSecurity.builder()
        .user("app", APP_PASSWORD)
        .user("noread", NO_READ_PASSWORD)
        .user("nowrite", NO_WRITE_PASSWORD)
        .user("notxn", NO_TXN_PASSWORD)
        .user("writeonly", WRITE_ONLY_PASSWORD)
        .allowPrefixed("writeonly", ResourceType.TOPIC, "out-", AclOperation.WRITE)
        .allowPrefixed("writeonly", ResourceType.TRANSACTIONAL_ID, "hashtag-streams-", AclOperation.WRITE)
        .allow("app", ResourceType.TOPIC, "tweets", AclOperation.READ)
        .allowPrefixed("app", ResourceType.TOPIC, "out-", AclOperation.WRITE)
        .allowPrefixed("app", ResourceType.TOPIC, "out-", AclOperation.READ)
        .allow("app", ResourceType.TOPIC, "dead", AclOperation.WRITE)
        .allowPrefixed("app", ResourceType.GROUP, "spark-kafka-source-", AclOperation.READ)
        .allowPrefixed("app", ResourceType.GROUP, "hashtag-streams-", AclOperation.READ)
        .allowPrefixed("app", ResourceType.TRANSACTIONAL_ID, "hashtag-streams-", AclOperation.WRITE)
        .allow("noread", ResourceType.TOPIC, "tweets", AclOperation.DESCRIBE)
        .allow("nowrite", ResourceType.TOPIC, "tweets", AclOperation.READ)
        .allow("nowrite", ResourceType.TOPIC, "dead", AclOperation.DESCRIBE)
        .allowPrefixed("nowrite", ResourceType.TOPIC, "out-", AclOperation.DESCRIBE)
        .allowPrefixed("notxn", ResourceType.TOPIC, "out-", AclOperation.WRITE)
        .allowPrefixed("notxn", ResourceType.TOPIC, "out-", AclOperation.READ)
        .build();
    kafka = new EmbeddedKafka(Map.of(), security).start();
    kafka.createTopic("tweets", 2);
    kafka.createTopic("out-at-least-once", 1);
    kafka.createTopic("out-exactly-once", 1);
    kafka.createTopic("dead", 1);
    kafka.produce("tweets", TWEETS.stream().map(t -> t.getBytes(StandardCharsets.UTF_8))
        .collect(Collectors.toList()));
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static String secret() {
    SecureRandom random = new SecureRandom();
    StringBuilder out = new StringBuilder("pw-");
    for (int i = 0; i < 20; i++) {
      out.append((char) ('a' + random.nextInt(26)));
    }
    return out.toString();
  }

  private static KafkaTweetSource.Builder source(Map<String, String> client) {
    KafkaTweetSource.Builder builder = KafkaTweetSource.builder().bootstrapServers(kafka.bootstrapServers())
        .subscribe("tweets").startingOffsets("earliest").failFastTimeout(FAIL_FAST);
    client.forEach(builder::option);
    return builder;
  }

  private static KafkaSink.Builder sink(Map<String, String> client, String topic, Path checkpoint) {
    KafkaSink.Builder builder = KafkaSink.builder().bootstrapServers(kafka.bootstrapServers()).topic(topic)
        .checkpointLocation(checkpoint.toString()).trigger(Trigger.AvailableNow()).outputMode("append")
        .failFastTimeout(FAIL_FAST);
    client.forEach(builder::option);
    return builder;
  }

  private static Dataset<Row> texts(Dataset<Row> records) {
    return records.transform(HashtagOps.extractText()).select(functions.col("text").as("value"));
  }

  private static void runToEnd(StreamingQuery query) throws Exception {
    assertThat(query.awaitTermination(QUERY_TIMEOUT.toMillis())).as("query ended in time").isTrue();
    assertThat(query.exception().isEmpty()).as("query failed: %s", query.exception()).isTrue();
  }

  private static List<String> values(String topic) {
    return kafka.consumeAll(topic, IsolationLevel.READ_COMMITTED, Duration.ofSeconds(30)).stream()
        .map(record -> new String(record.value(), StandardCharsets.UTF_8)).sorted().collect(Collectors.toList());
  }

  @Test
  void sourceAndAtLeastOnceSinkWorkWithScramOverTls(@TempDir Path checkpoint) throws Exception {
    Map<String, String> app = security.clientProperties("app");
    runToEnd(sink(app, "out-at-least-once", checkpoint).build()
        .start(texts(source(app).buildStream(SparkTestSession.get()))));

    assertThat(values("out-at-least-once")).isEqualTo(TEXTS.stream().sorted().collect(Collectors.toList()));
  }

  @Test
  void exactlyOnceSinkWritesWithItsTransactionalIdAcl(@TempDir Path checkpoint) throws Exception {
    Map<String, String> app = security.clientProperties("app");
    KafkaSink exactlyOnce = sink(app, "out-exactly-once", checkpoint)
        .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).build();
    assertThat(exactlyOnce.transactionalId()).startsWith("hashtag-streams-");

    runToEnd(exactlyOnce.start(texts(source(app).buildStream(SparkTestSession.get()))));

    assertThat(values("out-exactly-once")).isEqualTo(TEXTS.stream().sorted().collect(Collectors.toList()));
  }

  @Test
  void deadLettersReachTheirTopic(@TempDir Path checkpoint) throws Exception {
    Map<String, String> app = security.clientProperties("app");
    runToEnd(DeadLetters.start(source(app).buildStream(SparkTestSession.get()),
        sink(app, "dead", checkpoint).build()));

    Map<String, String> reasons = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : kafka.consumeAll("dead", IsolationLevel.READ_COMMITTED,
        Duration.ofSeconds(30))) {
      Header reason = record.headers().lastHeader("reason");
      reasons.put(new String(record.value(), StandardCharsets.UTF_8),
          new String(reason.value(), StandardCharsets.UTF_8));
    }
    assertThat(reasons).isEqualTo(Map.of(TWEETS.get(2), "delete_notice", TWEETS.get(4), "malformed_json"));
  }

  // ---- failures: each refused by the fail-fast check, in time, naming what to fix, never the password ----

  private static void assertRefusedQuickly(Runnable start, String secret, String... phrases) {
    long began = System.nanoTime();
    assertThatThrownBy(start::run)
        .isInstanceOf(IllegalStateException.class)
        .satisfies(e -> {
          assertThat(e.getMessage()).contains(phrases);
          assertThat(e.getMessage()).doesNotContain(secret);
          assertThat(String.valueOf(e.getCause())).doesNotContain(secret);
        });
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(FAIL_FAST_BOUND);
  }

  @Test
  void wrongPasswordIsRefusedNamingTheUserNotThePassword() {
    String wrong = secret();
    assertRefusedQuickly(() -> source(security.clientProperties("app", wrong)).build().checkKafkaNow(), wrong,
        "KafkaTweetSource", "refused the login of user 'app'", "kafka.sasl.jaas.config");
  }

  @Test
  void unknownUserIsRefused() {
    String password = secret();
    assertRefusedQuickly(() -> source(security.clientProperties("ghost", password)).build().checkKafkaNow(),
        password, "refused the login of user 'ghost'", "kafka.sasl.jaas.config");
  }

  @Test
  void missingReadAclOnTheInputTopicIsNamed() {
    assertRefusedQuickly(() -> source(security.clientProperties("noread")).build().checkKafkaNow(),
        NO_READ_PASSWORD, "user 'noread' may not READ topic 'tweets'", "grant READ on topic 'tweets'");
  }

  @Test
  void missingWriteAclOnTheOutputOrDeadLetterTopicIsNamed(@TempDir Path checkpoint) {
    Map<String, String> nowrite = security.clientProperties("nowrite");
    assertRefusedQuickly(() -> sink(nowrite, "out-at-least-once", checkpoint).build().checkKafkaNow(),
        NO_WRITE_PASSWORD, "KafkaSink", "user 'nowrite' may not WRITE topic 'out-at-least-once'",
        "grant WRITE on topic 'out-at-least-once'");
    Dataset<Row> records = source(nowrite).buildStream(SparkTestSession.get());
    assertRefusedQuickly(() -> DeadLetters.start(records, sink(nowrite, "dead", checkpoint).build()),
        NO_WRITE_PASSWORD, "user 'nowrite' may not WRITE topic 'dead'");
    assertThat(SparkTestSession.get().streams().active()).isEmpty();
  }

  @Test
  void missingTransactionalIdAclIsNamed(@TempDir Path checkpoint) {
    KafkaSink exactlyOnce = sink(security.clientProperties("notxn"), "out-exactly-once", checkpoint)
        .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).build();
    assertRefusedQuickly(exactlyOnce::checkKafkaNow, NO_TXN_PASSWORD,
        "user 'notxn' may not use the transactional id '" + exactlyOnce.transactionalId() + "'",
        "grant WRITE on TRANSACTIONAL_ID");
  }

  @Test
  void exactlyOnceSinkWithoutReadOnItsTopicIsNamed(@TempDir Path checkpoint) {
    // WRITE and the transactional id are granted, READ on the topic (for the batch-id offset) is not.
    KafkaSink exactlyOnce = sink(security.clientProperties("writeonly"), "out-exactly-once", checkpoint)
        .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).build();
    assertRefusedQuickly(exactlyOnce::checkKafkaNow, WRITE_ONLY_PASSWORD,
        "user 'writeonly' may not READ topic 'out-exactly-once'", "grant READ on topic 'out-exactly-once'");
  }

  @Test
  void trustStoreThatDoesNotTrustTheBrokerIsNamed(@TempDir Path dir) {
    Map<String, String> client = new HashMap<>(security.clientProperties("app"));
    client.put("ssl.truststore.location", security.untrustedTrustStore(dir).toString());
    assertRefusedQuickly(() -> source(client).build().checkKafkaNow(), APP_PASSWORD,
        "the TLS handshake with Kafka at " + kafka.bootstrapServers() + " failed", "kafka.ssl.truststore.location");
  }

  @Test
  void plaintextClientOnTheTlsPortIsToldToSetTheSecurityProtocol() {
    assertRefusedQuickly(() -> source(Map.of()).build().checkKafkaNow(), APP_PASSWORD,
        "no Kafka broker answered at " + kafka.bootstrapServers() + " within 10 s",
        "set kafka.security.protocol");
  }
}
