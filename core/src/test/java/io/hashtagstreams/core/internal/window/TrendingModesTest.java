package io.hashtagstreams.core.internal.window;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.OutputMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.TrendOptions;
import io.hashtagstreams.core.testing.TopicStream;

/**
 * The 0.3 modes of {@code trendingTopics}: {@code countAuthors}, {@code groupBy} and {@code maxTracked}, on batch and
 * streaming input, against {@link TrendOracle} run on the events prepared the obvious way (one event per distinct
 * author, or one oracle run per group) and, for the bounded mode, against the exact counts. Rows are written
 * {@code "12:00:10 topic|author|lang"} and split into columns before the operator.
 */
class TrendingModesTest {

  private static final AtomicInteger RUNS = new AtomicInteger();

  @TempDir
  Path dir;

  @Test
  void oneAccountPostingATag500TimesDoesNotTrendWhenCountingAuthorsButFiveHundredAccountsDo() throws Exception {
    List<List<String>> minutes = new ArrayList<>();
    for (int m = 0; m < 7; m++) {
      List<String> rows = new ArrayList<>();
      rows.addAll(posts(m, "big", 200, "fan", "en"));
      rows.addAll(posts(m, "mid", 50, "reader", "en"));
      if (m == 5) {
        rows.addAll(posts(m, "spam", 500, null, "en"));
        rows.addAll(posts(m, "grass", 500, "person", "en"));
      } else {
        rows.addAll(posts(m, "spam", 2, null, "en"));
        rows.addAll(posts(m, "grass", 2, "person", "en"));
      }
      minutes.add(rows);
    }
    TrendOptions byPosts = TrendOptions.defaults();
    TrendOptions byAuthors = TrendOptions.builder().countAuthors(true).build();
    assertThat(shortForms(batchRun(byPosts, flatten(minutes))))
        .containsExactly("12:05-12:06 #1 grass=500", "12:05-12:06 #2 spam=500");
    List<String> batch = batchRun(byAuthors, flatten(minutes));
    assertThat(shortForms(batch)).containsExactly("12:05-12:06 #1 grass=500");
    assertThat(batch).containsExactlyElementsOf(oracle(byAuthors, flatten(minutes)));
    assertThat(sorted(streamRun(byAuthors, minutes))).containsExactlyElementsOf(batch);
  }

  @Test
  void countingAuthorsLeavesOutRowsWithoutAnAuthorAndNeedsTheColumn() {
    Dataset<Row> input = split(TopicStream.batch("12:00:01 a|x|en", "12:00:02 a|x|en", "12:00:03 a|NULL|en"));
    Dataset<Row> deduplicated = input.where(col("author").isNotNull()).dropDuplicates("topic", "author");
    assertThat(deduplicated.count()).isEqualTo(1);
    assertThatThrownBy(() -> TopicStream.batch("12:00:01 a").transform(HashtagOps.trendingTopics(
        TrendOptions.builder().countAuthors(true).build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics with countAuthors needs a column 'author', but the input has only "
            + "[event_time, topic]");
  }

  @Test
  void eachLanguageIsRankedAgainstItsOwnHistory() throws Exception {
    List<List<String>> minutes = new ArrayList<>();
    for (int m = 0; m < 8; m++) {
      List<String> rows = new ArrayList<>();
      // "x" is always big in English; in Japanese it is quiet until minute 5
      rows.addAll(posts(m, "x", 300, "a", "en"));
      rows.addAll(posts(m, "y", 40, "b", "en"));
      rows.addAll(posts(m, "x", m == 5 ? 300 : 3, "c", "ja"));
      rows.addAll(posts(m, "z", 60, "d", "ja"));
      // German starts at minute 3: its own warm-up, so its surge at minute 5 is not ranked yet
      if (m >= 3) {
        rows.addAll(posts(m, "w", 50, "e", "de"));
        rows.addAll(posts(m, "v", m == 5 ? 200 : 2, "f", "de"));
      }
      rows.addAll(posts(m, "u", m == 6 ? 150 : 2, "g", "NULL"));
      rows.addAll(posts(m, "t", 40, "h", "NULL"));
      minutes.add(rows);
    }
    TrendOptions byLang = TrendOptions.builder().groupBy("lang").build();
    List<String> batch = batchRun(byLang, flatten(minutes));
    assertThat(shortForms(batch)).containsExactly("12:05-12:06 ja #1 x=300", "12:06-12:07 null #1 u=150");
    assertThat(batch).containsExactlyElementsOf(oracle(byLang, flatten(minutes)));
    assertThat(sorted(streamRun(byLang, minutes))).containsExactlyElementsOf(batch);
    // without groups, English's steady "x" hides Japanese's surge (x's share of the whole stream holds at 0.6), and
    // German's first windows are ranked against the other languages' history
    assertThat(shortForms(batchRun(TrendOptions.defaults(), flatten(minutes))))
        .containsExactly("12:03-12:04 #1 w=50", "12:05-12:06 #1 v=200", "12:06-12:07 #1 u=150");
  }

  @Test
  void groupColumnsComeRightAfterTheWindowWithTheirTypes() {
    Dataset<Row> out = split(TopicStream.batch("12:00:01 a|x|en"))
        .transform(HashtagOps.trendingTopics(TrendOptions.builder().groupBy("lang", "author").build()));
    assertThat(out.schema().simpleString()).isEqualTo("struct<window:struct<start:timestamp,end:timestamp>,"
        + "lang:string,author:string,rank:int,topic:string,count:bigint,baseline:double,score:double>");
    assertThatThrownBy(() -> TopicStream.batch("12:00:01 a").transform(HashtagOps.trendingTopics(
        TrendOptions.builder().groupBy("lang").build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trendingTopics with groupBy needs a column 'lang', but the input has only [event_time, topic]");
  }

  @Test
  void boundedModeEqualsExactWhileEveryWindowFitsItsSketch() throws Exception {
    List<List<String>> minutes = surgeAmongOneOffs(8, 20);
    TrendOptions exact = TrendOptions.builder().minScore(5).build();
    TrendOptions bounded = TrendOptions.builder().minScore(5).maxTracked(256).build();
    List<String> expected = oracle(exact, flatten(minutes));
    assertThat(shortForms(expected)).contains("12:05-12:06 #1 surge=200");
    assertThat(batchRun(bounded, flatten(minutes))).containsExactlyElementsOf(expected);
    assertThat(sorted(streamRun(bounded, minutes))).containsExactlyElementsOf(expected);
  }

  @Test
  void boundedModeKeepsTheSketchGuaranteesAgainstExactCountsWhenTopicsOverflowIt() throws Exception {
    int maxTracked = 64;
    List<List<String>> minutes = surgeAmongOneOffs(8, 3000);
    TrendOptions bounded = TrendOptions.builder().minScore(5).maxTracked(maxTracked).build();
    Map<String, Long> truth = new HashMap<>();
    Map<String, Long> totals = new HashMap<>();
    for (String row : flatten(minutes)) {
      String window = row.substring(0, 5);
      truth.merge(window + " " + row.substring(9, row.indexOf('|')), 1L, Long::sum);
      totals.merge(window, 1L, Long::sum);
    }
    for (List<String> listed : List.of(batchRun(bounded, flatten(minutes)), streamRun(bounded, minutes))) {
      // the surge is found and ranked first with a conservative count; no one-off topic is listed
      assertThat(listed).hasSize(1);
      assertThat(listed.get(0)).startsWith("12:05-12:06 #1 surge=");
      for (String row : listed) {
        String window = row.substring(0, 5);
        String topic = row.substring(row.indexOf(' ', 12) + 1, row.indexOf('='));
        long count = Long.parseLong(row.substring(row.indexOf('=') + 1, row.indexOf(" b=")));
        long trueCount = truth.get(window + " " + topic);
        // ItemsSketch: true count - maximumError <= lower bound <= true count, maximumError <= 3.5 W / maxTracked
        assertThat(count).as(row).isBetween(trueCount - (long) (3.5 * totals.get(window) / maxTracked), trueCount);
        assertThat(topic).as(row).doesNotStartWith("once");
      }
    }
  }

  @Test
  void boundedStateStaysFlatWhenDistinctTagsGrowAHundredfold() throws Exception {
    long few = lastStateBytes(TrendOptions.builder().maxTracked(64).build(), surgeAmongOneOffs(6, 30));
    long many = lastStateBytes(TrendOptions.builder().maxTracked(64).build(), surgeAmongOneOffs(6, 3000));
    long exactMany = lastStateBytes(TrendOptions.defaults(), surgeAmongOneOffs(6, 3000));
    assertThat(many).isLessThan(few * 2);
    assertThat(exactMany).isGreaterThan(many * 5);
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** Steady "head" and "mid", a "surge" at minute 5, and {@code oneOffs} topics seen once each minute. */
  private static List<List<String>> surgeAmongOneOffs(int count, int oneOffs) {
    List<List<String>> minutes = new ArrayList<>();
    for (int m = 0; m < count; m++) {
      List<String> rows = new ArrayList<>();
      rows.addAll(posts(m, "head", 400, "a", "en"));
      rows.addAll(posts(m, "mid", 100, "b", "en"));
      rows.addAll(posts(m, "surge", m == 5 ? 200 : 2, "c", "en"));
      for (int i = 0; i < oneOffs; i++) {
        rows.add(String.format(Locale.ROOT, "12:%02d:%02d once%d_%d|d|en", m, i % 60, m, i));
      }
      minutes.add(rows);
    }
    return minutes;
  }

  private long lastStateBytes(TrendOptions options, List<List<String>> minutes) throws Exception {
    try (TopicStream stream = new TopicStream()) {
      stream.describing(TrendingTopicsTest::describe)
          .start(split(stream.input()).transform(HashtagOps.trendingTopics(options)), OutputMode.Append(), checkpoint());
      for (List<String> minute : minutes) {
        stream.sendAndFlatten(minute.toArray(String[]::new));
      }
      return stream.lastProgress().stateOperators()[0].customMetrics().get("stateOnCurrentVersionSizeBytes");
    }
  }

  /**
   * {@code n} posts of {@code topic} spread over minute {@code m}, each by its own account {@code author0},
   * {@code author1}, ..., or all by the one account {@code bot} when {@code author} is null.
   */
  private static List<String> posts(int m, String topic, int n, String author, String lang) {
    List<String> rows = new ArrayList<>();
    for (String row : TrendingTopicsTest.minute(m, topic, n)) {
      rows.add(row + "|" + (author == null ? "bot" : author + rows.size()) + "|" + lang);
    }
    return rows;
  }

  private static Dataset<Row> split(Dataset<Row> input) {
    return input.select(col("event_time"),
        element_at(org.apache.spark.sql.functions.split(col("topic"), "\\|"), 1).as("topic"),
        nullable(element_at(org.apache.spark.sql.functions.split(col("topic"), "\\|"), 2)).as("author"),
        nullable(element_at(org.apache.spark.sql.functions.split(col("topic"), "\\|"), 3)).as("lang"));
  }

  private static org.apache.spark.sql.Column nullable(org.apache.spark.sql.Column value) {
    return org.apache.spark.sql.functions.when(value.equalTo("NULL"), null).otherwise(value);
  }

  private static List<String> batchRun(TrendOptions options, List<String> rows) {
    List<String> out = new ArrayList<>();
    split(TopicStream.batch(rows.toArray(String[]::new))).transform(HashtagOps.trendingTopics(options))
        .collectAsList().forEach(row -> out.add(describe(row, options)));
    return sorted(out);
  }

  private List<String> streamRun(TrendOptions options, List<List<String>> batches) throws Exception {
    List<String> out = new ArrayList<>();
    try (TopicStream stream = new TopicStream()) {
      stream.describing(row -> describe(row, options))
          .start(split(stream.input()).transform(HashtagOps.trendingTopics(options)), OutputMode.Append(), checkpoint());
      for (List<String> batch : batches) {
        out.addAll(stream.sendAndFlatten(batch.toArray(String[]::new)));
      }
      // far ahead in event time; the second batch runs with the watermark the first set, so every group times out
      out.addAll(stream.sendAndFlatten("23:00:00 flush|x|en"));
      out.addAll(stream.sendAndFlatten("23:00:01 flush|x|en"));
    }
    return out;
  }

  private Path checkpoint() {
    return dir.resolve("run" + RUNS.incrementAndGet());
  }

  /** The oracle per group, on one event per (window, topic, author) when counting authors. */
  private static List<String> oracle(TrendOptions options, List<String> rows) {
    Map<String, List<TrendOracle.Event>> groups = new TreeMap<>();
    Set<String> seen = new LinkedHashSet<>();
    long length = options.window().toMillis();
    for (String row : rows) {
      String[] parts = row.substring(9).split("\\|");
      String author = parts[1].equals("NULL") ? null : parts[1];
      long at = TopicStream.at(row.substring(0, 8)).getTime();
      String group = options.groupBy().isEmpty() ? "" : (parts[2].equals("NULL") ? "null" : parts[2]) + " ";
      if (options.countAuthors()
          && (author == null || !seen.add(Math.floorDiv(at, length) + " " + group + parts[0] + " " + author))) {
        continue;
      }
      groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new TrendOracle.Event(at, parts[0]));
    }
    List<String> out = new ArrayList<>();
    groups.forEach((group, events) -> TrendOracle.expected(events, options)
        .forEach(row -> out.add(row.substring(0, 12) + group + row.substring(12))));
    return sorted(out);
  }

  private static String describe(Row row, TrendOptions options) {
    Row window = row.getStruct(row.fieldIndex("window"));
    String line = TrendOracle.format(((Timestamp) window.get(0)).getTime(), ((Timestamp) window.get(1)).getTime(),
        row.getInt(row.fieldIndex("rank")), row.getString(row.fieldIndex("topic")),
        row.getLong(row.fieldIndex("count")), row.getDouble(row.fieldIndex("baseline")),
        row.getDouble(row.fieldIndex("score")));
    if (options.groupBy().isEmpty()) {
      return line;
    }
    Object lang = row.get(row.fieldIndex("lang"));
    return line.substring(0, 12) + (lang == null ? "null" : lang) + " " + line.substring(12);
  }

  private static List<String> shortForms(List<String> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(row -> out.add(row.substring(0, row.indexOf(" b="))));
    return out;
  }

  private static List<String> flatten(List<List<String>> batches) {
    return TrendingTopicsTest.flatten(batches);
  }

  private static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    copy.sort(null);
    return copy;
  }
}
