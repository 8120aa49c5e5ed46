package io.hashtagstreams.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;

import io.hashtagstreams.kafka.testing.BrokerSecurity;
import io.hashtagstreams.kafka.testing.EmbeddedKafka;

/**
 * The secured broker the app's {@code Secured*} tests run against: an {@link EmbeddedKafka} with a
 * {@code SASL_SSL} listener, the SCRAM-SHA-512 user {@value #USER} and its ACLs (read and write on topics starting
 * with {@code in-} and {@code out-}, Spark's consumer groups, the app's transactional ids, and only READ on
 * {@value #READ_ONLY_TOPIC}), the topics {@code in-tweets} (holding {@link #TWEETS}), {@code in-replay},
 * {@code in-ingest}, {@code out-counts} and {@value #READ_ONLY_TOPIC}; and the {@code --kafka-config} files that
 * point the app at it.
 */
final class SecuredAppBroker implements AutoCloseable {

  static final String USER = "app";
  /** A topic the user may read (and so describe) but not write to. */
  static final String READ_ONLY_TOPIC = "read-only-ingest";

  /** Twitter v1 shaped records (the shape of the Internet Archive's spritzer dumps); ids and texts our own. */
  static final List<String> TWEETS = List.of(
      "{\"created_at\":\"Fri Jul 29 12:46:00 +0000 2016\",\"id\":1,\"text\":\"go #Rio2016\",\"lang\":\"en\"}",
      "{\"created_at\":\"Fri Jul 29 12:46:01 +0000 2016\",\"id\":2,\"text\":\"vai #rio2016 #Tokyo2020\","
          + "\"lang\":\"pt\"}",
      "{\"created_at\":\"Fri Jul 29 12:46:02 +0000 2016\",\"id\":3,\"text\":\"#Rio2016 again\",\"lang\":\"en\"}",
      "{\"created_at\":\"Fri Jul 29 12:46:30 +0000 2016\",\"id\":4,\"text\":\"later #Paris2024\",\"lang\":\"en\"}");

  /**
   * What {@code top --window 10s --watermark 5s --k 3} prints of {@link #TWEETS}, hand-counted: window
   * 12:46:00-12:46:10 holds rio2016 three times and tokyo2020 once; the tweet at 12:46:30 moves the watermark to
   * 12:46:25, closing that window (in batch 1, the batch the new watermark runs), and leaves its own window open.
   */
  static final List<String> TOP_TABLE = List.of(
      "== top | batch 1 ==",
      "window_start         window_end           rank  topic      count",
      "-------------------  -------------------  ----  ---------  -----",
      "2016-07-29 12:46:00  2016-07-29 12:46:10     1  rio2016        3",
      "2016-07-29 12:46:00  2016-07-29 12:46:10     2  tokyo2020      1");

  private final BrokerSecurity security;
  private final EmbeddedKafka kafka;

  private SecuredAppBroker(BrokerSecurity security, EmbeddedKafka kafka) {
    this.security = security;
    this.kafka = kafka;
  }

  /** Starts the broker with {@value #USER}'s password, its ACLs and topics. */
  static SecuredAppBroker start(String password) {
    BrokerSecurity security = BrokerSecurity.builder()
        .user(USER, password)
        .allowPrefixed(USER, ResourceType.TOPIC, "in-", AclOperation.READ)
        .allowPrefixed(USER, ResourceType.TOPIC, "in-", AclOperation.WRITE)
        .allowPrefixed(USER, ResourceType.TOPIC, "out-", AclOperation.WRITE)
        .allowPrefixed(USER, ResourceType.TOPIC, "out-", AclOperation.READ)
        .allowPrefixed(USER, ResourceType.GROUP, "spark-kafka-source-", AclOperation.READ)
        .allow(USER, ResourceType.TOPIC, READ_ONLY_TOPIC, AclOperation.READ)
        .allowPrefixed(USER, ResourceType.TRANSACTIONAL_ID, "hashtag-streams-", AclOperation.WRITE)
        .build();
    EmbeddedKafka kafka = new EmbeddedKafka(Map.of(), security).start();
    for (String topic : List.of("in-replay", "in-tweets", "out-counts", "in-ingest", READ_ONLY_TOPIC)) {
      kafka.createTopic(topic, 1);
    }
    kafka.produce("in-tweets", TWEETS.stream().map(t -> t.getBytes(StandardCharsets.UTF_8))
        .collect(Collectors.toList()));
    return new SecuredAppBroker(security, kafka);
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** The JAAS line of {@value #USER} with the right password (it holds the password). */
  String jaas() {
    return security.clientProperties(USER).get("sasl.jaas.config");
  }

  /**
   * A {@code --kafka-config} file for {@value #USER} with this password: SASL_SSL, SCRAM-SHA-512, the JAAS line
   * and the trust store, in properties syntax.
   */
  Path clientFile(Path dir, String password) throws IOException {
    StringBuilder text = new StringBuilder("# written by SecuredAppBroker\n");
    security.clientProperties(USER, password).forEach((key, value) ->
        text.append(key).append('=').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('\n'));
    Path file = dir.resolve("client-" + System.nanoTime() + ".properties");
    Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    return file;
  }

  /** The committed values in a topic, in offset order. */
  List<String> values(String topic) {
    return kafka.consumeAll(topic, IsolationLevel.READ_COMMITTED, Duration.ofSeconds(30)).stream()
        .map(record -> new String(record.value(), StandardCharsets.UTF_8)).collect(Collectors.toList());
  }

  /**
   * The arguments, after {@code --bootstrap-servers}, {@code --kafka-config}, {@code --no-ui} and
   * {@code --duration}, of an available-now run of each query subcommand not tested on its own in
   * {@link SecuredAppTest}, by subcommand.
   */
  static Map<String, List<String>> otherQueryRuns() {
    Map<String, List<String>> runs = new LinkedHashMap<>();
    runs.put("raw", List.of("--topic", "in-tweets", "--from-beginning", "--trigger", "available-now"));
    runs.put("counts", List.of("--topic", "in-tweets", "--from-beginning", "--trigger", "available-now"));
    runs.put("windowed", List.of("--topic", "in-tweets", "--from-beginning", "--trigger", "available-now",
        "--window", "10s", "--watermark", "5s"));
    runs.put("trending", List.of("--topic", "in-tweets", "--from-beginning", "--trigger", "available-now"));
    runs.put("peek", List.of("--topic", "in-replay", "--output-topic", "in-tweets", "--trigger", "available-now"));
    runs.put("schema", List.of("--topic", "in-tweets"));
    return runs;
  }

  @Override
  public void close() {
    kafka.close();
  }
}
