package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class KafkaEnvironmentTest {

  private static CommonConfig config(String... words) {
    return new CountsCommand().config(words).common();
  }

  @Test
  void usesAGivenClusterAsIsAndProducesNothing() {
    Fixtures.Capture err = new Fixtures.Capture();
    try (KafkaEnvironment kafka = KafkaEnvironment.open(config("--bootstrap-servers", "broker-1:9092"),
        List.of("out"), err.stream())) {
      kafka.startFeeding(() -> {
        throw new AssertionError("nothing may be produced to a given cluster");
      });
      assertThat(kafka.bootstrapServers()).isEqualTo("broker-1:9092");
      assertThat(kafka.embedded()).isFalse();
      assertThat(kafka.produced()).isZero();
      assertThat(kafka.producerFailure()).isNull();
    }
    assertThat(err.text()).isEmpty();
  }

  @Test
  void startsABrokerWithBothTopicsAndFeedsGeneratedTweetsWithEventTimeNearNow() throws Exception {
    Fixtures.Capture err = new Fixtures.Capture();
    CommonConfig common = config("--rate", "400", "--speedup", "1", "--partitions", "1");
    Instant before = Instant.now().minusSeconds(1);
    List<JsonNode> tweets = new ArrayList<>();
    try (KafkaEnvironment kafka = KafkaEnvironment.open(common, List.of("counts-out"), err.stream())) {
      assertThat(kafka.embedded()).isTrue();
      assertThat(topics(kafka.bootstrapServers())).contains("tweets", "counts-out");
      assertThat(err.text()).isEmpty();
      kafka.startFeeding(TweetFeed.create(common));
      assertThat(err.text()).isEqualTo("[kafka] embedded broker at " + kafka.bootstrapServers() + ": feeding topic"
          + " tweets with 400 generated tweets/s, event time running 1x the wall clock" + System.lineSeparator());
      assertThatThrownBy(() -> kafka.startFeeding(TweetFeed.create(common)))
          .isInstanceOf(IllegalStateException.class).hasMessage("already feeding tweets");
      tweets.addAll(read(kafka.bootstrapServers(), "tweets", 100));
      assertThat(kafka.produced()).isGreaterThanOrEqualTo(100);
      assertThat(kafka.producerFailure()).isNull();
    }
    Instant after = Instant.now().plusSeconds(1);
    // Tweets carry timestamp_ms at the top level; stream notices (about 2 %) nest it.
    List<JsonNode> withTime = tweets.stream().filter(tweet -> tweet.has("timestamp_ms")).toList();
    assertThat(withTime).hasSizeGreaterThan(80);
    for (JsonNode tweet : withTime) {
      Instant eventTime = Instant.ofEpochMilli(tweet.get("timestamp_ms").asLong());
      assertThat(eventTime).isBetween(before, after);
    }
  }

  @Test
  void feedsTheInputFilesByteIdenticalInsteadOfTheGenerator(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    List<io.hashtagstreams.core.sample.GeneratedRecord> records = ReplayCommandTest.tweets(31, 300);
    java.nio.file.Path tar = dir.resolve("stream.tar");
    List<String> expected = io.hashtagstreams.kafka.testing.TweetArchives.writeMinuteTar(tar, records).stream()
        .map(line -> new String(line, java.nio.charset.StandardCharsets.ISO_8859_1)).toList();
    CommonConfig common = config("--input", tar.toString(), "--rate", "100000", "--partitions", "1");
    Fixtures.Capture err = new Fixtures.Capture();
    try (KafkaEnvironment kafka = KafkaEnvironment.open(common, List.of(), err.stream())) {
      kafka.startFeeding(null);
      assertThat(kafka.awaitInputReplayed(Duration.ofSeconds(60))).isTrue();
      assertThat(kafka.producerFailure()).isNull();
      assertThat(kafka.produced()).isEqualTo(300);
      List<String> values = new ArrayList<>();
      for (var record : io.hashtagstreams.kafka.testing.KafkaTestClients.consumeAll(kafka.bootstrapServers(),
          "tweets", org.apache.kafka.common.IsolationLevel.READ_UNCOMMITTED, Duration.ofSeconds(30))) {
        values.add(new String(record.value(), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
      assertThat(values).containsExactlyElementsOf(expected);
      assertThat(err.text()).startsWith("[kafka] embedded broker at " + kafka.bootstrapServers() + ": feeding topic"
          + " tweets from " + tar + " at 100000 records/s" + System.lineSeparator())
          .contains("[input] done: 300 records, ");
    }
  }

  @Test
  void aMissingInputFailsBeforeTheBrokerStarts() {
    String missing = "/no/such/dir/stream.tar";
    assertThatThrownBy(() -> KafkaEnvironment.open(config("--input", missing), List.of(), System.err))
        .isInstanceOf(UsageException.class)
        .hasMessage("--input " + missing + ": no such file or directory");
  }

  @Test
  void aMissingInputIsAUsageErrorOfTheAppWithExitCode2() {
    Fixtures.Capture out = new Fixtures.Capture();
    Fixtures.Capture err = new Fixtures.Capture();

    int code = HashtagStreamsApp.run(new String[] {"top", "--input", "/nope.jsonl"}, out.stream(), err.stream());

    assertThat(code).isEqualTo(2);
    assertThat(err.text()).isEqualTo("error: --input /nope.jsonl: no such file or directory" + Fixtures.NL);
    assertThat(out.text()).isEmpty();
  }

  @Test
  void refusesTheEmbeddedDefaultWhereTheBrokerIsMissing() {
    assertThatThrownBy(() -> KafkaEnvironment.requireBrokerClasses("kafka.server.NoSuchBroker"))
        .isInstanceOf(UsageException.class)
        .hasMessage("no embedded Kafka broker here (kafka.server.NoSuchBroker is not on the classpath, as in the"
            + " cluster jar): pass --bootstrap-servers host:port --topic NAME to read from your Kafka cluster");
    KafkaEnvironment.requireBrokerClasses(KafkaEnvironment.BROKER_CLASS);
  }

  private static Set<String> topics(String servers) throws InterruptedException, ExecutionException,
      TimeoutException {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
      return admin.listTopics().names().get(30, TimeUnit.SECONDS);
    }
  }

  /** The first {@code count} values of a topic, parsed; fails after 30 s. */
  static List<JsonNode> read(String servers, String topic, int count) throws Exception {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic + "-" + System.nanoTime());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> values = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      while (values.size() < count) {
        assertThat(System.nanoTime()).as("%d records of %s within 30 s", count, topic).isLessThan(deadline);
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          values.add(json.readTree(record.value()));
        }
      }
    }
    return values;
  }
}
