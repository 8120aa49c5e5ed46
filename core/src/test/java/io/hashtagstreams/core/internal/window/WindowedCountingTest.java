package io.hashtagstreams.core.internal.window;

import static io.hashtagstreams.core.testing.TopicStream.batch;
import static io.hashtagstreams.core.testing.TopicStream.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.testing.SparkTestSession;
import io.hashtagstreams.core.testing.TopicStream;

class WindowedCountingTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @TempDir
  Path dir;

  @Test
  void appendEmitsEachWindowOnceAfterTheWatermarkPassesItsEnd() throws Exception {
    try (TopicStream stream = new TopicStream()) {
      stream.start(stream.input().transform(HashtagOps.windowedCounts(MINUTE)), OutputMode.Append(), dir);

      assertThat(stream.sendAndFlatten("12:00:10 a", "12:00:20 a", "12:00:30 b")).isEmpty();
      // watermark 11:59:30 -> 12:00:10: the 12:00 window is still open
      assertThat(stream.sendAndFlatten("12:01:10 a")).isEmpty();
      // 12:00:05 is older than the watermark (12:00:10) but its window has not closed: counted.
      // 12:02:05 moves the watermark to 12:01:05, which closes 12:00-12:01.
      assertThat(stream.sendAndFlatten("12:00:05 b", "12:02:05 c"))
          .containsExactlyInAnyOrder("12:00-12:01 a=2", "12:00-12:01 b=2");
      // 12:00:59 belongs to a closed window: dropped, and the window is not emitted again.
      assertThat(stream.sendAndFlatten("12:00:59 a", "12:03:30 a"))
          .containsExactly("12:01-12:02 a=1");
      assertThat(stream.droppedByWatermark()).isEqualTo(1);
      assertThat(stream.sendAndFlatten("12:05:00 d"))
          .containsExactlyInAnyOrder("12:02-12:03 c=1", "12:03-12:04 a=1");
      assertThat(stream.sendAndFlatten()).isEmpty();
    }
  }

  @Test
  void updateEmitsTheChangedRowsOfEachTrigger() throws Exception {
    try (TopicStream stream = new TopicStream()) {
      stream.start(stream.input().transform(HashtagOps.windowedCounts(MINUTE)), OutputMode.Update(), dir);

      assertThat(stream.sendAndFlatten("12:00:10 a", "12:00:20 a", "12:00:30 b"))
          .containsExactlyInAnyOrder("12:00-12:01 a=2", "12:00-12:01 b=1");
      assertThat(stream.sendAndFlatten("12:01:10 a")).containsExactly("12:01-12:02 a=1");
      assertThat(stream.sendAndFlatten("12:00:05 b", "12:02:05 c"))
          .containsExactlyInAnyOrder("12:00-12:01 b=2", "12:02-12:03 c=1");
      // the late 12:00:59 is dropped in update mode too: its window's state is gone
      assertThat(stream.sendAndFlatten("12:00:59 a", "12:03:30 a")).containsExactly("12:03-12:04 a=1");
    }
  }

  @Test
  void completeEmitsTheWholeTableEachTriggerAndKeepsEveryWindow() throws Exception {
    try (TopicStream stream = new TopicStream()) {
      stream.start(stream.input().transform(HashtagOps.windowedCounts(MINUTE)), OutputMode.Complete(), dir);

      List<List<String>> first = stream.send("12:00:10 a", "12:00:20 a", "12:00:30 b");
      assertThat(first).hasSize(1);
      assertThat(first.get(0)).containsExactlyInAnyOrder("12:00-12:01 a=2", "12:00-12:01 b=1");
      stream.send("12:01:10 a");
      stream.send("12:02:05 c");
      // complete mode keeps all state, so the watermark drops nothing: the late row is counted
      List<List<String>> last = stream.send("12:00:59 a");
      assertThat(last).hasSize(1);
      assertThat(last.get(0)).containsExactlyInAnyOrder(
          "12:00-12:01 a=3", "12:00-12:01 b=1", "12:01-12:02 a=1", "12:02-12:03 c=1");
    }
  }

  @Test
  void slidingWindowsCountARowInEveryWindowThatContainsIt() throws Exception {
    Duration twoMinutes = Duration.ofMinutes(2);
    try (TopicStream stream = new TopicStream()) {
      stream.start(stream.input().transform(HashtagOps.windowedCounts(twoMinutes, MINUTE, Duration.ZERO)),
          OutputMode.Append(), dir);

      // zero watermark delay: the watermark is the latest event time, 12:01:40, so 11:59-12:01 closes
      assertThat(stream.sendAndFlatten("12:00:30 a", "12:01:30 a", "12:01:40 b"))
          .containsExactly("11:59-12:01 a=1");
      assertThat(stream.sendAndFlatten("12:05:00 z")).containsExactlyInAnyOrder(
          "12:00-12:02 a=2", "12:00-12:02 b=1", "12:01-12:03 a=1", "12:01-12:03 b=1");
    }
  }

  @Test
  void batchGivesTheFinalCountsWithoutDroppingLateRows() {
    Dataset<Row> counts = batch("12:00:10 a", "12:00:20 a", "12:00:30 b", "12:01:10 a", "12:00:05 b",
        "12:02:05 c", "12:00:59 a", "12:03:30 a", "12:05:00 d")
        .transform(HashtagOps.windowedCounts(MINUTE));

    // the streaming run above emitted the same rows, except a=2 for 12:00 (it dropped the late 12:00:59)
    // and 12:05 d (still open when it stopped); a batch has no lateness
    assertThat(describe(counts)).containsExactlyInAnyOrder("12:00-12:01 a=3", "12:00-12:01 b=2",
        "12:01-12:02 a=1", "12:02-12:03 c=1", "12:03-12:04 a=1", "12:05-12:06 d=1");
  }

  @Test
  void slidingWindowsGiveTheSameCountsInBatch() {
    Dataset<Row> counts = batch("12:00:30 a", "12:01:30 a", "12:01:40 b")
        .transform(HashtagOps.windowedCounts(Duration.ofMinutes(2), MINUTE, Duration.ZERO));

    assertThat(describe(counts)).containsExactlyInAnyOrder("11:59-12:01 a=1", "12:00-12:02 a=2",
        "12:00-12:02 b=1", "12:01-12:03 a=1", "12:01-12:03 b=1");
  }

  @Test
  void outputHasExactlyWindowTopicAndCount() {
    Dataset<Row> counts = batch("12:00:10 a").withColumn("lang", org.apache.spark.sql.functions.lit("en"))
        .transform(HashtagOps.windowedCounts(MINUTE));

    assertThat(counts.schema().simpleString())
        .isEqualTo("struct<window:struct<start:timestamp,end:timestamp>,topic:string,count:bigint>");
  }

  @Test
  void rowsWithANullTopicOrEventTimeAreNotCounted() {
    StructType schema = new StructType().add("event_time", DataTypes.TimestampType)
        .add("topic", DataTypes.StringType);
    Timestamp noon = TopicStream.at("12:00:00");
    Dataset<Row> input = SparkTestSession.get().createDataFrame(Arrays.asList(
        RowFactory.create(noon, "a"), RowFactory.create(noon, null), RowFactory.create(null, "a")), schema);

    assertThat(describe(input.transform(HashtagOps.windowedCounts(MINUTE)))).containsExactly("12:00-12:01 a=1");
  }

  @Test
  void javadocExampleRuns() {
    Dataset<Row> topics = batch("12:00:10 a");
    Dataset<Row> counts = topics.transform(HashtagOps.windowedCounts(
        Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(2)));

    assertThat(describe(counts)).containsExactlyInAnyOrder("11:56-12:01 a=1", "11:57-12:02 a=1",
        "11:58-12:03 a=1", "11:59-12:04 a=1", "12:00-12:05 a=1");
  }

  static Stream<Arguments> invalidDurations() {
    Duration m = MINUTE;
    return Stream.of(
        Arguments.of(null, m, m, "windowedCounts: window must not be null"),
        Arguments.of(m, null, m, "windowedCounts: slide must not be null"),
        Arguments.of(m, m, null, "windowedCounts: watermark must not be null"),
        Arguments.of(Duration.ZERO, Duration.ZERO, m, "windowedCounts: window must be positive, but it is PT0S"),
        Arguments.of(m.negated(), m, m, "windowedCounts: window must be positive, but it is PT-1M"),
        Arguments.of(m, Duration.ofSeconds(-5), m, "windowedCounts: slide must be positive, but it is PT-5S"),
        Arguments.of(m, Duration.ofMinutes(2), m, "windowedCounts: slide PT2M must not exceed window PT1M"),
        Arguments.of(m, m, Duration.ofMillis(-1), "windowedCounts: watermark must be zero or positive, but it is "
            + "PT-0.001S"),
        Arguments.of(Duration.ofNanos(1_500_000), Duration.ofMillis(1), m,
            "windowedCounts: window must be a whole number of milliseconds, but it is PT0.0015S"),
        Arguments.of(m, Duration.ofNanos(999), m,
            "windowedCounts: slide must be a whole number of milliseconds, but it is PT0.000000999S"),
        Arguments.of(Duration.ofDays(365L * 1_000_000), m, m,
            "windowedCounts: window must be at most PT640511947H13.693S, but it is PT8760000000H"));
  }

  @ParameterizedTest
  @MethodSource("invalidDurations")
  void rejectsInvalidDurationsNamingTheParameterAndValue(Duration window, Duration slide, Duration watermark,
      String message) {
    Dataset<Row> input = batch("12:00:10 a");
    assertThatThrownBy(() -> input.transform(HashtagOps.windowedCounts(window, slide, watermark)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void acceptsAZeroWatermarkAndASlideEqualToTheWindow() {
    Dataset<Row> counts = batch("12:00:10 a").transform(HashtagOps.windowedCounts(MINUTE, MINUTE, Duration.ZERO));
    assertThat(describe(counts)).containsExactly("12:00-12:01 a=1");
  }

  @Test
  void rejectsAMissingColumnListingThePresentOnes() {
    Dataset<Row> input = batch("12:00:10 a").withColumnRenamed("topic", "tag");
    assertThatThrownBy(() -> input.transform(HashtagOps.windowedCounts(MINUTE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("windowedCounts needs a column 'topic', but the input has only [event_time, tag]");
  }

  @Test
  void rejectsAnEventTimeThatIsNotATimestamp() {
    Dataset<Row> input = SparkTestSession.get().sql("SELECT '2016-07-29 12:00:10' AS event_time, 'a' AS topic");
    assertThatThrownBy(() -> input.transform(HashtagOps.windowedCounts(MINUTE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("windowedCounts needs column 'event_time' of type timestamp, but it is string "
            + "(input columns: [event_time, topic])");
  }

  @Test
  void rejectsAnInputThatAlreadyHasAWatermarkOnEventTime() {
    TopicStream stream = new TopicStream();
    Dataset<Row> input = stream.input().withWatermark("event_time", "30 seconds");
    assertThatThrownBy(() -> input.transform(HashtagOps.windowedCounts(MINUTE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("windowedCounts sets the watermark on 'event_time' itself, but the input already has one "
            + "(delay 30000 ms): remove the withWatermark call and pass that delay as the watermark argument");
  }
}
