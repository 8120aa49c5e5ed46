package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.kafka.ingest.JetstreamSource;
import io.hashtagstreams.kafka.ingest.MastodonSource;
import io.hashtagstreams.kafka.ingest.XStreamSource;
import io.hashtagstreams.kafka.testing.ConnectionPlan;
import io.hashtagstreams.kafka.testing.JetstreamTestServer;
import io.hashtagstreams.kafka.testing.RecordedFrames;
import io.hashtagstreams.kafka.testing.StreamTestServer;

/**
 * {@code ingest} through {@link HashtagStreamsApp#run} against kafka-io's local test servers and the embedded test
 * broker: the recorded Jetstream commits reach the topic and the summary is printed; a refused token and an
 * unreachable endpoint exit 1 within the bound naming the endpoint and never the token; a missing token and an
 * unknown network are usage errors. The library is tested in kafka-io ({@code IngesterTest}).
 */
class IngestCommandTest {

  private static final String TOKEN = "x-bearer-77c1d0-secret";

  @TempDir
  static Path dir;

  @Test
  void writesTheJetstreamCommitsAndPrintsTheSummary() {
    String topic = Fixtures.newTopic("ingest");
    List<String> frames = RecordedFrames.jetstream();
    try (JetstreamTestServer server = JetstreamTestServer.start(frames)) {
      Fixtures.Capture out = new Fixtures.Capture();
      Fixtures.Capture err = new Fixtures.Capture();

      int code = HashtagStreamsApp.run(new String[] {"ingest", "jetstream", "--url", server.endpoint().toString(),
          "--topic", topic, "--bootstrap-servers", Fixtures.broker().bootstrapServers(), "--duration", "4s",
          "--progress", "1s"}, out.stream(), err.stream());

      assertThat(code).as("stderr:%n%s", err.text()).isZero();
      // The default wantedCollections is app.bsky.feed.post: the two recorded posts.
      assertThat(Fixtures.consumeAll(topic)).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
          .containsExactlyElementsOf(frames.stream().filter(f -> f.contains("\"app.bsky.feed.post\"")).toList());
      assertThat(server.requests()).containsExactly("wantedCollections=app.bsky.feed.post");
      assertThat(err.text()).contains("[ingest] jetstream: reading " + server.endpoint() + " into topic " + topic)
          .containsPattern("\\[ingest\\] jetstream done: 2 posts, [\\d.]+ MB, 0 reconnects, 0 malformed, 2 skipped,"
              + " 0 error messages, 0 recovered, 0 unrecovered gaps, ")
          .doesNotContain("error:");
      assertThat(out.text()).isEmpty();
    }
  }

  @Test
  void aRefusedTokenExitsOneNamingTheUrlNotTheToken() throws IOException {
    Path tokenFile = Files.writeString(dir.resolve("x-token"), TOKEN + "\n");
    try (StreamTestServer server = StreamTestServer.jsonLines("/2/tweets/search/stream", RecordedFrames.xStream())) {
      server.plan(ConnectionPlan.refuse(401));
      Fixtures.Capture out = new Fixtures.Capture();
      Fixtures.Capture err = new Fixtures.Capture();

      int code = HashtagStreamsApp.run(new String[] {"ingest", "x", "--url", server.url().toString(),
          "--token-file", tokenFile.toString(), "--topic", Fixtures.newTopic("ingest-x"),
          "--bootstrap-servers", Fixtures.broker().bootstrapServers()}, out.stream(), err.stream());

      assertThat(code).isEqualTo(1);
      assertThat(err.text()).contains("error: Ingester: " + server.url() + " answered HTTP 401")
          .doesNotContain(TOKEN);
      assertThat(out.text()).doesNotContain(TOKEN);
      assertThat(server.authorizations()).containsExactly("Bearer " + TOKEN);
    }
  }

  @Test
  void readsAMastodonHashtagStreamWithTheTokenFromAFile() throws IOException {
    Path tokenFile = Files.writeString(dir.resolve("mastodon-token"), TOKEN + "\n");
    List<String> statuses = RecordedFrames.mastodonStatuses();
    List<String> events = statuses.stream().map(StreamTestServer::update).toList();
    String topic = Fixtures.newTopic("ingest-mastodon");
    try (StreamTestServer server = StreamTestServer.serverSentEvents("/api/v1/streaming/hashtag", events)) {
      Fixtures.Capture err = new Fixtures.Capture();

      int code = HashtagStreamsApp.run(new String[] {"ingest", "mastodon", "--url", server.base().toString(),
          "--stream", "hashtag", "--tag", "hiking", "--token-file", tokenFile.toString(), "--topic", topic,
          "--bootstrap-servers", Fixtures.broker().bootstrapServers(), "--duration", "4s"},
          new Fixtures.Capture().stream(), err.stream());

      assertThat(code).as("stderr:%n%s", err.text()).isZero();
      assertThat(Fixtures.consumeAll(topic)).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
          .containsExactlyElementsOf(statuses);
      assertThat(server.requests()).containsExactly("/api/v1/streaming/hashtag?tag=hiking");
      assertThat(server.authorizations()).containsExactly("Bearer " + TOKEN);
      assertThat(err.text()).doesNotContain(TOKEN);
    }
  }

  @Test
  void aStreamForAnotherNetworkThanMastodonIsAUsageError() {
    Fixtures.Capture err = new Fixtures.Capture();

    int code = HashtagStreamsApp.run(new String[] {"ingest", "jetstream", "--stream", "hashtag", "--topic", "t"},
        new Fixtures.Capture().stream(), err.stream());

    assertThat(code).isEqualTo(2);
    assertThat(err.text()).startsWith("error: --stream applies only to mastodon, not to jetstream");
  }

  @Test
  void anUnreachableEndpointExitsOneWithinTheTimeout() throws IOException {
    String closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = "ws://127.0.0.1:" + socket.getLocalPort() + "/subscribe";
    }
    Fixtures.Capture err = new Fixtures.Capture();
    long start = System.nanoTime();

    int code = HashtagStreamsApp.run(new String[] {"ingest", "jetstream", "--url", closed, "--topic",
        Fixtures.newTopic("ingest-closed"), "--bootstrap-servers", Fixtures.broker().bootstrapServers(),
        "--kafka-timeout", "2s"}, new Fixtures.Capture().stream(), err.stream());

    assertThat(code).isEqualTo(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    assertThat(err.text()).contains("error: Ingester: cannot reach " + closed + " within 2 s");
  }

  @Test
  void xWithoutATokenIsAUsageError() {
    Fixtures.Capture err = new Fixtures.Capture();

    int code = HashtagStreamsApp.run(new String[] {"ingest", "x", "--token-env", "HASHTAG_STREAMS_UNSET_VARIABLE",
        "--topic", "t", "--bootstrap-servers", "127.0.0.1:9"}, new Fixtures.Capture().stream(), err.stream());

    assertThat(code).isEqualTo(2);
    assertThat(err.text()).startsWith("error: no token: set environment variable HASHTAG_STREAMS_UNSET_VARIABLE or"
        + " pass --token-file PATH");
  }

  @Test
  void anUnknownNetworkIsAUsageError() {
    Fixtures.Capture err = new Fixtures.Capture();

    int code = HashtagStreamsApp.run(new String[] {"ingest", "myspace", "--topic", "t"},
        new Fixtures.Capture().stream(), err.stream());

    assertThat(code).isEqualTo(2);
    assertThat(err.text()).startsWith("error: the network must be one of jetstream, mastodon, x, but was 'myspace'");
  }

  @Test
  void urlsDefaultToTheNetworksPublicEndpoints() {
    assertThat(LiveSources.create("jetstream", null, null, null, Map.of()).endpoint())
        .isEqualTo(JetstreamSource.PUBLIC_ENDPOINT);
    assertThat(LiveSources.create("mastodon", null, null, null, Map.of()).endpoint().toString())
        .isEqualTo(MastodonSource.PUBLIC_INSTANCE + "/api/v1/streaming/public");
    assertThat(LiveSources.create("x", null, null, null, Map.of("X_BEARER_TOKEN", TOKEN)).endpoint())
        .isEqualTo(XStreamSource.FILTERED_STREAM);
  }
}
