package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.testing.SparkTestSession;
import io.hashtagstreams.kafka.testing.JetstreamTestServer;
import io.hashtagstreams.kafka.testing.RecordedFrames;
import io.hashtagstreams.kafka.testing.SecretScan;

/**
 * The app's {@code replay}, {@code top}, {@code to-kafka} and {@code ingest} against a {@code SASL_SSL} broker
 * with SCRAM-SHA-512 and ACLs ({@link SecuredAppBroker}), the client settings given with {@code --kafka-config FILE}:
 * each run's exact output, a wrong password refused within the fail-fast timeout naming the user, {@code ingest}
 * into a topic without a WRITE ACL refused within it naming the topic, and the password and JAAS line in no printed
 * line of any of these runs. {@link SecuredAppSecretsNeverLeakTest} searches the log file, progress JSON and the
 * Spark UI too.
 */
class SecuredAppTest {

  private static final Duration FAIL_FAST = Duration.ofSeconds(10);
  private static final Duration FAIL_FAST_BOUND = FAIL_FAST.plusSeconds(20);
  private static final String PASSWORD = SecretScan.uniqueSecret("pw-app-");

  private static SecuredAppBroker broker;
  private static String jaas;

  private final List<String> printed = new ArrayList<>();

  @TempDir
  Path dir;

  @BeforeAll
  static void startSecuredBroker() {
    SparkTestSession.get();
    broker = SecuredAppBroker.start(PASSWORD);
    jaas = broker.jaas();
    assertThat(jaas).contains(PASSWORD);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  /** Whatever a test printed holds neither the password nor the JAAS line. */
  @AfterEach
  void nothingPrintedHoldsTheSecret() {
    Map<String, String> texts = new LinkedHashMap<>();
    for (int i = 0; i < printed.size(); i++) {
      texts.put((i % 2 == 0 ? "stdout" : "stderr") + " of run " + (i / 2 + 1), printed.get(i));
    }
    assertThat(SecretScan.leaks(texts, PASSWORD, jaas)).isEmpty();
  }

  private Path clientFile(String password) throws IOException {
    return broker.clientFile(dir, password);
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
    return broker.values(topic);
  }

  @Test
  void replayWritesEveryLineInOrderThroughScramOverTls() throws IOException {
    Path input = dir.resolve("tweets.jsonl");
    Files.writeString(input, String.join("\n", SecuredAppBroker.TWEETS) + "\n", StandardCharsets.UTF_8);
    Fixtures.Capture out = new Fixtures.Capture();
    Fixtures.Capture err = new Fixtures.Capture();

    int code = run(out, err, "replay", "--input", input.toString(), "--bootstrap-servers", broker.bootstrapServers(),
        "--topic", "in-replay", "--kafka-config", clientFile(PASSWORD).toString(), "--kafka-timeout", "20s");

    assertThat(code).as("stderr:%n%s", err.text()).isZero();
    assertThat(values("in-replay")).containsExactlyElementsOf(SecuredAppBroker.TWEETS);
    assertThat(out.text()).isEmpty();
  }

  @Test
  void topPrintsTheClosedWindowsRankingThroughScramOverTls() throws IOException {
    Fixtures.Capture out = new Fixtures.Capture();
    Fixtures.Capture err = new Fixtures.Capture();

    int code = run(out, err, "top", "--bootstrap-servers", broker.bootstrapServers(), "--topic", "in-tweets",
        "--from-beginning", "--trigger", "available-now", "--no-ui", "--kafka-config",
        clientFile(PASSWORD).toString(), "--window", "10s", "--watermark", "5s", "--k", "3", "--duration", "120s");

    assertThat(code).as("stderr:%n%s", err.text()).isZero();
    List<String> tables = out.text().lines().filter(line -> !line.startsWith("[top] batch "))
        .collect(Collectors.toList());
    assertThat(tables).containsExactlyElementsOf(SecuredAppBroker.TOP_TABLE);
    assertThat(err.text()).isEqualTo("[app] top finished; 0 rows dropped behind the watermark, rejected 0"
        + Fixtures.NL);
  }

  @Test
  void toKafkaWritesTheWindowCountsThroughScramOverTls() throws IOException {
    Fixtures.Capture out = new Fixtures.Capture();
    Fixtures.Capture err = new Fixtures.Capture();

    int code = run(out, err, "to-kafka", "--bootstrap-servers", broker.bootstrapServers(), "--topic", "in-tweets",
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
        + " them with: peek --bootstrap-servers " + broker.bootstrapServers() + " --output-topic out-counts"
        + " --kafka-config FILE" + Fixtures.NL);
    assertThat(err.text()).isEqualTo("[app] to-kafka finished; 0 rows dropped behind the watermark, rejected 0"
        + Fixtures.NL);
  }

  @Test
  void everyOtherSubcommandRunsThroughTheFileAndPrintsNoSecret() throws IOException {
    String config = clientFile(PASSWORD).toString();
    Map<String, List<String>> runs = SecuredAppBroker.otherQueryRuns();
    for (Map.Entry<String, List<String>> run : runs.entrySet()) {
      List<String> args = new ArrayList<>(List.of(run.getKey(), "--bootstrap-servers", broker.bootstrapServers(),
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

      int code = run(out, err, subcommand, "--bootstrap-servers", broker.bootstrapServers(), "--kafka-config",
          file.toString());

      assertThat(code).as(subcommand).isEqualTo(2);
      assertThat(err.text()).as(subcommand).isEqualTo("error: --kafka-config " + file + ": key 'bootstrap.servers'"
          + " is set by the app itself (use --bootstrap-servers); remove it from the file" + Fixtures.NL
          + "(see 'hashtag-streams " + subcommand + " --help' for the options)" + Fixtures.NL);
      assertThat(out.text()).as(subcommand).isEmpty();
    }
    Fixtures.Capture err = new Fixtures.Capture();
    assertThat(run(new Fixtures.Capture(), err, "replay", "--input", file.toString(), "--bootstrap-servers",
        broker.bootstrapServers(), "--topic", "in-replay", "--kafka-config", file.toString())).isEqualTo(2);
    assertThat(err.text()).isEqualTo("error: --kafka-config " + file + ": key 'bootstrap.servers' is set by the app"
        + " itself (use --bootstrap-servers); remove it from the file" + Fixtures.NL
        + "(see 'hashtag-streams replay --help' for the options)" + Fixtures.NL);
  }

  @Test
  void aWrongPasswordFailsFastNamingTheUserNotThePassword() throws IOException {
    String wrong = SecretScan.uniqueSecret("pw-app-");
    Fixtures.Capture out = new Fixtures.Capture();
    Fixtures.Capture err = new Fixtures.Capture();
    long began = System.nanoTime();

    int code = run(out, err, "top", "--bootstrap-servers", broker.bootstrapServers(), "--topic", "in-tweets",
        "--from-beginning", "--trigger", "available-now", "--no-ui", "--kafka-config",
        clientFile(wrong).toString(), "--kafka-timeout", "10s", "--duration", "120s");

    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(FAIL_FAST_BOUND);
    assertThat(code).isEqualTo(1);
    assertThat(err.text()).isEqualTo("error: top failed: KafkaTweetSource: Kafka at " + broker.bootstrapServers()
        + " refused the login of user 'app' (Authentication failed during authentication due to invalid credentials"
        + " with SASL mechanism SCRAM-SHA-512); check the user name and password in kafka.sasl.jaas.config and"
        + " kafka.sasl.mechanism (--kafka-timeout sets how long this check waits, default 30s)" + Fixtures.NL);
    assertThat(out.text()).isEmpty();
    assertThat(out.text() + err.text()).doesNotContain(wrong);
  }

  @Test
  void ingestWritesTheRecordedJetstreamPostsThroughScramOverTls() throws IOException {
    List<String> frames = RecordedFrames.jetstream();
    try (JetstreamTestServer server = JetstreamTestServer.start(frames)) {
      Fixtures.Capture out = new Fixtures.Capture();
      Fixtures.Capture err = new Fixtures.Capture();

      int code = run(out, err, "ingest", "jetstream", "--url", server.endpoint().toString(), "--topic", "in-ingest",
          "--bootstrap-servers", broker.bootstrapServers(), "--kafka-config", clientFile(PASSWORD).toString(),
          "--kafka-timeout", "20s", "--duration", "4s", "--progress", "1s");

      assertThat(code).as("stderr:%n%s", err.text()).isZero();
      // The recorded frames hold two app.bsky.feed.post commits, the default wantedCollections; the rest are
      // other collections, identity and account events, which Jetstream would not send and ingest skips.
      assertThat(values("in-ingest")).containsExactlyElementsOf(
          frames.stream().filter(frame -> frame.contains("\"app.bsky.feed.post\"")).collect(Collectors.toList()));
      assertThat(values("in-ingest")).hasSize(2);
      assertThat(err.text()).contains("[ingest] jetstream: reading " + server.endpoint() + " into topic in-ingest")
          .containsPattern("\\[ingest\\] jetstream done: 2 posts, ").doesNotContain("error:");
      assertThat(out.text()).isEmpty();
    }
  }

  @Test
  void ingestIntoATopicWithoutAWriteAclFailsFastNamingTheTopic() throws IOException {
    List<String> frames = RecordedFrames.jetstream();
    try (JetstreamTestServer server = JetstreamTestServer.start(frames)) {
      Fixtures.Capture out = new Fixtures.Capture();
      Fixtures.Capture err = new Fixtures.Capture();
      long began = System.nanoTime();

      String topic = SecuredAppBroker.READ_ONLY_TOPIC;
      int code = run(out, err, "ingest", "jetstream", "--url", server.endpoint().toString(), "--topic", topic,
          "--bootstrap-servers", broker.bootstrapServers(), "--kafka-config", clientFile(PASSWORD).toString(),
          "--kafka-timeout", "10s", "--duration", "60s");

      assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(FAIL_FAST_BOUND);
      assertThat(code).isEqualTo(1);
      // The preflight passes (READ lets the user describe the topic); the broker refuses the first send.
      assertThat(err.text()).isEqualTo("[ingest] jetstream: reading " + server.endpoint() + " into topic " + topic
          + Fixtures.NL + "error: Ingester: sending to topic '" + topic + "' at " + broker.bootstrapServers()
          + " failed: Not authorized to access topics: [" + topic + "] (0 posts were written and acknowledged)"
          + Fixtures.NL);
      assertThat(out.text()).isEmpty();
    }
    assertThat(values(SecuredAppBroker.READ_ONLY_TOPIC)).isEmpty();
  }
}
