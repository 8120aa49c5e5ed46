package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.testing.SparkTestSession;
import io.hashtagstreams.kafka.testing.BrokerSecurity;
import io.hashtagstreams.kafka.testing.EmbeddedKafka;

/**
 * The app's {@code replay}, {@code top} and {@code to-kafka} against a {@code SASL_SSL} broker with SCRAM-SHA-512
 * and ACLs, the client settings given with {@code --kafka-config FILE}: each run's exact output, a wrong password
 * refused within the fail-fast timeout naming the user, and the password and JAAS line in no printed line of any
 * of these runs.
 */
class SecuredAppTest {

  private static final Duration FAIL_FAST = Duration.ofSeconds(10);
  private static final Duration FAIL_FAST_BOUND = FAIL_FAST.plusSeconds(20);
  private static final String PASSWORD = secret();

  /** Twitter v1 shaped records (the shape of the Internet Archive's spritzer dumps); ids and texts our own. */
  private static final List<String> TWEETS = List.of(
      "{\"created_at\":\"Fri Jul 29 12:46:00 +0000 2016\",\"id\":1,\"text\":\"go #Rio2016\",\"lang\":\"en\"}",
      "{\"created_at\":\"Fri Jul 29 12:46:01 +0000 2016\",\"id\":2,\"text\":\"vai #rio2016 #Tokyo2020\","
          + "\"lang\":\"pt\"}",
      "{\"created_at\":\"Fri Jul 29 12:46:02 +0000 2016\",\"id\":3,\"text\":\"#Rio2016 again\",\"lang\":\"en\"}",
      "{\"created_at\":\"Fri Jul 29 12:46:30 +0000 2016\",\"id\":4,\"text\":\"later #Paris2024\",\"lang\":\"en\"}");

  private static BrokerSecurity security;
  private static EmbeddedKafka kafka;
  private static String jaas;

  private final List<String> printed = new ArrayList<>();

  @TempDir
  Path dir;

  @BeforeAll
  static void startSecuredBroker() {
    SparkTestSession.get();
    security = BrokerSecurity.builder()
        .user("app", PASSWORD)
        .allowPrefixed("app", ResourceType.TOPIC, "in-", AclOperation.READ)
        .allowPrefixed("app", ResourceType.TOPIC, "in-", AclOperation.WRITE)
        .allowPrefixed("app", ResourceType.TOPIC, "out-", AclOperation.WRITE)
        .allowPrefixed("app", ResourceType.TOPIC, "out-", AclOperation.READ)
        .allowPrefixed("app", ResourceType.GROUP, "spark-kafka-source-", AclOperation.READ)
        .allowPrefixed("app", ResourceType.TRANSACTIONAL_ID, "hashtag-streams-", AclOperation.WRITE)
        .build();
    kafka = new EmbeddedKafka(Map.of(), security).start();
    kafka.createTopic("in-replay", 1);
    kafka.createTopic("in-tweets", 1);
    kafka.createTopic("out-counts", 1);
    kafka.produce("in-tweets", TWEETS.stream().map(t -> t.getBytes(StandardCharsets.UTF_8))
        .collect(Collectors.toList()));
    jaas = security.clientProperties("app").get("sasl.jaas.config");
    assertThat(jaas).contains(PASSWORD);
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  /** Whatever a test printed holds neither the password nor the JAAS line. */
  @AfterEach
  void nothingPrintedHoldsTheSecret() {
    for (String text : printed) {
      assertThat(text).doesNotContain(PASSWORD).doesNotContain(jaas);
    }
  }

  private static String secret() {
    SecureRandom random = new SecureRandom();
    StringBuilder out = new StringBuilder("pw-app-");
    for (int i = 0; i < 20; i++) {
      out.append((char) ('a' + random.nextInt(26)));
    }
    return out.toString();
  }

  private Path clientFile(String password) throws IOException {
    StringBuilder text = new StringBuilder("# written by SecuredAppTest\n");
    security.clientProperties("app", password).forEach((key, value) ->
        text.append(key).append('=').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('\n'));
    Path file = dir.resolve("client-" + System.nanoTime() + ".properties");
    Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    return file;
  }

  private int run(Fixtures.Capture out, Fixtures.Capture err, String... args) {
    try {
      return HashtagStreamsApp.run(args, out.stream(), err.stream());
    } finally {
      printed.add(out.text());
      printed.add(err.text());
    }
  }

  private static List<String> values(String topic) {
    return kafka.consumeAll(topic, IsolationLevel.READ_COMMITTED, Duration.ofSeconds(30)).stream()
        .map(record -> new String(record.value(), StandardCharsets.UTF_8)).collect(Collectors.toList());
  }

  @Test
  void replayWritesEveryLineInOrderThroughScramOverTls() throws IOException {
    Path input = dir.resolve("tweets.jsonl");
    Files.writeString(input, String.join("\n", TWEETS) + "\n", StandardCharsets.UTF_8);
    Fixtures.Capture out = new Fixtures.Capture();
    Fixtures.Capture err = new Fixtures.Capture();

    int code = run(out, err, "replay", "--input", input.toString(), "--bootstrap-servers", kafka.bootstrapServers(),
        "--topic", "in-replay", "--kafka-config", clientFile(PASSWORD).toString(), "--kafka-timeout", "20s");

    assertThat(code).as("stderr:%n%s", err.text()).isZero();
    assertThat(values("in-replay")).containsExactlyElementsOf(TWEETS);
    assertThat(out.text()).isEmpty();
  }

  @Test
  void topPrintsTheClosedWindowsRankingThroughScramOverTls() throws IOException {
    Fixtures.Capture out = new Fixtures.Capture();
    Fixtures.Capture err = new Fixtures.Capture();

    int code = run(out, err, "top", "--bootstrap-servers", kafka.bootstrapServers(), "--topic", "in-tweets",
        "--from-beginning", "--trigger", "available-now", "--no-ui", "--kafka-config",
        clientFile(PASSWORD).toString(), "--window", "10s", "--watermark", "5s", "--k", "3", "--duration", "120s");

    assertThat(code).as("stderr:%n%s", err.text()).isZero();
    // Hand-counted from TWEETS: window 12:46:00-12:46:10 holds rio2016 three times and tokyo2020 once; the tweet
    // at 12:46:30 moves the watermark to 12:46:25, closing that window, and leaves its own window open.
    List<String> tables = out.text().lines().filter(line -> !line.startsWith("[top] batch "))
        .collect(Collectors.toList());
    assertThat(tables).containsExactly(
        "== top | batch 1 ==",
        "window_start         window_end           rank  topic      count",
        "-------------------  -------------------  ----  ---------  -----",
        "2016-07-29 12:46:00  2016-07-29 12:46:10     1  rio2016        3",
        "2016-07-29 12:46:00  2016-07-29 12:46:10     2  tokyo2020      1");
    assertThat(err.text()).isEqualTo("[app] top finished; 0 rows dropped behind the watermark, rejected 0"
        + Fixtures.NL);
  }

  @Test
  void toKafkaWritesTheWindowCountsThroughScramOverTls() throws IOException {
    Fixtures.Capture out = new Fixtures.Capture();
    Fixtures.Capture err = new Fixtures.Capture();

    int code = run(out, err, "to-kafka", "--bootstrap-servers", kafka.bootstrapServers(), "--topic", "in-tweets",
        "--from-beginning", "--trigger", "available-now", "--no-ui", "--kafka-config",
        clientFile(PASSWORD).toString(), "--window", "10s", "--watermark", "5s", "--output-mode", "append",
        "--output-topic", "out-counts", "--duration", "120s");

    assertThat(code).as("stderr:%n%s", err.text()).isZero();
    assertThat(values("out-counts")).containsExactlyInAnyOrder(
        "{\"window\":{\"start\":\"2016-07-29T12:46:00Z\",\"end\":\"2016-07-29T12:46:10Z\"},\"topic\":\"rio2016\","
            + "\"count\":3}",
        "{\"window\":{\"start\":\"2016-07-29T12:46:00Z\",\"end\":\"2016-07-29T12:46:10Z\"},\"topic\":\"tokyo2020\","
            + "\"count\":1}");
    assertThat(out.text()).startsWith("[to-kafka] writing windowed counts to topic out-counts (at least once); read"
        + " them with: peek --bootstrap-servers " + kafka.bootstrapServers() + " --output-topic out-counts"
        + " --kafka-config FILE" + Fixtures.NL);
    assertThat(err.text()).isEqualTo("[app] to-kafka finished; 0 rows dropped behind the watermark, rejected 0"
        + Fixtures.NL);
  }

  @Test
  void everyOtherSubcommandRunsThroughTheFileAndPrintsNoSecret() throws IOException {
    String config = clientFile(PASSWORD).toString();
    Map<String, List<String>> runs = new java.util.LinkedHashMap<>();
    runs.put("raw", List.of("--topic", "in-tweets", "--from-beginning", "--trigger", "available-now"));
    runs.put("counts", List.of("--topic", "in-tweets", "--from-beginning", "--trigger", "available-now"));
    runs.put("windowed", List.of("--topic", "in-tweets", "--from-beginning", "--trigger", "available-now",
        "--window", "10s", "--watermark", "5s"));
    runs.put("trending", List.of("--topic", "in-tweets", "--from-beginning", "--trigger", "available-now"));
    runs.put("peek", List.of("--topic", "in-replay", "--output-topic", "in-tweets", "--trigger", "available-now"));
    runs.put("schema", List.of("--topic", "in-tweets"));
    for (Map.Entry<String, List<String>> run : runs.entrySet()) {
      List<String> args = new ArrayList<>(List.of(run.getKey(), "--bootstrap-servers", kafka.bootstrapServers(),
          "--kafka-config", config, "--no-ui", "--duration", "120s"));
      args.addAll(run.getValue());
      Fixtures.Capture out = new Fixtures.Capture();
      Fixtures.Capture err = new Fixtures.Capture();

      int code = run(out, err, args.toArray(new String[0]));

      assertThat(code).as("%s; stderr:%n%s", run.getKey(), err.text()).isZero();
      assertThat(out.text()).as(run.getKey()).isNotEmpty();
    }
  }

  @Test
  void aFileSettingAnOwnedKeyIsRefusedByKeyBeforeAnythingStarts() throws IOException {
    Path file = dir.resolve("owned.properties");
    Files.writeString(file, "security.protocol=SASL_SSL\nbootstrap.servers=" + PASSWORD + "\n",
        StandardCharsets.UTF_8);
    for (String subcommand : List.of("top", "counts", "to-kafka", "raw")) {
      Fixtures.Capture out = new Fixtures.Capture();
      Fixtures.Capture err = new Fixtures.Capture();

      int code = run(out, err, subcommand, "--bootstrap-servers", kafka.bootstrapServers(), "--kafka-config",
          file.toString());

      assertThat(code).as(subcommand).isEqualTo(2);
      assertThat(err.text()).as(subcommand).isEqualTo("error: --kafka-config " + file + ": key 'bootstrap.servers'"
          + " is set by the app itself (use --bootstrap-servers); remove it from the file" + Fixtures.NL
          + "(see 'hashtag-streams " + subcommand + " --help' for the options)" + Fixtures.NL);
      assertThat(out.text()).as(subcommand).isEmpty();
    }
    Fixtures.Capture err = new Fixtures.Capture();
    assertThat(run(new Fixtures.Capture(), err, "replay", "--input", file.toString(), "--bootstrap-servers",
        kafka.bootstrapServers(), "--topic", "in-replay", "--kafka-config", file.toString())).isEqualTo(2);
    assertThat(err.text()).isEqualTo("error: --kafka-config " + file + ": key 'bootstrap.servers' is set by the app"
        + " itself (use --bootstrap-servers); remove it from the file" + Fixtures.NL
        + "(see 'hashtag-streams replay --help' for the options)" + Fixtures.NL);
  }

  @Test
  void aWrongPasswordFailsFastNamingTheUserNotThePassword() throws IOException {
    String wrong = secret();
    Fixtures.Capture out = new Fixtures.Capture();
    Fixtures.Capture err = new Fixtures.Capture();
    long began = System.nanoTime();

    int code = run(out, err, "top", "--bootstrap-servers", kafka.bootstrapServers(), "--topic", "in-tweets",
        "--from-beginning", "--trigger", "available-now", "--no-ui", "--kafka-config",
        clientFile(wrong).toString(), "--kafka-timeout", "10s", "--duration", "120s");

    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(FAIL_FAST_BOUND);
    assertThat(code).isEqualTo(1);
    assertThat(err.text()).isEqualTo("error: top failed: KafkaTweetSource: Kafka at " + kafka.bootstrapServers()
        + " refused the login of user 'app' (Authentication failed during authentication due to invalid credentials"
        + " with SASL mechanism SCRAM-SHA-512); check the user name and password in kafka.sasl.jaas.config and"
        + " kafka.sasl.mechanism (--kafka-timeout sets how long this check waits, default 30s)" + Fixtures.NL);
    assertThat(out.text()).isEmpty();
    assertThat(out.text() + err.text()).doesNotContain(wrong);
  }
}
