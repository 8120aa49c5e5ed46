package io.hashtagstreams.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.testing.SparkTestSession;
import io.hashtagstreams.kafka.testing.EmbeddedKafka;

/**
 * The fail-fast check of {@link KafkaTweetSource} and {@link KafkaSink} against the in-process broker and a closed
 * port: the exception names the servers or the missing topic, keeps secrets out, and comes within the timeout.
 */
class FailFastTest {

  private static final Duration SHORT = Duration.ofSeconds(2);
  private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required"
      + " username=\"reader\" password=\"s3cr3t-pw\";";
  private static EmbeddedKafka kafka;
  private static String closed;

  @TempDir
  Path checkpoints;

  @BeforeAll
  static void startBroker() throws IOException {
    kafka = new EmbeddedKafka().start();
    kafka.createTopic("tweets", 1);
    kafka.createTopic("counts", 1);
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = "127.0.0.1:" + socket.getLocalPort();
    }
  }

  @AfterAll
  static void closeBroker() {
    kafka.close();
  }

  @Test
  void sourceNamesTheServersWhenNoBrokerAnswers() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> KafkaTweetSource.builder().bootstrapServers(closed).subscribe("tweets")
        .option("sasl.jaas.config", JAAS).failFastTimeout(SHORT).buildStream(SparkTestSession.get()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("KafkaTweetSource: no Kafka broker answered at " + closed + " within 2 s; check the bootstrap"
            + " servers and the network"
            + ", and set kafka.security.protocol if the cluster uses TLS or SASL"
            + " (turn this check off with failFast(false))");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    assertThatThrownBy(() -> KafkaTweetSource.builder().bootstrapServers(closed).subscribePattern("tw.*")
        .failFastTimeout(SHORT).buildBatch(SparkTestSession.get()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("KafkaTweetSource: no Kafka broker answered at " + closed);
  }

  @Test
  void sourceNamesTheMissingTopic() {
    assertThatThrownBy(() -> KafkaTweetSource.builder().bootstrapServers(kafka.bootstrapServers())
        .subscribe("tweets", "twets").failFastTimeout(SHORT).buildStream(SparkTestSession.get()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("KafkaTweetSource: topic 'twets' does not exist at " + kafka.bootstrapServers()
            + "; create it first or fix the name (turn this check off with failFast(false))");
    assertThatThrownBy(() -> KafkaTweetSource.builder().bootstrapServers(kafka.bootstrapServers())
        .assign("{\"a1\":[0],\"tweets\":[0],\"b2\":[1]}").failFastTimeout(SHORT).buildStream(SparkTestSession.get()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("KafkaTweetSource: topics [a1, b2] do not exist at " + kafka.bootstrapServers());
  }

  @Test
  void sourceBuildsWhenBrokerAndTopicsAreThere() {
    Dataset<Row> subscribed = KafkaTweetSource.builder().bootstrapServers(kafka.bootstrapServers())
        .subscribe("tweets").buildStream(SparkTestSession.get());
    Dataset<Row> pattern = KafkaTweetSource.builder().bootstrapServers(kafka.bootstrapServers())
        .subscribePattern("nothing-matches-.*").buildStream(SparkTestSession.get());
    Dataset<Row> assigned = KafkaTweetSource.builder().bootstrapServers(kafka.bootstrapServers())
        .assign("{\"tweets\":[0]}").startingOffsets("earliest").buildBatch(SparkTestSession.get());

    assertThat(subscribed.isStreaming()).isTrue();
    assertThat(pattern.isStreaming()).isTrue();
    assertThat(assigned.count()).isZero();
  }

  @Test
  void sourceSkipsTheCheckWhenTurnedOff() {
    Dataset<Row> stream = KafkaTweetSource.builder().bootstrapServers(closed).subscribe("tweets")
        .failFast(false).buildStream(SparkTestSession.get());

    assertThat(stream.isStreaming()).isTrue();
  }

  @Test
  void sinkNamesTheServersOrTheMissingTopic() {
    Dataset<Row> records = SparkTestSession.get().readStream().format("rate").load()
        .selectExpr("CAST(value AS STRING) AS value");

    assertThatThrownBy(() -> sink(closed, "counts").start(records))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("KafkaSink: no Kafka broker answered at " + closed + " within 2 s; check the bootstrap"
            + " servers and the network"
            + ", and set kafka.security.protocol if the cluster uses TLS or SASL"
            + " (turn this check off with failFast(false))");
    assertThatThrownBy(() -> sink(kafka.bootstrapServers(), "cuonts").start(records))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("KafkaSink: topic 'cuonts' does not exist at " + kafka.bootstrapServers()
            + "; create it first or fix the name (turn this check off with failFast(false))");
    assertThat(SparkTestSession.get().streams().active()).isEmpty();
  }

  @Test
  void sinkStartsWhenTheTopicExists() throws Exception {
    Dataset<Row> records = KafkaTweetSource.builder().bootstrapServers(kafka.bootstrapServers())
        .subscribe("tweets").startingOffsets("earliest").buildStream(SparkTestSession.get())
        .selectExpr("value");
    StreamingQuery query = sink(kafka.bootstrapServers(), "counts").start(records);
    try {
      assertThat(query.awaitTermination(60_000)).isTrue();
      assertThat(query.exception().isEmpty()).isTrue();
    } finally {
      query.stop();
    }
  }

  @Test
  void timeoutMustBePositiveAndSetOnce() {
    assertThatThrownBy(() -> KafkaTweetSource.builder().failFastTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KafkaTweetSource: failFastTimeout must be positive, but was PT0S");
    assertThatThrownBy(() -> KafkaSink.builder().failFastTimeout(SHORT).failFastTimeout(SHORT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("KafkaSink: failFastTimeout is already set to PT2S");
    assertThatThrownBy(() -> KafkaSink.builder().failFast(true).failFast(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("KafkaSink: failFast is already set to true");
  }

  private KafkaSink sink(String servers, String topic) {
    return KafkaSink.builder().bootstrapServers(servers).topic(topic)
        .checkpointLocation(checkpoints.resolve(topic).toString()).trigger(Trigger.AvailableNow())
        .failFastTimeout(SHORT).build();
  }
}
