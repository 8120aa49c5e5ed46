package io.hashtagstreams.kafka.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import io.hashtagstreams.kafka.testing.ConnectionPlan;
import io.hashtagstreams.kafka.testing.EmbeddedKafka;
import io.hashtagstreams.kafka.testing.JetstreamTestServer;
import io.hashtagstreams.kafka.testing.RecordedFrames;
import io.hashtagstreams.kafka.testing.StreamTestServer;

/**
 * {@link Ingester} on the in-process broker against the local test servers, with recorded frames: exactly which
 * posts reach Kafka across a dropped connection, a stall, HTTP 503 and 429, a process restart (Jetstream resumes
 * from the topic), a malformed frame (dead-letter topic), a Mastodon gap (REST fill) and X's error lines; 401 and an
 * unreachable endpoint fail fast naming the endpoint and never the token. The expected records are the recorded
 * frames themselves, selected by their {@code time_us} / ids as the networks' documentation defines them.
 */
class IngesterTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String TOKEN = "tok-3f9a1c-never-printed";
  private static final Duration OVERLAP = Duration.ofNanos(500_000);
  private static final Pattern TIME_US = Pattern.compile("\"time_us\":(\\d+)");
  private static EmbeddedKafka kafka;
  private static ExecutorService runner;

  @BeforeAll
  static void startBroker() {
    kafka = new EmbeddedKafka().start();
    runner = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stopBroker() {
    runner.shutdownNow();
    kafka.close();
  }

  @Test
  void jetstreamResumesAfterADroppedConnectionWithDuplicatesOnlyInTheOverlap(TestInfo test) throws Exception {
    String topic = topic(test);
    List<String> frames = RecordedFrames.jetstream();
    List<String> commits = commits(frames);
    try (JetstreamTestServer server = JetstreamTestServer.start(frames)) {
      // First connection: identity, account and 3 commits, then the TCP connection ends without a close frame.
      server.plan(ConnectionPlan.serve(5).thenClose());
      Ingester ingester = jetstream(server, topic).build();
      IngestProgress summary = runUntil(ingester, topic, commits.size() + 1);

      // What the client had read before the drop is not known in advance (an abrupt end may cut messages off), so
      // the expectation is derived from the cursor it resumed with: the last acknowledged commit's time_us minus
      // the 500 us overlap. Everything up to that commit once, then everything from the cursor on.
      List<Long> cursors = server.cursors();
      assertThat(cursors).hasSize(2).startsWith(-1L);
      long lastAcknowledged = cursors.get(1) + 500;
      assertThat(commits.subList(0, 3).stream().map(IngesterTest::time)).contains(lastAcknowledged);
      List<String> expected = new ArrayList<>(commits.stream().filter(c -> time(c) <= lastAcknowledged).toList());
      expected.addAll(commitsFrom(frames, cursors.get(1)));

      assertThat(values(topic)).containsExactlyElementsOf(expected);
      assertThat(duplicates(values(topic))).containsExactlyElementsOf(
          commits.stream().filter(c -> time(c) >= cursors.get(1) && time(c) <= lastAcknowledged).toList());
      assertThat(keys(topic)).contains("at://did:plc:yj3sjq3blzpynh27cumnp5ks/app.bsky.feed.post/3lbhtyteurk2y");
      assertThat(summary.messages()).isEqualTo(expected.size());
      assertThat(summary.acknowledged()).isEqualTo(expected.size());
      assertThat(summary.skipped()).isEqualTo(2);
      assertThat(summary.reconnects()).isEqualTo(1);
      assertThat(summary.malformed()).isZero();
      assertThat(summary.finished()).isTrue();
    }
  }

  @Test
  void restartedJetstreamIngestResumesFromTheTopicsLastRecord(TestInfo test) throws Exception {
    String topic = topic(test);
    List<String> frames = RecordedFrames.jetstream();
    List<String> commits = commits(frames);
    try (JetstreamTestServer server = JetstreamTestServer.start(frames)) {
      server.plan(ConnectionPlan.serve(5).thenStall());
      runUntil(jetstream(server, topic).build(), topic, 3);
      // A new process: nothing in memory, the cursor comes from the topic.
      IngestProgress second = runUntil(jetstream(server, topic).build(), topic, 3 + 5);

      long resumeCursor = 1732206349000167L - 500;
      List<String> expected = new ArrayList<>(commits.subList(0, 3));
      expected.addAll(commitsFrom(frames, resumeCursor));
      assertThat(values(topic)).containsExactlyElementsOf(expected);
      assertThat(server.cursors()).containsExactly(-1L, resumeCursor);
      assertThat(second.messages()).isEqualTo(5);
      assertThat(second.reconnects()).isZero();
    }
  }

  @Test
  void reconnectsAfterHttp503AndAStall(TestInfo test) throws Exception {
    String topic = topic(test);
    List<String> frames = RecordedFrames.jetstream();
    List<String> commits = commits(frames);
    try (JetstreamTestServer server = JetstreamTestServer.start(frames)) {
      server.plan(ConnectionPlan.refuse(503), ConnectionPlan.serve(4).thenStall());
      Ingester ingester = jetstream(server, topic).stallTimeout(Duration.ofSeconds(3)).build();
      long like = time(commits.get(1));
      List<String> expected = new ArrayList<>(commits.subList(0, 2));
      expected.addAll(commitsFrom(frames, like - 500));
      IngestProgress summary = runUntil(ingester, topic, expected.size());

      assertThat(values(topic)).containsExactlyElementsOf(expected);
      assertThat(server.cursors()).containsExactly(-1L, -1L, like - 500);
      assertThat(summary.reconnects()).isEqualTo(1);
    }
  }

  @Test
  void malformedFramesGoToTheDeadLetterTopicAndAreCounted(TestInfo test) throws Exception {
    String topic = topic(test);
    String deadLetters = topic + "-dead";
    List<String> frames = RecordedFrames.jetstream();
    String broken = "{\"did\":\"did:plc:x\",\"time_us\":17322063490";
    try (JetstreamTestServer server = JetstreamTestServer.start(frames)) {
      server.plan(ConnectionPlan.serveAll().withMalformedAfter(4, broken));
      Ingester ingester = jetstream(server, topic).deadLetterTopic(deadLetters).build();
      IngestProgress summary = runUntil(ingester, topic, 7);

      assertThat(values(topic)).containsExactlyElementsOf(commits(frames));
      List<ConsumerRecord<byte[], byte[]>> dead = kafka.consumeAll(deadLetters, IsolationLevel.READ_UNCOMMITTED, WAIT);
      assertThat(dead).hasSize(1);
      assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo(broken);
      assertThat(new String(dead.get(0).headers().lastHeader("hashtag-streams.reason").value(),
          StandardCharsets.UTF_8)).startsWith("not one JSON object");
      assertThat(summary.malformed()).isEqualTo(1);
      assertThat(summary.messages()).isEqualTo(7);
    }
  }

  @Test
  void refusedHandshakeFailsAtOnceNamingTheEndpoint(TestInfo test) {
    String topic = topic(test);
    try (JetstreamTestServer server = JetstreamTestServer.start(RecordedFrames.jetstream())) {
      server.plan(ConnectionPlan.refuse(401));
      long start = System.nanoTime();
      assertThatThrownBy(() -> jetstream(server, topic).build().run())
          .isInstanceOf(IngestException.class)
          .hasMessageContaining(server.endpoint().toString())
          .hasMessageContaining("HTTP 401");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void aTokenRefusedOnReconnectEndsTheRunAfterWritingWhatWasRead(TestInfo test) {
    String topic = topic(test);
    List<String> frames = RecordedFrames.jetstream();
    try (JetstreamTestServer server = JetstreamTestServer.start(frames)) {
      server.plan(ConnectionPlan.serve(5).thenClose(), ConnectionPlan.refuse(403));
      Ingester ingester = jetstream(server, topic).build();

      assertThatThrownBy(ingester::run)
          .isInstanceOf(IngestException.class)
          .hasMessageContaining(server.endpoint() + " answered HTTP 403");
      // The refused connection asked for the last acknowledged commit minus the overlap: all before it were written.
      long lastAcknowledged = server.cursors().get(1) + 500;
      List<String> written = commits(frames).stream().filter(c -> time(c) <= lastAcknowledged).toList();
      assertThat(written).isNotEmpty();
      assertThat(values(topic)).containsExactlyElementsOf(written);
      assertThatThrownBy(ingester::run).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("run() was already called");
    }
  }

  @Test
  void unreachableEndpointFailsWithinTheFailFastTimeout(TestInfo test) throws IOException {
    String topic = topic(test);
    URI closed = URI.create("ws://127.0.0.1:" + closedPort() + "/subscribe");
    Ingester ingester = Ingester.builder().bootstrapServers(kafka.bootstrapServers()).topic(topic).createTopic(1)
        .backoff(Duration.ofMillis(20), Duration.ofMillis(100)).failFastTimeout(Duration.ofSeconds(2))
        .source(JetstreamSource.builder().endpoint(closed).build()).build();
    long start = System.nanoTime();
    assertThatThrownBy(ingester::run)
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("cannot reach " + closed);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void mastodonFillsTheGapThroughRestAndKeepsTheTokenOutOfEveryMessage(TestInfo test) throws Exception {
    String topic = topic(test);
    List<String> statuses = RecordedFrames.mastodonStatuses();
    List<String> events = List.of(StreamTestServer.update(statuses.get(0)), StreamTestServer.heartbeat(),
        StreamTestServer.update(statuses.get(1)), "event: delete\ndata: 113560000000000050\n\n",
        StreamTestServer.update(statuses.get(2)), StreamTestServer.update(statuses.get(3)),
        StreamTestServer.update(statuses.get(4)));
    try (StreamTestServer server = StreamTestServer.serverSentEvents("/api/v1/streaming/public", events)) {
      server.timeline(statuses);
      // First connection: s0, heartbeat, s1, dropped; the stream moves on to s3 while away (s2 is only in REST).
      server.plan(ConnectionPlan.serve(3).thenClose(), ConnectionPlan.serveAll().startingAt(5));
      List<IngestProgress> reports = new CopyOnWriteArrayList<>();
      Ingester ingester = base(topic).progressInterval(Duration.ofMillis(20)).progressListener(reports::add)
          .source(mastodon(server, server.base())).build();
      List<String> expected = List.of(statuses.get(0), statuses.get(1), statuses.get(2), statuses.get(3),
          statuses.get(4), statuses.get(3), statuses.get(4));
      IngestProgress summary = runUntil(ingester, topic, expected.size());

      assertThat(values(topic)).containsExactlyElementsOf(expected);
      assertThat(keys(topic)).startsWith("https://social.example/users/ada/statuses/113560000000000101");
      assertThat(summary.recovered()).isEqualTo(3);
      assertThat(summary.unrecoveredGaps()).isZero();
      assertThat(summary.skipped()).isEqualTo(1);
      assertThat(summary.reconnects()).isEqualTo(1);
      assertThat(server.requests()).containsExactly("/api/v1/streaming/public",
          "/api/v1/streaming/public", "/api/v1/timelines/public?limit=40&since_id=113560000000000102");
      assertThat(server.authorizations()).containsOnly("Bearer " + TOKEN);
      assertThat(ingester.toString()).doesNotContain(TOKEN);
      assertThat(reports).isNotEmpty().allSatisfy(report -> assertThat(report.toString()).doesNotContain(TOKEN));
    }
  }

  @Test
  void restartedMastodonIngestFillsTheGapFromTheTopicsNewestStatus(TestInfo test) throws Exception {
    String topic = topic(test);
    List<String> statuses = RecordedFrames.mastodonStatuses();
    List<String> events = statuses.stream().map(StreamTestServer::update).toList();
    try (StreamTestServer server = StreamTestServer.serverSentEvents("/api/v1/streaming/public", events)) {
      server.timeline(statuses);
      server.plan(ConnectionPlan.serve(2).thenStall(), ConnectionPlan.serveAll().startingAt(4));
      runUntil(base(topic).source(mastodon(server, server.base())).build(), topic, 2);
      // A new process: the topic's newest Status (s1) is where the gap starts; s2..s4 come from REST.
      IngestProgress second = runUntil(base(topic).source(mastodon(server, server.base())).build(), topic, 6);

      assertThat(values(topic)).containsExactly(statuses.get(0), statuses.get(1), statuses.get(2), statuses.get(3),
          statuses.get(4), statuses.get(4));
      assertThat(second.recovered()).isEqualTo(3);
      assertThat(second.reconnects()).isZero();
      assertThat(server.requests()).contains("/api/v1/timelines/public?limit=40&since_id=113560000000000102");
    }
  }

  @Test
  void mastodonCountsAGapTheRestTimelineCannotFill(TestInfo test) throws Exception {
    String topic = topic(test);
    List<String> statuses = RecordedFrames.mastodonStatuses();
    List<String> events = statuses.stream().map(StreamTestServer::update).toList();
    try (StreamTestServer server = StreamTestServer.serverSentEvents("/api/v1/streaming/public", events)) {
      server.plan(ConnectionPlan.serve(2).thenClose(), ConnectionPlan.serveAll().startingAt(3));
      URI noRest = URI.create("http://127.0.0.1:" + closedPort());
      Ingester ingester = base(topic).source(mastodon(server, noRest)).build();
      IngestProgress summary = runUntil(ingester, topic, 4);

      assertThat(values(topic)).containsExactly(statuses.get(0), statuses.get(1), statuses.get(3), statuses.get(4));
      assertThat(summary.unrecoveredGaps()).isEqualTo(1);
      assertThat(summary.recovered()).isZero();
    }
  }

  @Test
  void xSkipsKeepAlivesCountsErrorLinesAndRetriesAfter429(TestInfo test) throws Exception {
    String topic = topic(test);
    List<String> lines = RecordedFrames.xStream();
    List<String> entries = List.of(lines.get(0), "", lines.get(1), lines.get(4), lines.get(2), lines.get(3));
    try (StreamTestServer server = StreamTestServer.jsonLines("/2/tweets/search/stream", entries)) {
      server.plan(ConnectionPlan.refuse(429), ConnectionPlan.serve(3).thenClose(),
          ConnectionPlan.serveAll().startingAt(3));
      Ingester ingester = base(topic).source(x(server)).build();
      IngestProgress summary = runUntil(ingester, topic, 4);

      assertThat(values(topic)).containsExactlyElementsOf(lines.subList(0, 4));
      assertThat(keys(topic)).containsExactly("1861700000000000001", "1861700000000000002", "1861700000000000003",
          "1861700000000000004");
      assertThat(summary.errorMessages()).isEqualTo(1);
      assertThat(summary.skipped()).isEqualTo(1);
      assertThat(summary.reconnects()).isEqualTo(1);
      assertThat(summary.unrecoveredGaps()).isEqualTo(1);
      assertThat(server.requests()).hasSize(3).allSatisfy(request -> assertThat(request).isEqualTo(
          "/2/tweets/search/stream?tweet.fields=created_at,entities,note_tweet,referenced_tweets"
              + "&expansions=referenced_tweets.id"));
      assertThat(server.authorizations()).containsOnly("Bearer " + TOKEN);
    }
  }

  @Test
  void xReconnectsAfterAStalledResponse(TestInfo test) throws Exception {
    String topic = topic(test);
    List<String> lines = RecordedFrames.xStream().subList(0, 4);
    try (StreamTestServer server = StreamTestServer.jsonLines("/2/tweets/search/stream", lines)) {
      server.plan(ConnectionPlan.serve(2).thenStall(), ConnectionPlan.serveAll().startingAt(2));
      Ingester ingester = base(topic).stallTimeout(Duration.ofSeconds(2)).source(x(server)).build();
      IngestProgress summary = runUntil(ingester, topic, 4);

      assertThat(values(topic)).containsExactlyElementsOf(lines);
      assertThat(summary.reconnects()).isEqualTo(1);
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void xRefusedTokenFailsNamingTheUrlButNotTheToken(TestInfo test) {
    String topic = topic(test);
    try (StreamTestServer server = StreamTestServer.jsonLines("/2/tweets/search/stream", RecordedFrames.xStream())) {
      server.plan(ConnectionPlan.refuse(401));
      assertThatThrownBy(() -> base(topic).source(x(server)).build().run())
          .isInstanceOf(IngestException.class)
          .hasMessageContaining(server.url().toString())
          .hasMessageContaining("HTTP 401")
          .satisfies(error -> assertThat(error.getMessage()).doesNotContain(TOKEN));
    }
  }

  // ---- helpers ----

  private static Ingester.Builder base(String topic) {
    return Ingester.builder().bootstrapServers(kafka.bootstrapServers()).topic(topic).createTopic(1)
        .backoff(Duration.ofMillis(20), Duration.ofMillis(100)).failFastTimeout(Duration.ofSeconds(20));
  }

  private static Ingester.Builder jetstream(JetstreamTestServer server, String topic) {
    return base(topic).source(JetstreamSource.builder().endpoint(server.endpoint())
        .wantedCollections(List.of("app.bsky.*")).overlap(OVERLAP).build());
  }

  private static MastodonSource mastodon(StreamTestServer server, URI instance) {
    return MastodonSource.builder().instance(instance)
        .streamingUrl(URI.create(server.base() + "/api/v1/streaming"))
        .token(Secret.fromEnvironment("T", Map.of("T", TOKEN))).build();
  }

  private static XStreamSource x(StreamTestServer server) {
    return XStreamSource.builder().url(server.url()).token(Secret.fromEnvironment("T", Map.of("T", TOKEN))).build();
  }

  /** Runs the ingester until the topic holds {@code records} records, then stops it and returns the summary. */
  private static IngestProgress runUntil(Ingester ingester, String topic, int records) throws Exception {
    Future<IngestProgress> run = runner.submit(ingester::run);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      if (run.isDone()) {
        return run.get();
      }
      if (topicExists(topic) && values(topic).size() >= records) {
        break;
      }
      if (System.nanoTime() > deadline) {
        ingester.stop();
        throw new AssertionError("the topic did not reach " + records + " records within " + WAIT);
      }
      Thread.sleep(50);
    }
    ingester.stop();
    return run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static boolean topicExists(String topic) {
    try {
      kafka.consumeAll(topic, IsolationLevel.READ_UNCOMMITTED, Duration.ofSeconds(2));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static List<String> values(String topic) {
    return kafka.consumeAll(topic, IsolationLevel.READ_UNCOMMITTED, WAIT).stream()
        .map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList();
  }

  private static List<String> keys(String topic) {
    return kafka.consumeAll(topic, IsolationLevel.READ_UNCOMMITTED, WAIT).stream()
        .map(record -> new String(record.key(), StandardCharsets.UTF_8)).toList();
  }

  private static List<String> commits(List<String> frames) {
    return frames.stream().filter(frame -> frame.contains("\"kind\":\"commit\"")).toList();
  }

  private static List<String> commitsFrom(List<String> frames, long cursor) {
    return commits(frames).stream().filter(frame -> time(frame) >= cursor).toList();
  }

  private static long time(String frame) {
    Matcher matcher = TIME_US.matcher(frame);
    if (!matcher.find()) {
      throw new AssertionError("no time_us in " + frame);
    }
    return Long.parseLong(matcher.group(1));
  }

  private static List<String> duplicates(List<String> values) {
    List<String> seen = new ArrayList<>();
    List<String> twice = new ArrayList<>();
    for (String value : values) {
      if (seen.contains(value)) {
        twice.add(value);
      }
      seen.add(value);
    }
    return twice;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String topic(TestInfo test) {
    return "ingest-" + test.getTestMethod().orElseThrow().getName();
  }
}
