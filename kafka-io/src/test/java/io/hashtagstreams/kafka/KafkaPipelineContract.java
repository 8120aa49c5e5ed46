package io.hashtagstreams.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.testing.SparkTestSession;
import io.hashtagstreams.kafka.internal.TransactionalBatchWriter;
import io.hashtagstreams.kafka.testing.KafkaTestClients;

/**
 * The real-broker tests of the source, the sinks and the dead letters, run once per broker kind by its subclasses:
 * {@link KafkaPipelineTest} (embedded broker, always) and {@link KafkaPipelineContainerTest} (Testcontainers,
 * skipped without Docker). The builder rules that need no broker are in {@link KafkaTweetSourceTest} and
 * {@link KafkaSinkTest}.
 */
abstract class KafkaPipelineContract {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final AtomicInteger TOPICS = new AtomicInteger();

  @TempDir
  Path checkpoints;

  private final List<StreamingQuery> started = new ArrayList<>();

  /** The broker under test. */
  abstract String servers();

  @AfterEach
  void stopQueries() throws Exception {
    for (StreamingQuery query : started) {
      query.stop();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The sink's delivery guarantees, on a stateless copy pipeline: every input value must come out exactly once.

  @Test
  void exactlyOnceResumesFromTheCheckpointWithoutDuplicates(TestInfo test) throws Exception {
    String input = topic(test, "in", 2);
    String output = topic(test, "out", 2);
    produceValues(input, 0, 60);
    KafkaSink sink = copySink(output, "resume", DeliveryGuarantee.EXACTLY_ONCE);

    runToEnd(sink.start(copy(input)));
    produceValues(input, 60, 100);
    runToEnd(sink.start(copy(input)));

    assertThat(sortedValues(output, IsolationLevel.READ_COMMITTED)).isEqualTo(expectedValues(0, 100));
  }

  @Test
  void exactlyOnceSkipsABatchReplayedAfterACrashBetweenKafkaAndSparkCommits(TestInfo test) throws Exception {
    String input = topic(test, "in", 2);
    String output = topic(test, "out", 2);
    produceValues(input, 0, 100);
    KafkaSink sink = copySink(output, "crash", DeliveryGuarantee.EXACTLY_ONCE);

    TransactionalBatchWriter.crashOnceAfterKafkaCommit(output, 1);
    StreamingQuery crashing = track(sink.start(copy(input)));
    assertThatThrownBy(() -> crashing.awaitTermination(TIMEOUT.toMillis()))
        .isInstanceOf(StreamingQueryException.class)
        .hasMessageContaining("simulated crash after the Kafka commit of batch 1");
    // Batch 1 is in Kafka but not in Spark's commit log: the restarted query runs it again.
    assertThat(sortedValues(output, IsolationLevel.READ_COMMITTED)).hasSize(40);

    runToEnd(sink.start(copy(input)));

    assertThat(sortedValues(output, IsolationLevel.READ_COMMITTED)).isEqualTo(expectedValues(0, 100));
  }

  @Test
  void atLeastOnceResumesFromTheCheckpoint(TestInfo test) throws Exception {
    String input = topic(test, "in", 2);
    String output = topic(test, "out", 2);
    produceValues(input, 0, 60);
    KafkaSink sink = copySink(output, "at-least-once", DeliveryGuarantee.AT_LEAST_ONCE);

    runToEnd(sink.start(copy(input)));
    produceValues(input, 60, 100);
    runToEnd(sink.start(copy(input)));

    assertThat(sortedValues(output, IsolationLevel.READ_UNCOMMITTED)).isEqualTo(expectedValues(0, 100));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Helpers shared with the subclasses.

  String topic(TestInfo test, String role, int partitions) {
    return topic(test, role, partitions, Map.of());
  }

  String topic(TestInfo test, String role, int partitions, Map<String, String> configs) {
    String name = test.getTestMethod().orElseThrow().getName() + "-" + role + "-" + TOPICS.incrementAndGet();
    KafkaTestClients.createTopic(servers(), name, partitions, configs);
    return name;
  }

  StreamingQuery track(StreamingQuery query) {
    started.add(query);
    return query;
  }

  /** Waits (bounded) until an AvailableNow query has ended, and fails if it failed. */
  void runToEnd(StreamingQuery query) throws StreamingQueryException {
    track(query);
    assertThat(query.awaitTermination(TIMEOUT.toMillis())).as("query ended within %s", TIMEOUT).isTrue();
    assertThat(query.exception().isEmpty()).as("query failed: %s", query.exception()).isTrue();
  }

  /** Waits (bounded) until a running query has processed everything available now. */
  static void processAllAvailable(StreamingQuery query) throws Exception {
    CompletableFuture.runAsync(query::processAllAvailable).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Reads the input values, 20 records per micro-batch, key = value. */
  Dataset<Row> copy(String input) {
    return KafkaTweetSource.builder()
        .bootstrapServers(servers())
        .subscribe(input)
        .startingOffsets("earliest")
        .maxOffsetsPerTrigger(20)
        .buildStream(SparkTestSession.get())
        .selectExpr("value AS key", "value");
  }

  KafkaSink copySink(String output, String checkpoint, DeliveryGuarantee guarantee) {
    return KafkaSink.builder()
        .bootstrapServers(servers())
        .topic(output)
        .checkpointLocation(checkpoints.resolve(checkpoint).toString())
        .trigger(Trigger.AvailableNow())
        .deliveryGuarantee(guarantee)
        .build();
  }

  void produceValues(String topic, int from, int to) {
    KafkaTestClients.produce(servers(), topic, expectedValues(from, to).stream()
        .map(v -> v.getBytes(StandardCharsets.UTF_8)).collect(Collectors.toList()));
  }

  static List<String> expectedValues(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> String.format("value-%04d", i)).collect(Collectors.toList());
  }

  List<String> sortedValues(String topic, IsolationLevel isolation) {
    return records(topic, isolation).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).sorted()
        .collect(Collectors.toList());
  }

  List<ConsumerRecord<byte[], byte[]>> records(String topic, IsolationLevel isolation) {
    return KafkaTestClients.consumeAll(servers(), topic, isolation, TIMEOUT);
  }
}
