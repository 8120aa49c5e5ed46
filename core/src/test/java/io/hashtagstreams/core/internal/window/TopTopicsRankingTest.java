package io.hashtagstreams.core.internal.window;

import static io.hashtagstreams.core.testing.TopicStream.batch;
import static io.hashtagstreams.core.testing.TopicStream.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.testing.SparkLine;
import io.hashtagstreams.core.testing.TopicStream;

class TopTopicsRankingTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** U+FF41 (fullwidth a) sorts after an emoji in String.compareTo, but before it in UTF-8 byte order. */
  private static final String FULLWIDTH_A = "\uFF41";
  private static final String GRINNING = "\uD83D\uDE00";

  @TempDir
  Path dir;

  @Test
  void ranksTheKMostFrequentTopicsPerWindowInBatch() {
    Dataset<Row> top = batch(
        "12:00:01 rio", "12:00:02 rio", "12:00:03 rio",
        "12:00:04 oly", "12:00:05 oly", "12:00:06 bra", "12:00:07 bra", "12:00:08 usa",
        "12:01:30 rio")
        .transform(HashtagOps.topTopics(3));

    // bra and oly tie at 2: bra first; usa (1) is fourth and cut; 12:01 has fewer than k topics
    assertThat(describe(top)).containsExactlyInAnyOrder(
        "12:00-12:01 #1 rio=3", "12:00-12:01 #2 bra=2", "12:00-12:01 #3 oly=2",
        "12:01-12:02 #1 rio=1");
  }

  @Test
  void outputHasExactlyWindowRankTopicAndCountInBatchAndStreaming() throws Exception {
    String expected = "struct<window:struct<start:timestamp,end:timestamp>,rank:int,topic:string,count:bigint>";
    assertThat(batch("12:00:01 rio").transform(HashtagOps.topTopics(1)).schema().simpleString())
        .isEqualTo(expected);
    assertThat(new TopicStream().input().transform(HashtagOps.topTopics(1)).schema().simpleString())
        .isEqualTo(expected);
  }

  @Test
  void appendEmitsEachWindowsRankingOnceWhenTheWatermarkClosesIt() throws Exception {
    try (TopicStream stream = new TopicStream()) {
      stream.start(stream.input().transform(HashtagOps.topTopics(2)), OutputMode.Append(), dir);

      assertThat(stream.sendAndFlatten("12:00:10 a", "12:00:20 a", "12:00:30 b", "12:00:40 c")).isEmpty();
      assertThat(stateRows(stream)).isEqualTo(1);
      assertThat(stream.sendAndFlatten("12:01:10 a")).isEmpty();
      // 12:00:05 is older than the watermark (12:00:10) but its window is open: counted, b ties a.
      // 12:02:05 moves the watermark to 12:01:05 and closes 12:00-12:01.
      assertThat(stream.sendAndFlatten("12:00:05 b", "12:02:05 c"))
          .containsExactly("12:00-12:01 #1 a=2", "12:00-12:01 #2 b=2");
      assertThat(stateRows(stream)).isEqualTo(2);
      // rows for the closed window (and a flood of them for c) neither re-open nor re-emit it
      assertThat(stream.sendAndFlatten("12:00:59 c", "12:00:58 c", "12:00:57 c", "12:03:30 a"))
          .containsExactly("12:01-12:02 #1 a=1");
      assertThat(stream.droppedByWatermark()).isEqualTo(3);
      assertThat(stream.sendAndFlatten("12:10:00 d"))
          .containsExactlyInAnyOrder("12:02-12:03 #1 c=1", "12:03-12:04 #1 a=1");
      assertThat(stateRows(stream)).isEqualTo(1);
      assertThat(stream.sendAndFlatten("12:00:30 z", "12:20:00 e")).containsExactly("12:10-12:11 #1 d=1");
      assertThat(stateRows(stream)).isEqualTo(1);
    }
  }

  @Test
  void rowsOfAWindowThatClosesInTheirOwnBatchAreRankedNotDropped() throws Exception {
    // Without no-data batches, a batch whose watermark has just moved past a window's end still receives that
    // window's rows (Spark filters with the previous batch's watermark): they must count, and the rest be counted
    // by Spark as dropped.
    var spark = io.hashtagstreams.core.testing.SparkTestSession.get();
    spark.conf().set("spark.sql.streaming.noDataMicroBatches.enabled", "false");
    try (TopicStream stream = new TopicStream()) {
      stream.start(stream.input().transform(HashtagOps.topTopics(2, MINUTE, MINUTE, MINUTE)), OutputMode.Append(),
          dir);
      spark.conf().unset("spark.sql.streaming.noDataMicroBatches.enabled");

      assertThat(stream.sendAndFlatten("12:00:10 a", "12:03:00 x")).isEmpty();
      // this batch runs with watermark 12:02, the previous one ran with none: 12:00-12:01 closes now, with these
      assertThat(stream.sendAndFlatten("12:00:30 a", "12:00:40 b")).containsExactly("12:00-12:01 #1 a=2",
          "12:00-12:01 #2 b=1");
      assertThat(stream.droppedByWatermark()).isZero();
      // now the previous batch ran with 12:02 too: Spark drops the row and counts it
      assertThat(stream.sendAndFlatten("12:00:50 c")).isEmpty();
      assertThat(stream.droppedByWatermark()).isEqualTo(1);
    } finally {
      spark.conf().unset("spark.sql.streaming.noDataMicroBatches.enabled");
    }
  }

  @Test
  void stateHoldsOnlyTheWindowsNotYetEmitted() throws Exception {
    try (TopicStream stream = new TopicStream()) {
      stream.start(stream.input().transform(HashtagOps.topTopics(1, MINUTE, MINUTE, Duration.ofMinutes(5))),
          OutputMode.Append(), dir);

      assertThat(stream.sendAndFlatten("12:00:10 a", "12:01:10 b", "12:02:10 c", "12:03:10 d", "12:04:10 e"))
          .isEmpty();
      assertThat(stateRows(stream)).isEqualTo(5);
      // the watermark moves to 12:05:00: all five windows are final, emitted and dropped; 12:10 is the only one
      assertThat(stream.sendAndFlatten("12:10:00 f")).containsExactlyInAnyOrder("12:00-12:01 #1 a=1",
          "12:01-12:02 #1 b=1", "12:02-12:03 #1 c=1", "12:03-12:04 #1 d=1", "12:04-12:05 #1 e=1");
      assertThat(stateRows(stream)).isEqualTo(1);
    }
  }

  @Test
  void tiesFollowStringCompareToInBatchAndStreaming() throws Exception {
    String[] rows = {"12:00:01 " + FULLWIDTH_A, "12:00:02 " + GRINNING, "12:00:03 b", "12:00:04 b"};
    List<String> expected = List.of("12:00-12:01 #1 b=2", "12:00-12:01 #2 " + GRINNING + "=1");
    assertThat(GRINNING.compareTo(FULLWIDTH_A)).isNegative();

    assertThat(describe(batch(rows).transform(HashtagOps.topTopics(2)))).containsExactlyInAnyOrderElementsOf(expected);
    try (TopicStream stream = new TopicStream()) {
      stream.start(stream.input().transform(HashtagOps.topTopics(2, MINUTE, MINUTE, Duration.ZERO)),
          OutputMode.Append(), dir);
      List<String> emitted = new ArrayList<>(stream.sendAndFlatten(rows));
      emitted.addAll(stream.sendAndFlatten("12:05:00 x"));
      assertThat(emitted).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void slidingWindowsRankTheSameInStreamingAndBatch() throws Exception {
    String[] rows = {"12:00:30 a", "12:00:40 b", "12:01:30 b", "12:01:40 c", "12:01:50 c"};
    Duration two = Duration.ofMinutes(2);
    List<String> expected = List.of(
        "11:59-12:01 #1 a=1", "11:59-12:01 #2 b=1",
        "12:00-12:02 #1 b=2", "12:00-12:02 #2 c=2",
        "12:01-12:03 #1 c=2", "12:01-12:03 #2 b=1");

    assertThat(describe(batch(rows).transform(HashtagOps.topTopics(2, two, MINUTE, Duration.ZERO))))
        .containsExactlyInAnyOrderElementsOf(expected);
    try (TopicStream stream = new TopicStream()) {
      stream.start(stream.input().transform(HashtagOps.topTopics(2, two, MINUTE, Duration.ZERO)),
          OutputMode.Append(), dir);
      List<String> emitted = new ArrayList<>(stream.sendAndFlatten(rows));
      emitted.addAll(stream.sendAndFlatten("12:09:00 x"));
      assertThat(emitted).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"update", "complete"})
  void otherOutputModesFailWhenTheQueryStarts(String mode) {
    TopicStream stream = new TopicStream();
    Dataset<Row> top = stream.input().transform(HashtagOps.topTopics(3));
    assertThatThrownBy(() -> top.writeStream().format("memory").queryName("rejected_" + mode)
        .outputMode(mode).option("checkpointLocation", dir.resolve(mode).toString()).start())
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining(mode.equals("update")
            ? "flatMapGroupsWithState in append mode is not supported with Update output mode"
            : SparkLine.COMPLETE_MODE_WITHOUT_AGGREGATION);
  }

  @Test
  void defaultsAreOneMinuteTumblingWindows() {
    assertThat(describe(batch("12:00:59 a", "12:01:00 a").transform(HashtagOps.topTopics(1))))
        .containsExactlyInAnyOrder("12:00-12:01 #1 a=1", "12:01-12:02 #1 a=1");
  }

  @Test
  void javadocExampleRuns() {
    Dataset<Row> topics = batch("12:00:10 a", "12:00:20 b", "12:00:30 b");
    Dataset<Row> top = topics.transform(HashtagOps.topTopics(10,
        Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(30)));
    assertThat(describe(top)).containsExactlyInAnyOrder("12:00-12:01 #1 b=2", "12:00-12:01 #2 a=1");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void rejectsKBelowOne(int k) {
    Dataset<Row> input = batch("12:00:10 a");
    assertThatThrownBy(() -> input.transform(HashtagOps.topTopics(k)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("topTopics: k must be at least 1, but it is " + k);
  }

  @Test
  void rejectsInvalidDurationsAndMissingColumns() {
    Dataset<Row> input = batch("12:00:10 a");
    assertThatThrownBy(() -> input.transform(HashtagOps.topTopics(3, MINUTE, Duration.ofMinutes(2), MINUTE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("topTopics: slide PT2M must not exceed window PT1M");
    assertThatThrownBy(() -> input.drop("event_time").transform(HashtagOps.topTopics(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("topTopics needs a column 'event_time', but the input has only [topic]");
  }

  /** Windows held in state after the last micro-batch. */
  private static long stateRows(TopicStream stream) {
    StreamingQueryProgress progress = stream.lastProgress();
    StateOperatorProgress[] operators = progress.stateOperators();
    assertThat(operators).hasSize(1);
    return operators[0].numRowsTotal();
  }
}
