package io.hashtagstreams.kafka.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hashtagstreams.kafka.testing.RecordedFrames;

/** {@link XLines} on X v2 stream lines in the documented shape, keep-alives, error lines and broken lines. */
class XLinesTest {

  private static Inspection inspect(String line) {
    return XLines.inspect(line.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPostIsKeyedByDataIdWithItsCreatedAt() {
    Inspection post = inspect(RecordedFrames.xStream().get(1));

    assertThat(post.kind()).isEqualTo(Inspection.Kind.POST);
    assertThat(new String(post.key(), StandardCharsets.UTF_8)).isEqualTo("1861700000000000002");
    assertThat(post.eventMillis()).isEqualTo(Instant.parse("2024-11-27T09:20:03.000Z").toEpochMilli());
  }

  @Test
  void keepAlivesAreSkipped() {
    assertThat(inspect("").kind()).isEqualTo(Inspection.Kind.SKIP);
    assertThat(inspect("\r").kind()).isEqualTo(Inspection.Kind.SKIP);
  }

  @Test
  void anErrorLineIsAnErrorWithItsTitleAndDetail() {
    List<String> lines = RecordedFrames.xStream();
    Inspection error = inspect(lines.get(lines.size() - 1));

    assertThat(error.kind()).isEqualTo(Inspection.Kind.ERROR);
    assertThat(error.reason()).isEqualTo("operational-disconnect: This stream has been disconnected upstream for"
        + " operational reasons.");
  }

  @Test
  void otherLinesAreMalformed() {
    assertThat(inspect("{\"matching_rules\":[]}").reason()).isEqualTo("neither data nor errors");
    assertThat(inspect("{\"data\":{\"text\":\"no id\"}}").reason()).isEqualTo("data without id");
    assertThat(inspect("data: {}").reason()).startsWith("not one JSON object");
  }
}
