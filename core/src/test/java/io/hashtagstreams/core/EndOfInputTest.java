package io.hashtagstreams.core;

import static io.hashtagstreams.core.testing.TopicStream.batch;
import static io.hashtagstreams.core.testing.TopicStream.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.streaming.OutputMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.testing.TopicStream;

class EndOfInputTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final String[] INPUT = {"12:00:10 a", "12:00:20 b", "12:01:10 a", "12:02:30 c", "12:02:40 c",
      "12:03:05 d"};

  @TempDir
  Path dir;

  @Test
  void theStreamedWindowsAndTheBatchWindowsLeftOpenHoldEveryWindowOnce() throws Exception {
    List<String> streamed;
    Optional<Instant> watermark;
    try (TopicStream stream = new TopicStream()) {
      stream.start(stream.input().transform(HashtagOps.topTopics(2, MINUTE, MINUTE, MINUTE)), OutputMode.Append(),
          dir);
      streamed = stream.sendAndFlatten(INPUT);
      watermark = EndOfInput.lastWatermark(stream.query());
    }
    // max event time 12:03:05 minus one minute
    assertThat(watermark).contains(Instant.parse("2016-07-29T12:02:05Z"));
    assertThat(streamed).containsExactlyInAnyOrder("12:00-12:01 #1 a=1", "12:00-12:01 #2 b=1",
        "12:01-12:02 #1 a=1");

    List<String> leftOpen = describe(batch(INPUT).transform(HashtagOps.topTopics(2, MINUTE, MINUTE, MINUTE))
        .transform(EndOfInput.windowsLeftOpen(watermark)));

    assertThat(leftOpen).containsExactlyInAnyOrder("12:02-12:03 #1 c=2", "12:03-12:04 #1 d=1");
    List<String> all = new ArrayList<>(streamed);
    all.addAll(leftOpen);
    assertThat(all).containsExactlyInAnyOrderElementsOf(
        describe(batch(INPUT).transform(HashtagOps.topTopics(2, MINUTE, MINUTE, MINUTE))));
  }

  @Test
  void withoutAWatermarkEveryWindowIsLeftOpen() {
    assertThat(describe(batch(INPUT).transform(HashtagOps.windowedCounts(MINUTE))
        .transform(EndOfInput.windowsLeftOpen(Optional.empty())))).hasSize(5);
    assertThat(EndOfInput.watermarkOf(null)).isEmpty();
  }

  @Test
  void rejectsANullWatermarkAndAnInputWithoutAWindow() {
    assertThatThrownBy(() -> EndOfInput.windowsLeftOpen(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("windowsLeftOpen needs an Optional watermark, got null");
    assertThatThrownBy(() -> batch(INPUT).transform(EndOfInput.windowsLeftOpen(Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
  }
}
