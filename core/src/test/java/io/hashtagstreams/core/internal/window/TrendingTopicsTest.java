package io.hashtagstreams.core.internal.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.TrendOptions;
import io.hashtagstreams.core.testing.TopicStream;

/**
 * The semantic rules of {@code trendingTopics}, each on a batch Dataset and on a streaming MemoryStream source
 * (one micro-batch per minute of event time), both compared with {@link TrendOracle}'s independent computation.
 */
class TrendingTopicsTest {

  private static final TrendOptions DEFAULTS = TrendOptions.defaults();
  private static final AtomicInteger RUNS = new AtomicInteger();

  @TempDir
  Path dir;

  @Test
  void quietTagThatJumpsToHundredsIsRankOneInTheFirstWindowOfItsJump() throws Exception {
    List<List<String>> minutes = new ArrayList<>();
    for (int m = 0; m < 7; m++) {
      minutes.add(rows(minute(m, "big", 200), minute(m, "mid", 50), minute(m, "small", 20),
          minute(m, "quiet", m == 5 ? 300 : 2)));
    }
    assertListed(DEFAULTS, minutes, "12:05-12:06 #1 quiet=300");
  }

  @Test
  void alwaysBigSteadyTagIsNeverListedHoweverBig() throws Exception {
    List<List<String>> minutes = new ArrayList<>();
    for (int m = 0; m < 8; m++) {
      minutes.add(rows(minute(m, "huge", 5000), minute(m, "mid", 40), minute(m, "rising", 5 + 30 * m)));
    }
    TrendOptions anyRise = TrendOptions.builder().minScore(0).minCount(1).build();
    // only the tag whose share grows is listed, never "huge", even with no score threshold at all
    assertListed(anyRise, minutes, "12:03-12:04 #1 rising=95", "12:04-12:05 #1 rising=125",
        "12:05-12:06 #1 rising=155", "12:06-12:07 #1 rising=185", "12:07-12:08 #1 rising=215");
  }

  @Test
  void steadyTagsWithPoissonNoiseStayBelowTheDefaultMinScore() throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    int[] rates = {3, 5, 8, 12, 20, 35, 60, 100, 170, 300, 500, 800};
    List<List<String>> minutes = new ArrayList<>();
    for (int m = 0; m < 20; m++) {
      List<String> rows = new ArrayList<>();
      for (int t = 0; t < rates.length; t++) {
        rows.addAll(minute(m, "tag" + t, poisson(rates[t], random)));
      }
      minutes.add(rows);
    }
    List<String> noise = batchRun(TrendOptions.builder().minScore(0).minCount(1).build(), flatten(minutes));
    // the noise is there: with no thresholds, tags that happen to rise a little are listed, all scoring below 15
    assertThat(noise).hasSizeGreaterThan(5);
    assertThat(noise.stream().mapToDouble(TrendingTopicsTest::score).max().orElseThrow()).isBetween(0.5, 15.0);
    assertListed(DEFAULTS, minutes);
  }

  @Test
  void wholeStreamVolumeDoublingOrHalvingListsNothing() throws Exception {
    List<List<String>> minutes = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      int factor = m >= 5 && m < 8 ? 4 : m >= 8 ? 1 : 2;
      minutes.add(rows(minute(m, "big", 100 * factor), minute(m, "mid", 25 * factor), minute(m, "small", 10 * factor)));
    }
    assertListed(TrendOptions.builder().minScore(0).minCount(1).build(), minutes);
    assertListed(DEFAULTS, minutes);
  }

  @Test
  void brandNewTagNeedsTheMinimumCount() throws Exception {
    List<List<String>> minutes = new ArrayList<>();
    for (int m = 0; m < 7; m++) {
      minutes.add(rows(minute(m, "big", 300), minute(m, "mid", 60),
          m == 4 ? minute(m, "almost", 9) : List.of(),
          m == 5 ? minute(m, "enough", 10) : List.of(),
          m == 6 ? minute(m, "single", 1) : List.of()));
    }
    assertListed(DEFAULTS, minutes, "12:05-12:06 #1 enough=10");
    assertListed(TrendOptions.builder().minCount(9).build(), minutes, "12:04-12:05 #1 almost=9",
        "12:05-12:06 #1 enough=10");
  }

  @Test
  void vanishedTagIsNeverListed() throws Exception {
    List<List<String>> minutes = new ArrayList<>();
    for (int m = 0; m < 8; m++) {
      minutes.add(rows(minute(m, "steady", 1000), minute(m, "other", 500), m < 4 ? minute(m, "gone", 40) : List.of(),
          m == 5 ? minute(m, "surge", 120) : minute(m, "surge", 3)));
    }
    // when "gone" stops, the other shares rise by 2.6 %: not enough to list them; the surge is listed
    assertListed(DEFAULTS, minutes, "12:05-12:06 #1 surge=120");
    List<String> anything = batchRun(TrendOptions.builder().minScore(0).minCount(1).build(), flatten(minutes));
    assertThat(anything).noneMatch(row -> row.contains(" gone="));
  }

  @Test
  void scoreGrowsWithEvidenceTwoToTwentyScoresBelowTwentyToTwoHundred() throws Exception {
    List<List<String>> minutes = new ArrayList<>();
    for (int m = 0; m < 6; m++) {
      minutes.add(rows(minute(m, "big", 500), minute(m, "few", m == 5 ? 20 : 2),
          minute(m, "some", m == 5 ? 200 : 20)));
    }
    List<String> rows = assertListed(DEFAULTS, minutes, "12:05-12:06 #1 some=200", "12:05-12:06 #2 few=20");
    assertThat(score(rows.get(0))).isGreaterThan(5 * score(rows.get(1)));
  }

  @Test
  void nothingIsListedBeforeThreeWindowsOfHistoryThenABrandNewSurgeIs() throws Exception {
    List<List<String>> minutes = new ArrayList<>();
    for (int m = 0; m < 5; m++) {
      minutes.add(rows(minute(m, "big", 1000), minute(m, "mid", 250),
          m == 1 ? minute(m, "early", 100) : List.of(),
          m == 2 ? minute(m, "second", 100) : List.of(),
          m == 3 ? minute(m, "late", 100) : List.of()));
    }
    assertListed(DEFAULTS, minutes, "12:03-12:04 #1 late=100");
    // with a history of 2 the stream needs only 2 windows: "second" is listed, "early" still is not
    assertListed(TrendOptions.builder().history(2).build(), minutes, "12:02-12:03 #1 second=100",
        "12:03-12:04 #1 late=100");
  }

  @Test
  void batchAndStreamingGiveTheSameRowsWithLateRowsAndGaps() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    List<List<String>> batches = new ArrayList<>();
    for (int m = 0; m < 16; m++) {
      if (m == 9) {
        batches.add(List.of());
        continue;
      }
      List<String> rows = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        rows.addAll(minute(m, "t" + t, poisson(10 + 40 * t, random)));
      }
      rows.addAll(minute(m, "burst", m >= 6 && m < 8 ? 150 : poisson(2, random)));
      rows.addAll(minute(m, "fresh" + m, 12));
      if (m > 0) {
        rows.addAll(minute(m - 1, "late", 25)); // the previous window is still open (watermark one minute)
      }
      batches.add(rows);
    }
    TrendOptions options = TrendOptions.builder().k(3).minScore(5).history(4).build();
    List<String> batch = batchRun(options, flatten(batches));
    assertThat(batch).hasSizeGreaterThan(10);
    assertThat(batch).contains(shortOf(batch, "12:06-12:07 #1 burst=150"));
    assertThat(streamRun(options, batches)).containsExactlyInAnyOrderElementsOf(batch);
    assertThat(batch).containsExactlyInAnyOrderElementsOf(oracle(options, flatten(batches)));
  }

  @Test
  void rowsOfWindowsThatCloseInTheirOwnBatchAreCountedNotDropped() throws Exception {
    List<List<String>> minutes = new ArrayList<>();
    for (int m = 0; m < 8; m++) {
      minutes.add(rows(minute(m, "big", 200), minute(m, "mid", 50), minute(m, "small", 20),
          minute(m, "quiet", m == 5 ? 300 : 2)));
    }
    // Minute 5 arrives after minute 7 moved the watermark to 12:06:59: without no-data batches, its batch is the
    // first to run with that watermark, and Spark lets its rows through (it filters with the previous batch's).
    List<List<String>> batches = List.of(
        rows(minutes.get(0), minutes.get(1), minutes.get(2), minutes.get(3), minutes.get(4), minutes.get(6),
            minutes.get(7)),
        minutes.get(5));
    List<String> streamed;
    var spark = io.hashtagstreams.core.testing.SparkTestSession.get();
    spark.conf().set("spark.sql.streaming.noDataMicroBatches.enabled", "false");
    try (TopicStream stream = new TopicStream()) {
      stream.describing(TrendingTopicsTest::describe)
          .start(stream.input().transform(HashtagOps.trendingTopics(DEFAULTS)), OutputMode.Append(), checkpoint());
      spark.conf().unset("spark.sql.streaming.noDataMicroBatches.enabled");
      streamed = new ArrayList<>();
      for (List<String> batch : batches) {
        streamed.addAll(stream.sendAndFlatten(batch.toArray(String[]::new)));
      }
      streamed.addAll(stream.sendAndFlatten("23:00:00 flush"));
      streamed.addAll(stream.sendAndFlatten("23:00:01 flush"));
      assertThat(stream.droppedByWatermark()).isZero();
    } finally {
      spark.conf().unset("spark.sql.streaming.noDataMicroBatches.enabled");
    }
    assertThat(streamed.stream().map(TrendingTopicsTest::shortForm)).containsExactly("12:05-12:06 #1 quiet=300");
    assertThat(streamed).containsExactlyInAnyOrderElementsOf(oracle(DEFAULTS, flatten(minutes)));
  }

  @Test
  void stateShrinksBackAfterABurstOfNewTopicsLeavesTheHistory() throws Exception {
    TrendOptions options = TrendOptions.builder().history(3).build();
    try (TopicStream stream = new TopicStream()) {
      stream.describing(TrendingTopicsTest::describe)
          .start(stream.input().transform(HashtagOps.trendingTopics(options)), OutputMode.Append(), checkpoint());
      List<Long> sizes = new ArrayList<>();
      for (int m = 0; m < 10; m++) {
        List<String> rows = rows(minute(m, "a", 30), minute(m, "b", 20));
        if (m == 4) {
          for (int i = 0; i < 300; i++) {
            rows.add(String.format(Locale.ROOT, "12:04:%02d one%03d", i % 60, i));
          }
        }
        stream.sendAndFlatten(rows.toArray(String[]::new));
        StateOperatorProgress[] operators = stream.lastProgress().stateOperators();
        assertThat(operators).hasSize(1);
        assertThat(operators[0].numRowsTotal()).isEqualTo(1);
        sizes.add(operators[0].customMetrics().get("stateOnCurrentVersionSizeBytes"));
      }
      long before = sizes.get(3);
      // minute 4 holds 300 one-off topics in an open window (a 64-bit fingerprint each, no text: they are below
      // minCount), then in the history of windows 5..7 (a 48-bit prefix each); at minute 9 window 7 closed and
      // window 4 left the history
      assertThat(sizes.get(4)).isGreaterThanOrEqualTo(before + 300 * 8);
      assertThat(sizes.get(7)).isGreaterThanOrEqualTo(before + 300 * 6);
      assertThat(sizes.get(9)).isLessThan(before + 300);
    }
  }

  @Test
  void outputHasExactlyWindowRankTopicCountBaselineAndScoreInBatchAndStreaming() {
    String expected = "struct<window:struct<start:timestamp,end:timestamp>,rank:int,topic:string,count:bigint,"
        + "baseline:double,score:double>";
    assertThat(TopicStream.batch("12:00:01 rio").transform(HashtagOps.trendingTopics(1)).schema().simpleString())
        .isEqualTo(expected);
    assertThat(new TopicStream().input().transform(HashtagOps.trendingTopics(1)).schema().simpleString())
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"update", "complete"})
  void otherOutputModesFailWhenTheQueryStarts(String mode) {
    Dataset<Row> trending = new TopicStream().input().transform(HashtagOps.trendingTopics(3));
    assertThatThrownBy(() -> trending.writeStream().format("memory").queryName("trend_" + mode)
        .outputMode(mode).option("checkpointLocation", dir.resolve(mode).toString()).start())
        .isInstanceOf(AnalysisException.class);
  }

  @Test
  void rejectsMissingColumnsAndAnExistingWatermark() {
    Dataset<Row> input = TopicStream.batch("12:00:10 a");
    assertThatThrownBy(() -> input.drop("topic").transform(HashtagOps.trendingTopics(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics needs a column 'topic', but the input has only [event_time]");
    Dataset<Row> watermarked = new TopicStream().input().withWatermark("event_time", "1 minute");
    assertThatThrownBy(() -> watermarked.transform(HashtagOps.trendingTopics(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("trendingTopics sets the watermark on 'event_time' itself");
    assertThatThrownBy(() -> input.transform(HashtagOps.trendingTopics(null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics: options must not be null");
  }

  @Test
  void javadocExampleRuns() {
    Dataset<Row> topics = TopicStream.batch("12:00:10 a");
    Dataset<Row> trending = topics.transform(HashtagOps.trendingTopics(TrendOptions.builder()
        .k(5).window(Duration.ofMinutes(1)).watermark(Duration.ofSeconds(30)).history(10).build()));
    assertThat(trending.collectAsList()).isEmpty();
    assertThat(topics.transform(HashtagOps.trendingTopics(10)).collectAsList()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------

  /**
   * Runs batch and streaming, checks both against the oracle, and checks the rows without baseline and score
   * against {@code expected}; returns the batch rows ordered by window and rank.
   */
  private List<String> assertListed(TrendOptions options, List<List<String>> minutes, String... expected)
      throws Exception {
    List<String> all = flatten(minutes);
    List<String> oracle = oracle(options, all);
    List<String> batch = batchRun(options, all);
    List<String> streamed = streamRun(options, minutes);
    assertThat(batch.stream().map(TrendingTopicsTest::shortForm)).containsExactlyInAnyOrder(expected);
    assertThat(batch).containsExactlyInAnyOrderElementsOf(oracle);
    assertThat(streamed).containsExactlyInAnyOrderElementsOf(oracle);
    List<String> sorted = new ArrayList<>(batch);
    sorted.sort(null);
    return sorted;
  }

  private static List<String> batchRun(TrendOptions options, List<String> rows) {
    List<String> out = new ArrayList<>();
    TopicStream.batch(rows.toArray(String[]::new)).transform(HashtagOps.trendingTopics(options)).collectAsList()
        .forEach(row -> out.add(describe(row)));
    return out;
  }

  private List<String> streamRun(TrendOptions options, List<List<String>> batches) throws Exception {
    List<String> out = new ArrayList<>();
    try (TopicStream stream = new TopicStream()) {
      stream.describing(TrendingTopicsTest::describe)
          .start(stream.input().transform(HashtagOps.trendingTopics(options)), OutputMode.Append(), checkpoint());
      for (List<String> batch : batches) {
        if (!batch.isEmpty()) {
          out.addAll(stream.sendAndFlatten(batch.toArray(String[]::new)));
        }
      }
      // far ahead in event time: the watermark passes every window above
      out.addAll(stream.sendAndFlatten("23:00:00 flush"));
    }
    return out;
  }

  private Path checkpoint() {
    return dir.resolve("run" + RUNS.incrementAndGet());
  }

  private static List<String> oracle(TrendOptions options, List<String> rows) {
    List<TrendOracle.Event> events = new ArrayList<>();
    for (String row : rows) {
      int space = row.indexOf(' ');
      events.add(new TrendOracle.Event(TopicStream.at(row.substring(0, space)).getTime(), row.substring(space + 1)));
    }
    return TrendOracle.expected(events, options);
  }

  static String describe(Row row) {
    Row window = row.getStruct(row.fieldIndex("window"));
    return TrendOracle.format(((Timestamp) window.get(0)).getTime(), ((Timestamp) window.get(1)).getTime(),
        row.getInt(row.fieldIndex("rank")), row.getString(row.fieldIndex("topic")),
        row.getLong(row.fieldIndex("count")), row.getDouble(row.fieldIndex("baseline")),
        row.getDouble(row.fieldIndex("score")));
  }

  private static String shortForm(String row) {
    return row.substring(0, row.indexOf(" b="));
  }

  private static String shortOf(List<String> rows, String shortRow) {
    return rows.stream().filter(row -> shortForm(row).equals(shortRow)).findFirst().orElse(shortRow + " (absent)");
  }

  private static double score(String row) {
    return Double.parseDouble(row.substring(row.indexOf(" s=") + 3));
  }

  /** {@code n} rows of {@code topic} spread evenly over minute {@code m} after 12:00. */
  static List<String> minute(int m, String topic, int n) {
    List<String> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(String.format(Locale.ROOT, "%02d:%02d:%02d %s", 12 + m / 60, m % 60, i * 60 / n, topic));
    }
    return rows;
  }

  @SafeVarargs
  static List<String> rows(List<String>... parts) {
    List<String> all = new ArrayList<>();
    Arrays.stream(parts).forEach(all::addAll);
    return all;
  }

  static List<String> flatten(List<List<String>> batches) {
    List<String> all = new ArrayList<>();
    batches.forEach(all::addAll);
    return all;
  }

  /** A Poisson draw: Knuth's product of uniforms, in pieces of mean at most 20 (a sum of Poissons is Poisson). */
  static int poisson(double mean, SplittableRandom random) {
    int total = 0;
    double left = mean;
    while (left > 0) {
      double piece = Math.min(left, 20);
      left -= piece;
      double limit = Math.exp(-piece);
      double product = random.nextDouble();
      while (product > limit) {
        total++;
        product *= random.nextDouble();
      }
    }
    return total;
  }
}
