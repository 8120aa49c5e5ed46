package io.hashtagstreams.kafka.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hashtagstreams.kafka.testing.RecordedFrames;

/** {@link JetstreamFrames} on the real recorded messages and on broken ones. */
class JetstreamFramesTest {

  private static Inspection inspect(String frame) {
    return JetstreamFrames.inspect(frame.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aCommitIsAPostKeyedByItsAtUriWithItsCursor() {
    List<String> frames = RecordedFrames.jetstream();
    Inspection post = inspect(frames.get(4));

    assertThat(post.kind()).isEqualTo(Inspection.Kind.POST);
    assertThat(new String(post.key(), StandardCharsets.UTF_8))
        .isEqualTo("at://did:plc:yj3sjq3blzpynh27cumnp5ks/app.bsky.feed.post/3lbhtyteurk2y");
    assertThat(post.cursorMicros()).isEqualTo(1732206349000167L);
    assertThat(post.eventMillis()).isEqualTo(1732206349000L);
  }

  @Test
  void identityAndAccountEventsAreSkipped() {
    List<String> frames = RecordedFrames.jetstream();
    assertThat(inspect(frames.get(0)).kind()).isEqualTo(Inspection.Kind.SKIP);
    assertThat(inspect(frames.get(0)).reason()).isEqualTo("identity");
    assertThat(inspect(frames.get(1)).reason()).isEqualTo("account");
  }

  @Test
  void everyRecordedCommitIsAPost() {
    assertThat(RecordedFrames.jetstream().stream().map(JetstreamFramesTest::inspect).map(Inspection::kind))
        .containsExactly(Inspection.Kind.SKIP, Inspection.Kind.SKIP, Inspection.Kind.POST, Inspection.Kind.POST,
            Inspection.Kind.POST, Inspection.Kind.POST, Inspection.Kind.POST, Inspection.Kind.POST,
            Inspection.Kind.POST);
  }

  @Test
  void brokenFramesAreMalformedWithTheReason() {
    assertThat(inspect("{\"did\":\"did:plc:x\",\"time_us\":17").reason()).startsWith("not one JSON object");
    assertThat(inspect("[1,2]").kind()).isEqualTo(Inspection.Kind.MALFORMED);
    assertThat(inspect("{\"kind\":\"commit\"} trailing").reason()).startsWith("not one JSON object");
    assertThat(inspect("{\"did\":\"did:plc:x\",\"time_us\":1}").reason()).isEqualTo("no kind");
    assertThat(inspect("{\"did\":\"did:plc:x\",\"time_us\":\"1\",\"kind\":\"commit\"}").reason())
        .isEqualTo("time_us is not an integer");
    assertThat(inspect("{\"did\":\"did:plc:x\",\"time_us\":1,\"kind\":\"commit\",\"commit\":{\"collection\":\"c\"}}")
        .reason()).isEqualTo("a commit needs did, time_us, commit.collection and commit.rkey");
  }
}
