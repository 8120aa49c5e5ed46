package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.testing.SparkTestSession;
import io.hashtagstreams.kafka.testing.JetstreamTestServer;
import io.hashtagstreams.kafka.testing.RecordedFrames;
import io.hashtagstreams.kafka.testing.StreamTestServer;

/**
 * {@code --live} through {@link HashtagStreamsApp#run} on the embedded default broker: a {@code raw} run fed by
 * {@link LiveFeed} from kafka-io's local Jetstream test server prints exactly the recorded posts, then stops the
 * ingest with the query. (Reading the posts' hashtags is the formats work's; {@code raw} needs none of it.)
 */
class LiveFeedTest {

  @Test
  void rawRunWithLiveJetstreamPrintsTheRecordedPosts() {
    SparkTestSession.get();
    List<String> posts = RecordedFrames.jetstream().stream().filter(f -> f.contains("\"app.bsky.feed.post\""))
        .toList();
    try (JetstreamTestServer server = JetstreamTestServer.start(RecordedFrames.jetstream())) {
      Fixtures.Capture out = new Fixtures.Capture();
      Fixtures.Capture err = new Fixtures.Capture();

      int code = HashtagStreamsApp.run(new String[] {"raw", "--live", "jetstream", "--live-url",
          server.endpoint().toString(), "--duration", "20s", "--trigger", "1s", "--rows", "10", "--no-ui"},
          out.stream(), err.stream());

      assertThat(code).as("exit code; stderr:%n%s", err.text()).isZero();
      assertThat(err.text()).containsPattern("\\[kafka\\] embedded broker at 127\\.0\\.0\\.1:\\d+: feeding topic tweets"
          + " from jetstream at \\Q" + server.endpoint() + "\\E")
          .contains("[app] raw ran for 20s; 2 live posts ingested")
          .doesNotContain("error:");
      for (String post : posts) {
        assertThat(out.text()).contains(post);
      }
      assertThat(server.requests()).containsExactly("wantedCollections=app.bsky.feed.post");
      assertThat(SparkTestSession.get().streams().active()).isEmpty();
    }
  }

  @TempDir
  Path dir;

  @Test
  void countsRunWithLiveXCountsTheHashtagsOfTheStreamedPosts() throws IOException {
    SparkTestSession.get();
    Path token = Files.writeString(dir.resolve("x-token"), "live-x-token-5e1\n");
    try (StreamTestServer server = StreamTestServer.jsonLines("/2/tweets/search/stream",
        RecordedFrames.xStream().subList(0, 4))) {
      Fixtures.Capture out = new Fixtures.Capture();
      Fixtures.Capture err = new Fixtures.Capture();

      int code = HashtagStreamsApp.run(new String[] {"counts", "--live", "x", "--live-url", server.url().toString(),
          "--token-file", token.toString(), "--duration", "25s", "--trigger", "1s", "--rows", "50", "--no-ui"},
          out.stream(), err.stream());

      assertThat(code).as("exit code; stderr:%n%s", err.text()).isZero();
      assertThat(out.text()).contains("running", "berlin", "java", "opensource", "urbangardening", "café");
      assertThat(out.text() + err.text()).doesNotContain("live-x-token-5e1");
    }
  }
}
