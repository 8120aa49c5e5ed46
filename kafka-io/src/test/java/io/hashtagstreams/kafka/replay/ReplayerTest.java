package io.hashtagstreams.kafka.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.kafka.testing.EmbeddedKafka;
import io.hashtagstreams.kafka.testing.TweetArchives;

/**
 * {@link Replayer} on the in-process broker, with archives the tests write in the Internet Archive's layout: every
 * line arrives byte-identical and once, skip resumes exactly, pacing by rate and by event time holds, and a closed
 * port or a missing topic fails fast. Reading without a broker is covered by {@link ArchiveLinesTest}.
 */
class ReplayerTest {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static EmbeddedKafka kafka;

  @TempDir
  static Path dir;
  private static List<String> inputs;
  private static List<String> expected;
  private static long expectedEmptyLines;
  private static long expectedSources;

  @BeforeAll
  static void startBrokerAndWriteArchives() throws IOException {
    kafka = new EmbeddedKafka().start();
    List<GeneratedRecord> tweets = ArchiveLinesTest.tweets(11, 700);
    List<byte[]> tarLines = TweetArchives.writeMinuteTar(dir.resolve("stream.tar"), tweets);
    List<byte[]> gzLines = ArchiveLinesTest.tweets(12, 60).stream().map(GeneratedRecord::bytes).toList();
    byte[] crlf = TweetArchives.join(gzLines, "\r\n");
    byte[] withEmpty = concat(crlf, "\r\n\n".getBytes(StandardCharsets.US_ASCII), crlf);
    Files.write(dir.resolve("extra.json.gz"), TweetArchives.gzip(withEmpty));
    Files.write(dir.resolve("last.json"), concat("\n".getBytes(StandardCharsets.US_ASCII),
        gzLines.get(0), "\r\n".getBytes(StandardCharsets.US_ASCII), gzLines.get(1)));
    inputs = List.of(dir.resolve("stream.tar").toString(), dir.resolve("extra.json.gz").toString(),
        dir.resolve("last.json").toString());
    expected = new ArrayList<>();
    tarLines.forEach(line -> expected.add(text(line)));
    gzLines.forEach(line -> expected.add(text(line)));
    gzLines.forEach(line -> expected.add(text(line)));
    expected.add(text(gzLines.get(0)));
    expected.add(text(gzLines.get(1)));
    expectedEmptyLines = 3;
    expectedSources = TweetArchives.byMinute(tweets).size() + 2;
  }

  @AfterAll
  static void closeBroker() {
    kafka.close();
  }

  @Test
  void everyLineArrivesByteIdenticalAndOnce(TestInfo test) {
    String topic = topic(test);
    List<ReplayProgress> reports = new ArrayList<>();
    ReplayProgress summary = builder(topic).progressInterval(Duration.ofMillis(1)).progressListener(reports::add)
        .build().run();

    assertThat(values(topic)).containsExactlyElementsOf(expected);
    assertThat(summary.finished()).isTrue();
    assertThat(summary.records()).isEqualTo(expected.size());
    assertThat(summary.acknowledged()).isEqualTo(expected.size());
    assertThat(summary.bytes()).isEqualTo(expected.stream().mapToLong(String::length).sum());
    assertThat(summary.emptyLines()).isEqualTo(expectedEmptyLines);
    assertThat(summary.sources()).isEqualTo(expectedSources);
    assertThat(summary.skipped()).isZero();
    assertThat(summary.percent()).isEqualTo(100.0);
    assertThat(reports).last().isEqualTo(summary);
    assertThat(reports).allSatisfy(report -> assertThat(report.records()).isBetween(0L, summary.records()));
  }

  @Test
  void skipResumesExactlyWhereALimitedRunStopped(TestInfo test) {
    String topic = topic(test);
    ReplayProgress first = builder(topic).limit(333).build().run();
    ReplayProgress second = builder(topic).skip(333).build().run();

    assertThat(first.records()).isEqualTo(333);
    assertThat(second.skipped()).isEqualTo(333);
    assertThat(second.records()).isEqualTo(expected.size() - 333);
    assertThat(values(topic)).containsExactlyElementsOf(expected);
  }

  @Test
  void loopStartsOverUntilTheLimit(TestInfo test) {
    String topic = topic(test);
    builder(topic).loop(true).limit(expected.size() + 10).build().run();

    List<String> twice = new ArrayList<>(expected);
    twice.addAll(expected.subList(0, 10));
    assertThat(values(topic)).containsExactlyElementsOf(twice);
  }

  @Test
  void speedReproducesEventTimeGaps(TestInfo test) throws IOException {
    long base = Instant.parse("2016-07-01T00:00:00Z").toEpochMilli();
    long[] offsets = {0, 0, 300, -1, 800, 800, 1200, -1, 2000};
    List<byte[]> lines = new ArrayList<>();
    for (int i = 0; i < offsets.length; i++) {
      lines.add((offsets[i] < 0 ? "{\"delete\":{\"status\":{\"id\":" + i + "}}}"
          : "{\"id\":" + i + ",\"text\":\"t\",\"timestamp_ms\":\"" + (base + offsets[i]) + "\"}")
          .getBytes(StandardCharsets.UTF_8));
    }
    Path file = dir.resolve("timed.json");
    Files.write(file, TweetArchives.join(lines, "\n"));
    String topic = topic(test);
    ensureTopic(topic);

    Replayer.builder().bootstrapServers(kafka.bootstrapServers()).topic(topic).inputs(List.of(file.toString()))
        .speed(2).build().run();

    List<ConsumerRecord<byte[], byte[]>> records = kafka.consumeAll(topic, IsolationLevel.READ_UNCOMMITTED,
        READ_TIMEOUT);
    assertThat(records).extracting(record -> text(record.value()))
        .containsExactlyElementsOf(lines.stream().map(ReplayerTest::text).toList());
    assertThat(records).allSatisfy(record -> assertThat(record.timestampType()).isEqualTo(TimestampType.CREATE_TIME));
    long sentFirst = records.get(0).timestamp();
    long previousDue = 0;
    for (int i = 0; i < offsets.length; i++) {
      long due = offsets[i] < 0 ? previousDue : offsets[i] / 2;
      long sentAfter = records.get(i).timestamp() - sentFirst;
      // Never early (1 ms for the millisecond clock), and late by at most what a loaded machine may add.
      assertThat(sentAfter).as("record %d", i).isBetween(due - 1, due + 250);
      previousDue = due;
    }
  }

  @Test
  void rateSpreadsRecordsOverTime(TestInfo test) {
    String topic = topic(test);
    builder(topic).limit(101).rate(200).build().run();

    List<ConsumerRecord<byte[], byte[]>> records = kafka.consumeAll(topic, IsolationLevel.READ_UNCOMMITTED,
        READ_TIMEOUT);
    assertThat(records).hasSize(101);
    // Record 100 is due 500 ms after record 0.
    assertThat(records.get(100).timestamp() - records.get(0).timestamp()).isBetween(499L, 1500L);
  }

  @Test
  void failsFastOnAClosedPortOrAMissingTopicAndCreatesTopicsWhenAsked(TestInfo test) throws IOException {
    String closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = "127.0.0.1:" + socket.getLocalPort();
    }
    String servers = closed;
    assertThatThrownBy(() -> Replayer.builder().bootstrapServers(servers).topic("tweets").inputs(inputs)
        .failFastTimeout(Duration.ofSeconds(2)).build().run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Replayer: no Kafka broker answered at " + closed + " within 2 s; check the bootstrap servers"
            + " and the network"
            + ", and set kafka.security.protocol if the cluster uses TLS or SASL"
            + " (the topic must exist, or use createTopic(partitions))");
    assertThatThrownBy(() -> Replayer.builder().bootstrapServers(servers).topic("tweets").inputs(inputs)
        .createTopic(2).failFastTimeout(Duration.ofSeconds(2)).build().run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Replayer: no Kafka broker answered at " + closed + " within 2 s; check the bootstrap servers"
            + " and the network"
            + ", and set kafka.security.protocol if the cluster uses TLS or SASL"
            + " (createTopic(2) creates the topic once a broker answers)");
    String missing = topic(test);
    assertThatThrownBy(() -> builder(missing).failFastTimeout(Duration.ofSeconds(5)).build().run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Replayer: topic '" + missing + "' does not exist at " + kafka.bootstrapServers()
            + "; create it first or fix the name (the topic must exist, or use createTopic(partitions))");

    ReplayProgress created = Replayer.builder().bootstrapServers(kafka.bootstrapServers()).topic(missing)
        .inputs(inputs).createTopic(1).build().run();
    assertThat(created.records()).isEqualTo(expected.size());
    assertThat(values(missing)).containsExactlyElementsOf(expected);
  }

  @Test
  void aRefusedRecordStopsTheRunAndSaysWhereToResume(TestInfo test) throws IOException {
    List<byte[]> lines = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      lines.add((i == 12 ? "{\"big\":\"" + "x".repeat(30_000) + "\"}" : "{\"id\":" + i + "}")
          .getBytes(StandardCharsets.UTF_8));
    }
    Path file = dir.resolve("big.json");
    Files.write(file, TweetArchives.join(lines, "\n"));
    String topic = topic(test);
    ensureTopic(topic);

    assertThatThrownBy(() -> Replayer.builder().bootstrapServers(kafka.bootstrapServers()).topic(topic)
        .inputs(List.of(file.toString())).skip(2).option("max.request.size", "20000").build().run())
        .isInstanceOf(ReplaySendException.class)
        .hasMessageStartingWith("Replayer: sending to topic '" + topic + "' at " + kafka.bootstrapServers()
            + " failed: The message is ")
        .hasMessageEndingWith("; 10 of 11 records sent were acknowledged in order (resume with skip 12)")
        .satisfies(e -> assertThat(((ReplaySendException) e).resumeSkip()).isEqualTo(12));
    assertThat(values(topic)).containsExactlyElementsOf(lines.subList(2, 12).stream().map(ReplayerTest::text)
        .toList());
  }

  @Test
  void aMissingInputFailsBeforeKafkaIsAsked() {
    String missing = dir.resolve("absent.tar").toString();
    assertThatThrownBy(() -> Replayer.builder().bootstrapServers("127.0.0.1:1").topic("tweets")
        .inputs(List.of(inputs.get(0), missing)).build().run())
        .isInstanceOf(ReplayInputException.class)
        .hasMessage(missing + ": no such file or directory");
  }

  @Test
  void builderRejectsBadValuesAndRepeats() {
    assertThatThrownBy(() -> Replayer.builder().rate(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Replayer: rate must be a positive number, but was 0.0");
    assertThatThrownBy(() -> Replayer.builder().skip(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Replayer: skip must not be negative, but was -1");
    assertThatThrownBy(() -> Replayer.builder().limit(5).limit(6))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Replayer: limit is already set; each setting can be set once");
    assertThatThrownBy(() -> Replayer.builder().bootstrapServers("a:1").topic("t").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Replayer: inputs are required, but were not set");
    assertThatThrownBy(() -> Replayer.builder().option("value.serializer", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Replayer: option 'value.serializer' cannot be set with option(...) (the builder sets it"
            + " itself)");
  }

  private static final AtomicInteger TOPICS = new AtomicInteger();

  private static String topic(TestInfo test) {
    return test.getTestMethod().orElseThrow().getName() + "-" + TOPICS.incrementAndGet();
  }

  private Replayer.Builder builder(String topic) {
    if (!topic.startsWith("fails")) {
      ensureTopic(topic);
    }
    return Replayer.builder().bootstrapServers(kafka.bootstrapServers()).topic(topic).inputs(inputs);
  }

  private static final java.util.Set<String> CREATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static void ensureTopic(String topic) {
    if (CREATED.add(topic)) {
      kafka.createTopic(topic, 1);
    }
  }

  private static List<String> values(String topic) {
    return kafka.consumeAll(topic, IsolationLevel.READ_UNCOMMITTED, READ_TIMEOUT).stream()
        .map(record -> text(record.value())).toList();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      joined.writeBytes(part);
    }
    return joined.toByteArray();
  }
}
