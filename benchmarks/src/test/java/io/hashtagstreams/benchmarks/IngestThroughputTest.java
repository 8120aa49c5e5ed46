package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.hashtagstreams.kafka.internal.ingest.Inspection;
import io.hashtagstreams.kafka.internal.ingest.JetstreamFrames;
import io.hashtagstreams.kafka.testing.RecordedFrames;

/**
 * Runs the ingest harness once with 3,000 posts on an in-process broker: every post was acknowledged (the harness
 * checks the count) and the table has the run; the copies of the recorded frames are valid Jetstream posts with
 * their own cursor and key. No timing assertions.
 */
class IngestThroughputTest {

  @Test
  void ingestsEveryPostOnTinyInput() throws Exception {
    IngestThroughput.Config config = new IngestThroughput.Config(3000, 1, "jvm");
    List<IngestThroughput.Run> runs = IngestThroughput.run(config);

    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).posts()).isEqualTo(3000);
    assertThat(IngestThroughput.toTable(config, runs, "1 2 3")).contains("| 1 ", "posts per run: 3000, broker: jvm",
        "load average (1/5/15 min) at the end: 1 2 3");
  }

  @Test
  void copiesGetTheirOwnCursorAndKey() {
    List<String> posts = RecordedFrames.jetstream().stream()
        .filter(frame -> frame.contains("\"collection\":\"app.bsky.feed.post\"")).toList();
    Inspection first = JetstreamFrames.inspect(IngestThroughput.copy(posts, 0, 100).getBytes());
    Inspection third = JetstreamFrames.inspect(IngestThroughput.copy(posts, 2, 100).getBytes());

    assertThat(first.kind()).isEqualTo(Inspection.Kind.POST);
    assertThat(first.cursorMicros()).isEqualTo(100);
    assertThat(third.cursorMicros()).isEqualTo(102);
    assertThat(new String(first.key())).isEqualTo("at://did:plc:yj3sjq3blzpynh27cumnp5ks/app.bsky.feed.post/3lbhtyteurk2y-0");
    assertThat(new String(third.key())).isEqualTo("at://did:plc:yj3sjq3blzpynh27cumnp5ks/app.bsky.feed.post/3lbhtyteurk2y-2");
  }

  @Test
  void parsesArguments() {
    assertThat(IngestThroughput.Config.parse()).isEqualTo(new IngestThroughput.Config(200_000, 1, "process"));
    assertThat(IngestThroughput.Config.parse("--posts=10", "--repeat=2", "--broker=jvm"))
        .isEqualTo(new IngestThroughput.Config(10, 2, "jvm"));
    assertThatThrownBy(() -> IngestThroughput.Config.parse("--posts=0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--posts=0");
  }
}
