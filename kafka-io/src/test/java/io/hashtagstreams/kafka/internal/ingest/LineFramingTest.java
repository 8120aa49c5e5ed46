package io.hashtagstreams.kafka.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link LineFraming}: JSON lines pass one by one; server-sent events become frames by type, as the format says. */
class LineFramingTest {

  /** Records what a framing hands on. */
  private static final class Recorder implements FrameHandler {
    final List<String> frames = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();

    @Override
    public void opened() {
    }

    @Override
    public void frame(byte[] frame) {
      frames.add(new String(frame, StandardCharsets.UTF_8));
    }

    @Override
    public void skipped(String what) {
      skipped.add(what);
    }

    @Override
    public void activity() {
    }
  }

  private static Recorder feed(LineFraming framing, String text) throws InterruptedException {
    Recorder recorder = new Recorder();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        framing.line(bytes, start, i, recorder);
        start = i + 1;
      }
    }
    return recorder;
  }

  @Test
  void serverSentEventsOfTheWantedTypeBecomeFrames() throws InterruptedException {
    Recorder recorder = feed(LineFraming.serverSentEvents("update"), ":thump\n"
        + "event: update\ndata: {\"id\":\"1\"}\n\n"
        + "event: delete\ndata: 1\n\n"
        + "event: update\ndata: {\"id\":\n" + "data: \"2\"}\n\n"
        + "data: no event type\n\n");

    assertThat(recorder.frames).containsExactly("{\"id\":\"1\"}", "{\"id\":\n\"2\"}");
    assertThat(recorder.skipped).containsExactly("heartbeat", "delete", "message");
  }

  @Test
  void jsonLinesPassEveryLineIncludingKeepAlives() throws InterruptedException {
    Recorder recorder = feed(LineFraming.jsonLines(), "{\"data\":1}\n\n{\"data\":2}\n");

    assertThat(recorder.frames).containsExactly("{\"data\":1}", "", "{\"data\":2}");
  }
}
