package io.hashtagstreams.core.internal.window;

import static io.hashtagstreams.core.testing.TopicStream.batch;
import static io.hashtagstreams.core.testing.TopicStream.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.sample.TopicFlood;
import io.hashtagstreams.core.testing.SparkTestSession;
import io.hashtagstreams.core.testing.TopicStream;

class ApproxTopTopicsRankingTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Instant NOON = Instant.parse("2016-07-29T12:00:00Z");
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  @TempDir
  Path dir;

  @Test
  void outputHasExactlyWindowRankTopicCountAndBoundsInBatchAndStreaming() {
    String expected = "struct<window:struct<start:timestamp,end:timestamp>,rank:int,topic:string,count:bigint,"
        + "count_lower:bigint,count_upper:bigint>";
    assertThat(batch("12:00:01 rio").transform(HashtagOps.approxTopTopics(1, 8)).schema().simpleString())
        .isEqualTo(expected);
    assertThat(new TopicStream().input().transform(HashtagOps.approxTopTopics(1, 8)).schema().simpleString())
        .isEqualTo(expected);
  }

  @Test
  void ranksByCountThenTopicWithExactBoundsInTheExactRange() {
    Dataset<Row> top = batch(
        "12:00:01 rio", "12:00:02 rio", "12:00:03 rio",
        "12:00:04 oly", "12:00:05 oly", "12:00:06 bra", "12:00:07 bra", "12:00:08 usa",
        "12:01:30 rio")
        .transform(HashtagOps.approxTopTopics(3, 8));

    assertThat(describeWithBounds(top)).containsExactlyInAnyOrder(
        "12:00-12:01 #1 rio=3 [3,3]", "12:00-12:01 #2 bra=2 [2,2]", "12:00-12:01 #3 oly=2 [2,2]",
        "12:01-12:02 #1 rio=1 [1,1]");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void equalsTopTopicsBelowTheExactRangeInBatch(long seed) {
    // 48 head topics = 0.75 * 64: the most a 64-map holds without purging
    TopicFlood flood = TopicFlood.builder().seed(seed).headTopics(48).zipfExponent(0.8).headOccurrences(3000)
        .start(NOON).span(Duration.ofMinutes(3)).build();
    Dataset<Row> topics = flood.toDataset(SparkTestSession.get(), 3);
    Duration two = Duration.ofMinutes(2);

    List<String> exact = describe(topics.transform(HashtagOps.topTopics(10, two, MINUTE, MINUTE)));
    Dataset<Row> approx = topics.transform(HashtagOps.approxTopTopics(10, 64, two, MINUTE, MINUTE));

    assertThat(exact).hasSize(40);
    assertThat(describe(approx)).containsExactlyInAnyOrderElementsOf(exact);
    assertThat(approx.where("count_lower <> count or count_upper <> count").count()).isZero();
  }

  @Test
  void equalsTopTopicsBelowTheExactRangeInStreaming() throws Exception {
    TopicFlood flood = TopicFlood.builder().seed(5).headTopics(48).zipfExponent(0.8).headOccurrences(1500)
        .start(NOON).span(Duration.ofMinutes(2)).build();
    List<String> rows = rowsOf(flood);
    List<String> exact = runAppend(HashtagOps.topTopics(10, MINUTE, MINUTE, Duration.ZERO), rows, "exact");
    List<String> approx = runAppend(HashtagOps.approxTopTopics(10, 64, MINUTE, MINUTE, Duration.ZERO), rows,
        "approx");

    assertThat(exact).hasSize(20);
    assertThat(approx).containsExactlyInAnyOrderElementsOf(exact);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14})
  void boundsContainTheTruthOnZipfDataBeyondTheExactRange(long seed) {
    TopicFlood flood = TopicFlood.builder().seed(seed).headTopics(2000).zipfExponent(1.0).headOccurrences(20_000)
        .singleUseTags(10_000).start(NOON).build();
    Map<String, Long> truth = countExactly(flood);
    List<Row> top = flood.toDataset(SparkTestSession.get(), 4)
        .transform(HashtagOps.approxTopTopics(10, 64)).collectAsList();

    assertWithinTheGuarantee(top, truth, 10, 64, flood.size());
  }

  @Test
  void streamingMergesMicroBatchesWithinTheGuarantee() throws Exception {
    TopicFlood flood = TopicFlood.builder().seed(21).headTopics(500).zipfExponent(1.0).headOccurrences(4000)
        .singleUseTags(2000).start(NOON).build();
    Map<String, Long> truth = countExactly(flood);
    List<String> rows = rowsOf(flood);
    List<Row> emitted = new ArrayList<>();
    // three micro-batches merged into the window's state, then one that closes the window
    try (TopicStream stream = new TopicStream()) {
      List<Row> collected = new ArrayList<>();
      stream.describing(row -> {
        collected.add(row);
        return "";
      });
      stream.start(stream.input().transform(HashtagOps.approxTopTopics(10, 32, MINUTE, MINUTE, Duration.ZERO)),
          OutputMode.Append(), dir.resolve("merged"));
      int third = rows.size() / 3;
      assertThat(stream.sendAndFlatten(rows.subList(0, third).toArray(String[]::new))).isEmpty();
      assertThat(stream.sendAndFlatten(rows.subList(third, 2 * third).toArray(String[]::new))).isEmpty();
      assertThat(stream.sendAndFlatten(rows.subList(2 * third, rows.size()).toArray(String[]::new))).isEmpty();
      assertThat(stream.sendAndFlatten("12:05:00 closer")).hasSize(10);
      emitted.addAll(collected);
    }
    assertWithinTheGuarantee(emitted, truth, 10, 32, flood.size());
  }

  @Test
  void appendEmitsEachWindowOnceWhenTheWatermarkClosesIt() throws Exception {
    try (TopicStream stream = new TopicStream().describing(ApproxTopTopicsRankingTest::describeWithBounds)) {
      stream.start(stream.input().transform(HashtagOps.approxTopTopics(2, 8)), OutputMode.Append(), dir);

      assertThat(stream.sendAndFlatten("12:00:10 a", "12:00:20 a", "12:00:30 b", "12:00:40 c")).isEmpty();
      assertThat(stream.sendAndFlatten("12:01:10 a")).isEmpty();
      // the watermark moves to 12:01:05 and closes 12:00-12:01; b's late row still counts
      assertThat(stream.sendAndFlatten("12:00:05 b", "12:02:05 c"))
          .containsExactly("12:00-12:01 #1 a=2 [2,2]", "12:00-12:01 #2 b=2 [2,2]");
      assertThat(stream.sendAndFlatten("12:00:59 c", "12:03:30 a")).containsExactly("12:01-12:02 #1 a=1 [1,1]");
      assertThat(stream.droppedByWatermark()).isEqualTo(1);
    }
  }

  @Test
  void updateEmitsTheCurrentRankingOfEachWindowThatChanged() throws Exception {
    try (TopicStream stream = new TopicStream().describing(ApproxTopTopicsRankingTest::describeWithBounds)) {
      stream.start(stream.input().transform(HashtagOps.approxTopTopics(2, 8)), OutputMode.Update(), dir);

      assertThat(stream.sendAndFlatten("12:00:10 a", "12:00:20 b", "12:00:30 b"))
          .containsExactly("12:00-12:01 #1 b=2 [2,2]", "12:00-12:01 #2 a=1 [1,1]");
      assertThat(stream.sendAndFlatten("12:00:40 c", "12:00:41 c", "12:00:42 c", "12:01:10 d"))
          .containsExactlyInAnyOrder("12:00-12:01 #1 c=3 [3,3]", "12:00-12:01 #2 b=2 [2,2]",
              "12:01-12:02 #1 d=1 [1,1]");
      assertThat(stream.sendAndFlatten("12:01:20 e")).containsExactly(
          "12:01-12:02 #1 d=1 [1,1]", "12:01-12:02 #2 e=1 [1,1]");
    }
  }

  @Test
  void stateStaysOneBoundedSketchPerWindowWhileUniqueTagsFlood() throws Exception {
    List<Long> approxBytes = new ArrayList<>();
    List<Long> exactBytes = new ArrayList<>();
    try (TopicStream approx = new TopicStream(); TopicStream exact = new TopicStream()) {
      approx.start(approx.input().transform(HashtagOps.approxTopTopics(3, 64)), OutputMode.Append(),
          dir.resolve("approx"));
      exact.start(exact.input().transform(HashtagOps.topTopics(3)), OutputMode.Append(), dir.resolve("exact"));
      for (int batch = 0; batch < 5; batch++) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
          rows.add("12:00:" + String.format("%02d", (batch * 10 + i % 10)) + " unique" + batch + "x" + i);
          rows.add("12:00:30 head" + (i % 4));
        }
        assertThat(approx.sendAndFlatten(rows.toArray(String[]::new))).isEmpty();
        assertThat(exact.sendAndFlatten(rows.toArray(String[]::new))).isEmpty();
        approxBytes.add(currentStateBytes(approx));
        exactBytes.add(currentStateBytes(exact));
      }
    }
    // one state row (the open window) whose sketch holds at most 48 topics of at most 12 UTF-8 bytes:
    // 48 * (8 + 4 + 12) = 1,152 bytes plus headers, Java serialization and the state store's per-row overhead;
    // it does not grow while new tags keep arriving. The exact operator's state grows with every batch of them.
    assertThat(approxBytes).allSatisfy(bytes -> assertThat(bytes).isBetween(1_152L, 4_000L));
    assertThat(approxBytes.get(4)).isLessThanOrEqualTo(approxBytes.get(0) + 300);
    assertThat(exactBytes.get(4)).isGreaterThan(3 * exactBytes.get(0));
  }

  @Test
  void defaultsAreOneMinuteTumblingWindows() {
    assertThat(describe(batch("12:00:59 a", "12:01:00 a").transform(HashtagOps.approxTopTopics(1, 8))))
        .containsExactlyInAnyOrder("12:00-12:01 #1 a=1", "12:01-12:02 #1 a=1");
  }

  @Test
  void javadocExampleRuns() {
    Dataset<Row> topics = batch("12:00:10 a", "12:00:20 b", "12:00:30 b");
    Dataset<Row> top = topics.transform(HashtagOps.approxTopTopics(10, 4096,
        Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(30)));
    assertThat(describeWithBounds(top)).containsExactly("12:00-12:01 #1 b=2 [2,2]", "12:00-12:01 #2 a=1 [1,1]");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void rejectsKBelowOne(int k) {
    Dataset<Row> input = batch("12:00:10 a");
    assertThatThrownBy(() -> input.transform(HashtagOps.approxTopTopics(k, 64)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("approxTopTopics: k must be at least 1, but it is " + k);
  }

  @Test
  void rejectsMaxTrackedThatIsNotAPowerOfTwoInRange() {
    Dataset<Row> input = batch("12:00:10 a");
    assertThatThrownBy(() -> input.transform(HashtagOps.approxTopTopics(3, 1000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("approxTopTopics: maxTracked must be a power of two from 8 to 16777216, but it is 1000 "
            + "(the nearest are 512 and 1024)");
    for (int bad : new int[] {4, 0, -8, 1 << 25, Integer.MAX_VALUE}) {
      assertThatThrownBy(() -> input.transform(HashtagOps.approxTopTopics(3, bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("approxTopTopics: maxTracked must be a power of two from 8 to 16777216, but it is " + bad);
    }
    assertThat(input.transform(HashtagOps.approxTopTopics(1, 1 << 24)).count()).isEqualTo(1);
  }

  @Test
  void rejectsInvalidDurationsMissingColumnsAndAnExistingWatermark() {
    Dataset<Row> input = batch("12:00:10 a");
    assertThatThrownBy(() -> input.transform(HashtagOps.approxTopTopics(3, 64, MINUTE, Duration.ofMinutes(2),
        MINUTE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("approxTopTopics: slide PT2M must not exceed window PT1M");
    assertThatThrownBy(() -> input.transform(HashtagOps.approxTopTopics(3, 64, MINUTE, MINUTE,
        Duration.ofSeconds(-1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("approxTopTopics: watermark must be zero or positive, but it is PT-1S");
    assertThatThrownBy(() -> input.drop("topic").transform(HashtagOps.approxTopTopics(3, 64)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("approxTopTopics needs a column 'topic', but the input has only [event_time]");
    Dataset<Row> watermarked = new TopicStream().input().withWatermark("event_time", "1 minute");
    assertThatThrownBy(() -> watermarked.transform(HashtagOps.approxTopTopics(3, 64)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("approxTopTopics sets the watermark on 'event_time' itself");
  }

  /**
   * The sketch's documented guarantee, checked against exact counts: k rows ranked 1..k by count then topic;
   * every bound contains the truth; all rows share one bound width of at most 3.5 W / maxTracked; every topic
   * more frequent than row k's upper bound is listed; and the window is really beyond the exact range.
   */
  private static void assertWithinTheGuarantee(List<Row> rows, Map<String, Long> truth, int k, int maxTracked,
      long occurrences) {
    assertThat(rows).hasSize(k);
    List<Row> ranked = new ArrayList<>(rows);
    ranked.sort(Comparator.comparingInt(row -> row.getInt(row.fieldIndex("rank"))));
    long width = -1;
    for (int i = 0; i < k; i++) {
      Row row = ranked.get(i);
      String topic = row.getString(row.fieldIndex("topic"));
      long count = row.getLong(row.fieldIndex("count"));
      long lower = row.getLong(row.fieldIndex("count_lower"));
      long upper = row.getLong(row.fieldIndex("count_upper"));
      assertThat(row.getInt(row.fieldIndex("rank"))).isEqualTo(i + 1);
      assertThat(truth.get(topic)).as(topic).isBetween(lower, upper);
      assertThat(count).isBetween(lower, upper);
      if (i > 0) {
        Row previous = ranked.get(i - 1);
        long previousCount = previous.getLong(previous.fieldIndex("count"));
        assertThat(previousCount > count || previousCount == count
            && previous.getString(previous.fieldIndex("topic")).compareTo(topic) < 0).isTrue();
      }
      assertThat(width == -1 || width == upper - lower).isTrue();
      width = upper - lower;
    }
    assertThat(width).isPositive().isLessThanOrEqualTo((long) (3.5 * occurrences / maxTracked));
    Row last = ranked.get(k - 1);
    long lastUpper = last.getLong(last.fieldIndex("count_upper"));
    List<String> listed = ranked.stream().map(row -> row.getString(row.fieldIndex("topic"))).toList();
    truth.forEach((topic, count) -> {
      if (count > lastUpper) {
        assertThat(listed).as("true count " + count + " > " + lastUpper).contains(topic);
      }
    });
  }

  private static Map<String, Long> countExactly(TopicFlood flood) {
    Map<String, Long> counts = new HashMap<>();
    flood.rows().forEachRemaining(row -> counts.merge(row.getString(1), 1L, Long::sum));
    return counts;
  }

  /** The flood's rows as TopicStream input lines ({@code "12:00:00.250 zipf3"}), all on 2016-07-29. */
  private static List<String> rowsOf(TopicFlood flood) {
    List<String> rows = new ArrayList<>();
    flood.rows().forEachRemaining(row -> rows.add(CLOCK.format(((Timestamp) row.get(0)).toInstant()) + " "
        + row.getString(1)));
    return rows;
  }

  /** Runs {@code operator} in append mode over {@code rows} (one micro-batch) and a closing row; all output. */
  private List<String> runAppend(scala.Function1<Dataset<Row>, Dataset<Row>> operator, List<String> rows,
      String name) throws Exception {
    try (TopicStream stream = new TopicStream()) {
      stream.start(stream.input().transform(operator), OutputMode.Append(), dir.resolve(name));
      List<String> emitted = new ArrayList<>(stream.sendAndFlatten(rows.toArray(String[]::new)));
      emitted.addAll(stream.sendAndFlatten("13:00:00 closer"));
      return emitted;
    }
  }

  /** {@code stateOnCurrentVersionSizeBytes} of the only state operator after the last micro-batch. */
  private static long currentStateBytes(TopicStream stream) {
    StateOperatorProgress[] operators = stream.lastProgress().stateOperators();
    assertThat(operators).hasSize(1);
    assertThat(operators[0].numRowsTotal()).isEqualTo(1);
    return operators[0].customMetrics().get("stateOnCurrentVersionSizeBytes");
  }

  private static List<String> describeWithBounds(Dataset<Row> rows) {
    List<String> described = new ArrayList<>();
    rows.collectAsList().forEach(row -> described.add(describeWithBounds(row)));
    return described;
  }

  private static String describeWithBounds(Row row) {
    return describe(row) + " [" + row.getLong(row.fieldIndex("count_lower")) + ","
        + row.getLong(row.fieldIndex("count_upper")) + "]";
  }
}
