package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.kafka.testing.ConsoleCapture;
import io.hashtagstreams.kafka.testing.JetstreamTestServer;
import io.hashtagstreams.kafka.testing.RecordedFrames;
import io.hashtagstreams.kafka.testing.SecretScan;
import io.hashtagstreams.kafka.testing.SparkUiPages;

/**
 * The app, given a unique password and JAAS line through {@code --kafka-config}, shows them nowhere a user or an
 * operator can read: not in any subcommand's stdout or stderr (every subcommand that takes {@code --kafka-config},
 * and failing runs with a wrong password), not in the JVM's console, not in the log file (everything at INFO), not
 * in the progress JSON or the query's end, and not on the Spark UI's {@code /environment/}, {@code /SQL/} and
 * {@code /SQL/execution/} pages or their REST resources, fetched over HTTP from 127.0.0.1 while {@code top} runs
 * with a processing-time trigger. {@link SecuredAppTest} checks each run's output; this class, the places beyond it.
 *
 * <p>Runs in its own JVM (surefire execution {@code secured-app-secrets} of examples): the app's session here has
 * the Spark UI on and logs at INFO into the file named by the system property {@code secrets.leak.log}
 * ({@code src/test/resources/log4j2-secured-app.properties}); elsewhere it is skipped. The session is the app's own
 * ({@link LocalSpark#session(boolean)} with the UI on), made before the runs so that a listener can tell when a
 * batch completed. Positive controls make sure the search can fail: the config file holds the password, the log
 * names the Kafka clients' {@code sasl.jaas.config} setting, the pages are Spark's and show the query's plan.
 */
@EnabledIfSystemProperty(named = "secrets.leak.log", matches = ".+")
class SecuredAppSecretsNeverLeakTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final String PASSWORD = SecretScan.uniqueSecret("leak-app-");
  private static final String WRONG_PASSWORD = SecretScan.uniqueSecret("wrong-app-");

  private static ConsoleCapture console;
  private static SecuredAppBroker broker;
  private static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    console = ConsoleCapture.start();
    broker = SecuredAppBroker.start(PASSWORD);
    spark = LocalSpark.session(true);
    assertThat(spark.sparkContext().uiWebUrl().isDefined()).as("the app's session serves the Spark UI").isTrue();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    if (broker != null) {
      broker.close();
    }
    if (console != null) {
      console.close();
    }
  }

  @Test
  void aRunningTopShowsTheSecretOnNoUiPageAndInNoProgress() throws Exception {
    Path config = broker.clientFile(dir, PASSWORD);
    assertThat(Files.readString(config)).as("positive control: the file holds the password").contains(PASSWORD);
    Fixtures.Capture out = new Fixtures.Capture();
    Fixtures.Capture err = new Fixtures.Capture();
    Map<String, String> texts = new LinkedHashMap<>();
    // Batch 0 reads the four tweets; batch 1 is the one the new watermark runs, closing the first window.
    ProgressWatch watch = new ProgressWatch(1);
    spark.streams().addListener(watch);
    ExecutorService app = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> code = app.submit(() -> HashtagStreamsApp.run(new String[] {"top", "--bootstrap-servers",
          broker.bootstrapServers(), "--topic", "in-tweets", "--from-beginning", "--trigger", "1s",
          "--kafka-config", config.toString(), "--window", "10s", "--watermark", "5s", "--k", "3",
          "--duration", "10m"}, out.stream(), err.stream()));
      assertThat(watch.reached.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
          .as("batch 1 completed; stderr:%n%s", err.text()).isTrue();

      StreamingQuery[] active = spark.streams().active();
      assertThat(active).hasSize(1);
      texts.put("lastProgress", active[0].lastProgress().json());
      texts.put("recentProgress", List.of(active[0].recentProgress()).stream().map(p -> p.json())
          .collect(Collectors.joining("\n")));
      texts.putAll(SparkUiPages.fetch(spark.sparkContext().uiWebUrl().get(), spark.sparkContext().applicationId(),
          Duration.ofSeconds(30)));

      active[0].stop();
      assertThat(code.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("stderr:%n%s", err.text()).isZero();
    } finally {
      app.shutdownNow();
      spark.streams().removeListener(watch);
    }
    assertThat(out.text().lines().filter(line -> !line.startsWith("[top] batch ")).collect(Collectors.toList()))
        .containsExactlyElementsOf(SecuredAppBroker.TOP_TABLE);
    assertThat(err.text()).isEqualTo("[app] top finished; 0 rows dropped behind the watermark, rejected 0"
        + Fixtures.NL);
    texts.put("stdout", out.text());
    texts.put("stderr", err.text());
    texts.put("progress events", String.join("\n", watch.events));
    assertThat(texts.get("lastProgress")).as("positive control: the progress is the query's").contains("in-tweets");
    assertThat(texts.get(SparkUiPages.ENVIRONMENT_API)).as("positive control: the environment is Spark's")
        .contains("spark.sql.shuffle.partitions");
    assertThat(texts.get(SparkUiPages.SQL_EXECUTIONS)).as("positive control: the plan pages are the query's")
        .contains("KafkaScan");

    assertThat(SecretScan.leaks(texts, PASSWORD, broker.jaas())).isEmpty();
  }

  @Test
  void everySubcommandWithKafkaConfigAndAFailingRunLeaveTheSecretInNoOutputOrLog() throws IOException {
    String config = broker.clientFile(dir, PASSWORD).toString();
    String wrongConfig = broker.clientFile(dir, WRONG_PASSWORD).toString();
    Path input = dir.resolve("tweets.jsonl");
    Files.writeString(input, String.join("\n", SecuredAppBroker.TWEETS) + "\n", StandardCharsets.UTF_8);
    Map<String, String> texts = new LinkedHashMap<>();
    ProgressWatch watch = new ProgressWatch(Long.MAX_VALUE);
    spark.streams().addListener(watch);
    try (JetstreamTestServer jetstream = JetstreamTestServer.start(RecordedFrames.jetstream())) {
      List<List<String>> runs = new ArrayList<>();
      runs.add(List.of("replay", "--input", input.toString(), "--topic", "in-replay"));
      runs.add(List.of("top", "--topic", "in-tweets", "--from-beginning", "--trigger", "available-now",
          "--window", "10s", "--watermark", "5s"));
      runs.add(List.of("to-kafka", "--topic", "in-tweets", "--from-beginning", "--trigger", "available-now",
          "--window", "10s", "--watermark", "5s", "--output-mode", "append", "--output-topic", "out-counts"));
      SecuredAppBroker.otherQueryRuns().forEach((subcommand, args) -> {
        List<String> run = new ArrayList<>(List.of(subcommand));
        run.addAll(args);
        runs.add(run);
      });
      runs.add(List.of("ingest", "jetstream", "--url", jetstream.endpoint().toString(), "--topic", "in-ingest",
          "--duration", "3s"));
      for (List<String> run : runs) {
        assertThat(run(texts, run.get(0), run, config))
            .as("%s; stderr:%n%s", run.get(0), texts.get(run.get(0) + " stderr")).isZero();
      }
      assertThat(run(texts, "top (wrong password)", List.of("top", "--topic", "in-tweets", "--from-beginning",
          "--trigger", "available-now"), wrongConfig)).as("top with a wrong password").isEqualTo(1);
      assertThat(run(texts, "ingest (wrong password)", List.of("ingest", "jetstream", "--url",
          jetstream.endpoint().toString(), "--topic", "in-ingest", "--duration", "60s"), wrongConfig))
          .as("ingest with a wrong password").isEqualTo(1);
    } finally {
      spark.streams().removeListener(watch);
    }
    assertThat(texts.get("top (wrong password) stderr")).as("positive control: the failing run names the refusal")
        .contains("refused the login of user 'app'");
    texts.put("progress events", String.join("\n", watch.events));
    texts.put("JVM stdout", console.stdout());
    texts.put("JVM stderr", console.stderr());
    String log = Files.readString(Path.of(System.getProperty("secrets.leak.log")));
    assertThat(log).as("positive control: the log is the runs' own").contains("sasl.jaas.config");
    texts.put("log file", log);

    assertThat(SecretScan.leaks(texts, PASSWORD, broker.jaas(), WRONG_PASSWORD)).isEmpty();
  }

  /**
   * Runs the app with the subcommand's own arguments, then the broker and the config file; keeps what it printed
   * under the name.
   */
  private int run(Map<String, String> texts, String name, List<String> run, String config) {
    List<String> args = new ArrayList<>(run);
    args.addAll(List.of("--bootstrap-servers", broker.bootstrapServers(), "--kafka-config", config,
        "--kafka-timeout", "20s"));
    if (!run.get(0).equals("replay") && !run.get(0).equals("ingest")) {
      args.addAll(List.of("--duration", "120s"));
    }
    Fixtures.Capture out = new Fixtures.Capture();
    Fixtures.Capture err = new Fixtures.Capture();
    try {
      return HashtagStreamsApp.run(args.toArray(new String[0]), out.stream(), err.stream());
    } finally {
      texts.put(name + " stdout", out.text());
      texts.put(name + " stderr", err.text());
    }
  }

  /** Keeps every progress and end event of the session's queries; counts down once a batch reached the given id. */
  private static final class ProgressWatch extends StreamingQueryListener {
    private final long batchId;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    ProgressWatch(long batchId) {
      this.batchId = batchId;
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
      // The progress events follow.
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
      events.add(event.progress().json());
      if (event.progress().batchId() >= batchId) {
        reached.countDown();
      }
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
      events.add("terminated " + event.id() + ": " + (event.exception().isDefined() ? event.exception().get() : ""));
    }
  }
}
