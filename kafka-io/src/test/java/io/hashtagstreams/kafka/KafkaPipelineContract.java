package io.hashtagstreams.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
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

import java.time.Instant;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.RejectReason;
import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.testing.GeneratedCounts;
import io.hashtagstreams.core.sample.TweetGenerator;
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

  static final Duration TIMEOUT = Duration.ofSeconds(180);
  private static final AtomicInteger TOPICS = new AtomicInteger();
  private static final Pattern COUNT = Pattern.compile("\"count\":(\\d+)");

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

    // The sink's own writer, driven from outside: batch 1 reaches Kafka's commit, then the driver "dies" before
    // Spark writes its commit log entry for the batch, as a crash at that moment would.
    TransactionalBatchWriter writer = new TransactionalBatchWriter(output, sink.transactionalId(),
        Map.of("kafka.bootstrap.servers", servers()));
    StreamingQuery crashing = track(copy(input).writeStream()
        .option("checkpointLocation", checkpoints.resolve("crash").toString())
        .trigger(Trigger.AvailableNow())
        .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, batchId) -> {
          writer.call(batch, batchId);
          if (batchId == 1) {
            throw new IllegalStateException("crash after the Kafka commit of batch 1");
          }
        })
        .start());
    try {
      assertThatThrownBy(() -> crashing.awaitTermination(TIMEOUT.toMillis()))
          .isInstanceOf(StreamingQueryException.class)
          .hasMessageContaining("crash after the Kafka commit of batch 1");
    } finally {
      writer.close();
    }
    // Batch 1 is in Kafka but not in Spark's commit log: the restarted query runs it again.
    assertThat(sortedValues(output, IsolationLevel.READ_COMMITTED)).hasSize(40);

    runToEnd(sink.start(copy(input)));

    assertThat(sortedValues(output, IsolationLevel.READ_COMMITTED)).isEqualTo(expectedValues(0, 100));
  }

  @Test
  void exactlyOnceClosesItsTransactionalProducerWhenTheQueryEnds(TestInfo test) throws Exception {
    String input = topic(test, "in", 2);
    String output = topic(test, "out", 2);
    produceValues(input, 0, 40);
    KafkaSink sink = KafkaSink.builder()
        .bootstrapServers(servers())
        .topic(output)
        .checkpointLocation(checkpoints.resolve("close").toString())
        .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .build();
    // A transactional producer registers its metrics as client "producer-<transactional id>" until it is closed.
    ObjectName producerMetrics = new ObjectName("kafka.producer:type=producer-metrics,client-id=producer-"
        + sink.transactionalId());
    MBeanServer beans = ManagementFactory.getPlatformMBeanServer();

    StreamingQuery query = track(sink.start(copy(input)));
    processAllAvailable(query);
    assertThat(beans.isRegistered(producerMetrics)).as("producer open while the query runs").isTrue();

    query.stop();
    // The query's end reaches CloseOnTermination through Spark's listener bus; wait, bounded, until it is handled.
    SparkTestSession.get().sparkContext().listenerBus().waitUntilEmpty(TIMEOUT.toMillis());
    assertThat(beans.isRegistered(producerMetrics)).as("producer closed after the query ended").isFalse();
    assertThat(sortedValues(output, IsolationLevel.READ_COMMITTED)).isEqualTo(expectedValues(0, 40));
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
  // The whole pipeline: Kafka -> extractText -> explodeTopics -> windowedCounts -> toKafkaValue -> Kafka.

  @Test
  void countsHashtagsEndToEndAcrossARestartExactlyOnce(TestInfo test) throws Exception {
    String input = topic(test, "in", 2);
    String output = topic(test, "out", 2);
    List<GeneratedRecord> tweets = generate(1200, 11);
    produceGenerated(input, tweets.subList(0, 700));
    KafkaSink sink = countSink(output, "counts-exactly-once", DeliveryGuarantee.EXACTLY_ONCE);

    runToEnd(sink.start(counts(input)));
    produceGenerated(input, tweets.subList(700, 1200));
    runToEnd(sink.start(counts(input)));

    Map<String, List<Long>> history = countHistory(records(output, IsolationLevel.READ_COMMITTED));
    assertThat(latest(history)).isEqualTo(groundTruth(tweets));
    // Each update-mode batch emits a changed window's new, larger count once: a batch written twice would repeat
    // a count.
    history.forEach((key, sequence) -> assertThat(sequence).as(key).isSorted().doesNotHaveDuplicates());
  }

  @Test
  void countsHashtagsEndToEndAcrossARestartAtLeastOnce(TestInfo test) throws Exception {
    String input = topic(test, "in", 2);
    String output = topic(test, "out", 2);
    List<GeneratedRecord> tweets = generate(1200, 12);
    produceGenerated(input, tweets.subList(0, 500));
    KafkaSink sink = countSink(output, "counts-at-least-once", DeliveryGuarantee.AT_LEAST_ONCE);

    runToEnd(sink.start(counts(input)));
    produceGenerated(input, tweets.subList(500, 1200));
    runToEnd(sink.start(counts(input)));

    assertThat(latest(countHistory(records(output, IsolationLevel.READ_UNCOMMITTED)))).isEqualTo(groundTruth(tweets));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Dead letters: every record is counted or ends in the dead-letter topic, labelled.

  @Test
  void sendsEveryUnreadableRecordToTheDeadLetterTopicWhileCountsStayExact(TestInfo test) throws Exception {
    Map<String, String> bigRecords = Map.of("max.message.bytes", Integer.toString(2 * 1024 * 1024));
    String input = topic(test, "in", 2, bigRecords);
    String output = topic(test, "out", 2);
    String deadLetterTopic = topic(test, "dead", 2, bigRecords);
    List<GeneratedRecord> generated = TweetGenerator.builder().seed(13).start(START).tweetsPerSecond(5)
        .noticeShare(0.05).malformedShare(0.05).build().next(400);
    produceGenerated(input, generated);
    byte[] oneMegabyte = new byte[1024 * 1024];
    java.util.Arrays.fill(oneMegabyte, (byte) 'a');
    System.arraycopy(utf8("{\"text\":\""), 0, oneMegabyte, 0, 9);
    List<ProducerRecord<byte[], byte[]>> bad = List.of(
        new ProducerRecord<>(input, 0, utf8("tombstone-key"), null),
        new ProducerRecord<>(input, 1, utf8("k1"), utf8("{\"id\":1,\"text\":\"#broken")),
        new ProducerRecord<>(input, 0, null, new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
        new ProducerRecord<>(input, 1, null, utf8("{\"delete\":{\"status\":{\"id\":5,\"id_str\":\"5\"}}}")),
        new ProducerRecord<>(input, 0, utf8("big"), oneMegabyte));
    KafkaTestClients.produceRecords(servers(), bad);

    Dataset<Row> records = source(input);
    StreamingQuery deadLetters = DeadLetters.start(records, KafkaSink.builder()
        .bootstrapServers(servers())
        .topic(deadLetterTopic)
        .checkpointLocation(checkpoints.resolve("dead-letters").toString())
        .trigger(Trigger.AvailableNow())
        .option("max.request.size", Integer.toString(2 * 1024 * 1024))
        .build());
    runToEnd(deadLetters);
    runToEnd(countSink(output, "dead-letter-counts", DeliveryGuarantee.EXACTLY_ONCE).start(counts(input)));

    List<String> expected = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> in : records(input, IsolationLevel.READ_UNCOMMITTED)) {
      String reason = expectedReason(in, generated);
      if (reason != null) {
        expected.add(describe(in.key(), in.value(), reason, in.topic(), in.partition(), in.offset(),
            in.timestamp()));
      }
    }
    List<String> actual = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> out : records(deadLetterTopic, IsolationLevel.READ_UNCOMMITTED)) {
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      out.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
      assertThat(headers.keySet()).containsExactly(DeadLetters.REASON, DeadLetters.SOURCE_TOPIC,
          DeadLetters.SOURCE_PARTITION, DeadLetters.SOURCE_OFFSET, DeadLetters.SOURCE_TIMESTAMP);
      actual.add(describe(out.key(), out.value(), headers.get(DeadLetters.REASON),
          headers.get(DeadLetters.SOURCE_TOPIC), Integer.parseInt(headers.get(DeadLetters.SOURCE_PARTITION)),
          Long.parseLong(headers.get(DeadLetters.SOURCE_OFFSET)),
          Long.parseLong(headers.get(DeadLetters.SOURCE_TIMESTAMP))));
    }
    long generatedBad = generated.stream().filter(r -> !r.isTweet()).count();
    assertThat(generatedBad).isGreaterThan(20);
    assertThat(expected).hasSize((int) generatedBad + bad.size());
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(latest(countHistory(records(output, IsolationLevel.READ_COMMITTED))))
        .isEqualTo(groundTruth(generated));
  }

  private static String expectedReason(ConsumerRecord<byte[], byte[]> in, List<GeneratedRecord> generated) {
    if (in.value() == null) {
      return RejectReason.NULL_VALUE.code();
    }
    for (GeneratedRecord record : generated) {
      if (java.util.Arrays.equals(record.bytes(), in.value())) {
        return record.isTweet() ? null : record.expectedRejectReason().code();
      }
    }
    String key = in.key() == null ? "" : new String(in.key(), StandardCharsets.UTF_8);
    if (key.equals("big") || key.equals("k1")) {
      return RejectReason.MALFORMED_JSON.code();
    }
    return in.value()[0] == '{' && in.value()[2] == 'd' ? RejectReason.DELETE_NOTICE.code()
        : RejectReason.INVALID_UTF8.code();
  }

  private static String describe(byte[] key, byte[] value, String reason, String topic, int partition,
      long offset, long timestamp) {
    return reason + " " + topic + "/" + partition + "@" + offset + " t=" + timestamp + " key="
        + (key == null ? "null" : java.util.Base64.getEncoder().encodeToString(key)) + " value="
        + (value == null ? "null" : value.length + ":" + java.util.Arrays.hashCode(value));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Helpers shared with the subclasses.

  static final Instant START = Instant.parse("2016-08-05T23:00:00Z");

  static List<GeneratedRecord> generate(int count, long seed) {
    return TweetGenerator.builder().seed(seed).start(START).tweetsPerSecond(5).build().next(count);
  }

  void produceGenerated(String topic, List<GeneratedRecord> records) {
    KafkaTestClients.produce(servers(), topic, records.stream().map(GeneratedRecord::bytes)
        .collect(Collectors.toList()));
  }

  Dataset<Row> source(String input) {
    return KafkaTweetSource.builder()
        .bootstrapServers(servers())
        .subscribe(input)
        .startingOffsets("earliest")
        .maxOffsetsPerTrigger(400)
        .buildStream(SparkTestSession.get());
  }

  /** The pipeline under test; a 10-minute watermark, so that no record of the 4-minute test data is late. */
  Dataset<Row> counts(String input) {
    return source(input)
        .transform(HashtagOps.extractText())
        .transform(HashtagOps.explodeTopics())
        .transform(HashtagOps.windowedCounts(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(10)))
        .transform(HashtagOps.toKafkaValue());
  }

  KafkaSink countSink(String output, String checkpoint, DeliveryGuarantee guarantee) {
    return KafkaSink.builder()
        .bootstrapServers(servers())
        .topic(output)
        .checkpointLocation(checkpoints.resolve(checkpoint).toString())
        .outputMode("update")
        .trigger(Trigger.AvailableNow())
        .deliveryGuarantee(guarantee)
        .build();
  }

  /** Per key, in offset order, the counts written. */
  static Map<String, List<Long>> countHistory(List<ConsumerRecord<byte[], byte[]>> records) {
    Map<String, List<Long>> history = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      String value = new String(record.value(), StandardCharsets.UTF_8);
      Matcher count = COUNT.matcher(value);
      assertThat(count.find()).as(value).isTrue();
      history.computeIfAbsent(new String(record.key(), StandardCharsets.UTF_8), k -> new ArrayList<>())
          .add(Long.parseLong(count.group(1)));
    }
    return history;
  }

  static Map<String, Long> latest(Map<String, List<Long>> history) {
    Map<String, Long> latest = new TreeMap<>();
    history.forEach((key, counts) -> latest.put(key, counts.get(counts.size() - 1)));
    return latest;
  }

  /** The expected counts, from the generator's ground truth: key {@code <window start>/<normalized tag>}. */
  static Map<String, Long> groundTruth(List<GeneratedRecord> records) {
    return GeneratedCounts.perMinute(records);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

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
