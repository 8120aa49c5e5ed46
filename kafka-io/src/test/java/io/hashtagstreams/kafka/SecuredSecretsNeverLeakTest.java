package io.hashtagstreams.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.kafka.testing.BrokerSecurity;
import io.hashtagstreams.kafka.testing.ConsoleCapture;
import io.hashtagstreams.kafka.testing.EmbeddedKafka;
import io.hashtagstreams.kafka.testing.SecretScan;
import io.hashtagstreams.kafka.testing.SparkUiPages;

/**
 * A unique password (and so a unique JAAS line) given to the source and the sink of a running query on a secured
 * broker, and to a failing run, appears nowhere a user or an operator can read it: stdout, stderr, the log file
 * (everything at INFO), exception messages and stack traces, {@code lastProgress} JSON, and the Spark UI's
 * {@code /environment/}, {@code /SQL/} and {@code /SQL/execution/} pages fetched over HTTP from 127.0.0.1 while the
 * query runs.
 *
 * <p>Runs in its own JVM (surefire execution {@code secrets-never-leak} of kafka-io): it needs a SparkSession with
 * the UI on and INFO logging to a file, which the shared test session does not have. Elsewhere it is skipped.
 * Positive controls make sure it can fail: the password is in what Spark is given
 * ({@link KafkaTweetSource#sparkOptions()}), and the pages and the log are the real ones (they name the query's
 * topics and Kafka clients).
 */
@EnabledIfSystemProperty(named = "secrets.leak.log", matches = ".+")
class SecuredSecretsNeverLeakTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final String PASSWORD = SecretScan.uniqueSecret("leak-");

  private static ConsoleCapture console;
  private static BrokerSecurity security;
  private static EmbeddedKafka kafka;
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    console = ConsoleCapture.start();
    security = BrokerSecurity.builder()
        .user("leaky", PASSWORD)
        .allow("leaky", ResourceType.TOPIC, "tweets", AclOperation.READ)
        .allow("leaky", ResourceType.TOPIC, "texts", AclOperation.WRITE)
        .allowPrefixed("leaky", ResourceType.GROUP, "spark-kafka-source-", AclOperation.READ)
        .build();
    kafka = new EmbeddedKafka(Map.of(), security).start();
    kafka.createTopic("tweets", 1);
    kafka.createTopic("texts", 1);
    kafka.produce("tweets", List.of(("{\"created_at\":\"Fri Jul 29 12:46:00 +0000 2016\",\"id\":1,"
        + "\"text\":\"go #Rio2016\"}").getBytes(StandardCharsets.UTF_8)));
    spark = SparkSession.builder().appName("secrets-never-leak").master("local[2]")
        .config("spark.ui.enabled", "true")
        .config("spark.ui.port", "0")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (console != null) {
      console.close();
    }
    if (spark != null) {
      spark.stop();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void passwordAppearsInNoOutputLogExceptionProgressOrUiPage(@TempDir Path checkpoint) throws Exception {
    Map<String, String> client = security.clientProperties("leaky");
    String jaas = client.get("sasl.jaas.config");
    assertThat(jaas).contains(PASSWORD);
    Map<String, String> texts = new LinkedHashMap<>();

    KafkaTweetSource source = withClient(KafkaTweetSource.builder().bootstrapServers(kafka.bootstrapServers())
        .subscribe("tweets").startingOffsets("earliest"), client).build();
    assertThat(source.sparkOptions().values()).as("positive control: Spark gets the password").contains(jaas);
    KafkaSink sink = withClient(KafkaSink.builder().bootstrapServers(kafka.bootstrapServers()).topic("texts")
        .checkpointLocation(checkpoint.resolve("run").toString()).trigger(Trigger.ProcessingTime(500))
        .outputMode("append"), client).build();
    texts.put("source.toString", source.toString());
    texts.put("sink.toString", sink.toString());

    StreamingQuery query = sink.start(source.stream(spark).transform(HashtagOps.extractText())
        .select(functions.col("text").as("value")));
    try {
      ExecutorService waiter = Executors.newSingleThreadExecutor();
      try {
        waiter.submit(query::processAllAvailable).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } finally {
        waiter.shutdownNow();
      }
      assertThat(query.isActive()).isTrue();
      texts.put("lastProgress", query.lastProgress().json());
      texts.put("recentProgress", List.of(query.recentProgress()).stream().map(p -> p.json())
          .collect(Collectors.joining("\n")));
      texts.putAll(SparkUiPages.fetch(spark.sparkContext().uiWebUrl().get(), spark.sparkContext().applicationId(),
          Duration.ofSeconds(30)));
    } finally {
      query.stop();
    }
    assertThat(kafka.consumeAll("texts", org.apache.kafka.common.IsolationLevel.READ_COMMITTED,
        Duration.ofSeconds(30))).hasSize(1);
    assertThat(texts.get(SparkUiPages.ENVIRONMENT_API)).as("positive control: the environment is Spark's")
        .contains("spark.sql.shuffle.partitions");
    assertThat(texts.get(SparkUiPages.SQL_EXECUTIONS)).as("positive control: the plan pages are the query's")
        .contains("KafkaScan", "KafkaStreamingWrite");

    // A failing run: the fail-fast check with a wrong JAAS line, then a query that fails at run time.
    Map<String, String> wrong = new LinkedHashMap<>(client);
    String wrongPassword = SecretScan.uniqueSecret("wrong-");
    wrong.put("sasl.jaas.config", jaas.replace(PASSWORD, wrongPassword));
    KafkaTweetSource refused = withClient(KafkaTweetSource.builder().bootstrapServers(kafka.bootstrapServers())
        .subscribe("tweets").failFastTimeout(Duration.ofSeconds(10)), wrong).build();
    assertThatThrownBy(refused::checkKafkaNow).satisfies(e -> texts.put("fail-fast exception", SecretScan.stackTrace(e)));
    StreamingQuery failing = withClient(KafkaSink.builder().bootstrapServers(kafka.bootstrapServers()).topic("texts")
        .checkpointLocation(checkpoint.resolve("failing").toString()).trigger(Trigger.AvailableNow())
        .outputMode("append").failFast(false), wrong).build()
        .start(source.stream(spark).select(functions.col("value")));
    assertThatThrownBy(() -> failing.awaitTermination(TIMEOUT.toMillis()))
        .as("the wrong password fails the query in time")
        .isInstanceOf(StreamingQueryException.class)
        .satisfies(e -> texts.put("query exception", SecretScan.stackTrace(e)));
    assertThat(failing.isActive()).isFalse();

    texts.put("stdout", console.stdout());
    texts.put("stderr", console.stderr());
    String log = Files.readString(Path.of(System.getProperty("secrets.leak.log")));
    assertThat(log).as("positive control: the log is the run's").contains("sasl.jaas.config");
    texts.put("log file", log);

    assertThat(SecretScan.leaks(texts, PASSWORD, wrongPassword)).isEmpty();
  }

  private static <B> B withClient(B builder, Map<String, String> client) {
    client.forEach((key, value) -> {
      if (builder instanceof KafkaTweetSource.Builder) {
        ((KafkaTweetSource.Builder) builder).option(key, value);
      } else {
        ((KafkaSink.Builder) builder).option(key, value);
      }
    });
    return builder;
  }
}
