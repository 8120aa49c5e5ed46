package io.hashtagstreams.examples;

import static io.hashtagstreams.examples.Fixtures.NL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.EndOfInput;
import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.sample.TweetGenerator;

/**
 * {@code trending} on the embedded broker: generated tweets with a scheduled burst of {@code #FlashMob2016}, the
 * printed table compared with one computed in plain Java from the generator's ground truth.
 */
class TrendingCommandTest {

  private static final Instant START = Instant.parse("2016-08-05T23:00:00Z");
  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final Duration WATERMARK = Duration.ofSeconds(5);
  private static final int HISTORY = 3;
  private static final long MIN_COUNT = 10;

  private final TrendingCommand command = new TrendingCommand();

  @Test
  void printsTheBurstInItsFirstWindowAndTheExactTable() {
    List<GeneratedRecord> records = burstRecords();
    String topic = produced("trending", records);

    Fixtures.Capture capture = new Fixtures.Capture();
    StreamingQuery query = command.buildQuery(Fixtures.context(capture), command.config(
        "--bootstrap-servers", Fixtures.broker().bootstrapServers(), "--topic", topic, "--from-beginning",
        "--trigger", "available-now", "--k", "3", "--window", "10s", "--watermark", "5s", "--history", "3",
        "--min-count", "10"));
    Fixtures.awaitEnd(query);

    List<Row> expected = expectedRows(records);
    assertThat(expected).isNotEmpty();
    assertThat(expected.get(0).getTimestamp(0)).isEqualTo(Timestamp.from(START.plusSeconds(40)));
    assertThat(expected.get(0).getInt(2)).isEqualTo(1);
    assertThat(expected.get(0).getString(3)).isEqualTo("flashmob2016");
    assertThat(expected.get(0).getLong(4)).isEqualTo(200);
    String title = capture.text().substring(0, capture.text().indexOf(NL));
    assertThat(title).matches("== trending \\| batch \\d+ ==");
    assertThat(Fixtures.readTable(capture.text(), title)).containsExactlyElementsOf(Fixtures.expectedTable(
        List.of("window_start", "window_end", "rank", "topic", "count", "baseline", "score"), expected));
    // baseline and score are printed with at most two decimals, never as raw doubles
    assertThat(capture.text()).doesNotContainPattern("\\d\\.\\d{3}");
  }

  @Test
  void groupedByLanguageRanksEachLanguageAgainstItsOwnHistory() {
    List<GeneratedRecord> records = burstRecords();
    String topic = produced("trending-lang", records);

    Fixtures.Capture capture = new Fixtures.Capture();
    StreamingQuery query = command.buildQuery(Fixtures.context(capture), command.config(
        "--bootstrap-servers", Fixtures.broker().bootstrapServers(), "--topic", topic, "--from-beginning",
        "--trigger", "available-now", "--k", "3", "--window", "10s", "--watermark", "5s", "--history", "3",
        "--min-count", "10", "--group-by", "lang"));
    Fixtures.awaitEnd(query);

    java.util.SortedSet<String> langs = new java.util.TreeSet<>();
    records.stream().filter(GeneratedRecord::isTweet).forEach(record -> langs.add(record.lang()));
    assertThat(langs).hasSizeGreaterThan(1);
    List<Row> expected = new ArrayList<>();
    langs.forEach(lang -> expected.addAll(expectedRows(records, lang)));
    expected.sort(java.util.Comparator.<Row, Timestamp>comparing(row -> row.getTimestamp(0))
        .thenComparing(row -> row.getString(2)).thenComparing(row -> row.getInt(3)));
    assertThat(expected).isNotEmpty();
    String title = capture.text().substring(0, capture.text().indexOf(NL));
    assertThat(Fixtures.readTable(capture.text(), title)).containsExactlyElementsOf(Fixtures.expectedTable(
        List.of("window_start", "window_end", "lang", "rank", "topic", "count", "baseline", "score"), expected));
  }

  @Test
  void printsWindowsInStartOrderAndRanksInOrderWithinEach() {
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
        .add("window_start", "timestamp").add("window_end", "timestamp").add("rank", "int").add("topic", "string")
        .add("count", "long").add("baseline", "double").add("score", "double");
    Timestamp first = Timestamp.from(Instant.parse("2016-08-05T23:00:40Z"));
    Timestamp second = Timestamp.from(Instant.parse("2016-08-05T23:00:50Z"));
    Timestamp third = Timestamp.from(Instant.parse("2016-08-05T23:01:00Z"));
    List<Row> rows = List.of(
        RowFactory.create(second, third, 2, "b", 20L, 2.5, 30.25),
        RowFactory.create(first, second, 2, "d", 15L, 1.5, 25.0),
        RowFactory.create(second, third, 1, "a", 40L, 3.0, 80.5),
        RowFactory.create(first, second, 1, "c", 30L, 2.0, 60.75));
    Fixtures.Capture capture = new Fixtures.Capture();

    command.table(Fixtures.context(capture), command.config("--rows", "10"))
        .call(io.hashtagstreams.core.testing.SparkTestSession.get().createDataFrame(rows, schema), 4L);

    assertThat(capture.text()).isEqualTo("== trending | batch 4 ==" + NL
        + "window_start         window_end           rank  topic  count  baseline  score" + NL
        + "-------------------  -------------------  ----  -----  -----  --------  -----" + NL
        + "2016-08-05 23:00:40  2016-08-05 23:00:50     1  c         30       2.0  60.75" + NL
        + "2016-08-05 23:00:40  2016-08-05 23:00:50     2  d         15       1.5   25.0" + NL
        + "2016-08-05 23:00:50  2016-08-05 23:01:00     1  a         40       3.0   80.5" + NL
        + "2016-08-05 23:00:50  2016-08-05 23:01:00     2  b         20       2.5  30.25" + NL);
  }

  @Test
  void saysWhyNothingWasPrintedWhenNoWindowIsPastTheWarmUp() {
    List<GeneratedRecord> records = new ArrayList<>(burstRecords());
    records.removeIf(record -> !record.timestamp().isBefore(START.plusSeconds(25)));
    assertThat(windowStartsWithTopics(records)).hasSize(3);

    assertThat(finiteRun(produced("trending-short", records), 10)).isEqualTo("(trending ranked no window: the first"
        + " 3 windows of --window 10s from the earliest one are the warm-up (min(--history, 3)), and the input's"
        + " windows with hashtags span at most 3; give it a longer input or a shorter --window)" + NL);
  }

  @Test
  void saysHowManyWindowsWereRankedWhenNothingRoseEnough() {
    List<GeneratedRecord> records = burstRecords();
    java.util.SortedSet<Long> starts = windowStartsWithTopics(records);
    long ranked = starts.stream().filter(start -> start >= starts.first() + 3 * WINDOW.toMillis()).count();
    assertThat(ranked).isEqualTo(4);

    assertThat(finiteRun(produced("trending-quiet", records), 100_000)).isEqualTo("(trending listed no hashtag: "
        + ranked + " windows were ranked after the warm-up, but in none did a hashtag reach --min-count 100000 with"
        + " a significant rise over its recent share; lower --min-count to see smaller rises)" + NL);
  }

  @Test
  void withMinCountOneSaysNothingRoseOverItsHistory() {
    List<GeneratedRecord> records = new ArrayList<>(burstRecords());
    records.removeIf(record -> record.timestamp().isAfter(START.plusSeconds(39)));
    java.util.SortedSet<Long> starts = windowStartsWithTopics(records);
    assertThat(starts).hasSize(4);

    assertThat(finiteRun(produced("trending-flat", records), 1)).isEqualTo("(trending listed no hashtag: 1 window"
        + " was ranked after the warm-up, but in none did a hashtag rise significantly over its share of the 3"
        + " windows before (--history); a window after a gap of more than --history windows has no history to rise"
        + " over)" + NL);
  }

  @Test
  void saysNothingMoreWhenATableWasPrinted() {
    assertThat(finiteRun(produced("trending-printed", burstRecords()), 10))
        .startsWith("== trending | batch ").doesNotContain("(trending ");
  }

  /** What an available-now run over {@code topic} prints, with the end of a finite input (10 s windows, history 3). */
  private String finiteRun(String topic, long minCount) {
    Fixtures.Capture capture = new Fixtures.Capture();
    QueryContext context = Fixtures.context(capture);
    TrendingCommand.Config config = command.config("--bootstrap-servers", Fixtures.broker().bootstrapServers(),
        "--topic", topic, "--from-beginning", "--trigger", "available-now", "--window", "10s", "--watermark", "5s",
        "--history", "3", "--min-count", String.valueOf(minCount));
    StreamingQuery query = command.buildQuery(context, config);
    Fixtures.awaitEnd(query);
    command.printLeftOpenWindows(context, config, EndOfInput.lastWatermark(query));
    return capture.text();
  }

  @Test
  void readsItsOptionsAndRejectsBadOnes() {
    TrendingCommand.Config config = command.config("--k", "4", "--window", "30s", "--history", "5",
        "--min-count", "7", "--watermark", "10s");
    assertThat(config.options().k()).isEqualTo(4);
    assertThat(config.options().window()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.options().watermark()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.options().history()).isEqualTo(5);
    assertThat(config.options().minCount()).isEqualTo(7);
    assertThat(command.config().options().k()).isEqualTo(10);
    assertThatThrownBy(() -> command.config("--history", "2000"))
        .isInstanceOf(UsageException.class)
        .hasMessage("trendingTopics: history must be between 1 and 1440 windows, but it is 2000");
    assertThatThrownBy(() -> command.config("--min-count", "0"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--min-count");
    TrendingCommand.Config modes = command.config("--by-authors", "--group-by", "lang", "--group-by", "network",
        "--max-tracked", "1024");
    assertThat(modes.options().countAuthors()).isTrue();
    assertThat(modes.options().groupBy()).containsExactly("lang", "network");
    assertThat(modes.options().maxTracked()).isEqualTo(1024);
    assertThat(command.config().options().countAuthors()).isFalse();
    assertThat(command.config().options().groupBy()).isEmpty();
    assertThat(command.config().options().maxTracked()).isZero();
    assertThatThrownBy(() -> command.config("--max-tracked", "1000"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--max-tracked must be a power of two from 8 to 16777216, but it is 1000");
    assertThatThrownBy(() -> command.config("--group-by", "text"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--group-by must be one of [lang, network], but it is 'text'");
    assertThatThrownBy(() -> command.config("--group-by", "lang", "--group-by", "lang"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--group-by column 'lang' is given twice");
  }

  /** 70 s of generated tweets at 40/s with a burst of #FlashMob2016 from 40 s on. */
  private static List<GeneratedRecord> burstRecords() {
    TweetGenerator generator = TweetGenerator.builder().seed(7).start(START).tweetsPerSecond(40)
        .burst("FlashMob2016", START.plusSeconds(40), Duration.ofSeconds(10), 20).build();
    List<GeneratedRecord> records = new ArrayList<>();
    for (GeneratedRecord record = generator.next(); record.timestamp().isBefore(START.plusSeconds(70));
        record = generator.next()) {
      records.add(record);
    }
    return records;
  }

  /** Plain Java: the starts (epoch millis) of the {@link #WINDOW}s in which some tweet has a hashtag. */
  private static java.util.SortedSet<Long> windowStartsWithTopics(List<GeneratedRecord> records) {
    java.util.SortedSet<Long> starts = new java.util.TreeSet<>();
    for (GeneratedRecord record : records) {
      if (record.isTweet() && !Fixtures.topics(record).isEmpty()) {
        long millis = record.createdAt().toEpochMilli();
        starts.add(millis - Math.floorMod(millis, WINDOW.toMillis()));
      }
    }
    return starts;
  }

  /** A new topic holding {@code records}; its name. */
  private static String produced(String prefix, List<GeneratedRecord> records) {
    String topic = Fixtures.newTopic(prefix);
    List<byte[]> values = new ArrayList<>();
    records.forEach(record -> values.add(record.bytes()));
    Fixtures.produce(topic, Collections.nCopies(values.size(), null), values);
    return topic;
  }

  /** The printed precision: half up at two decimals. */
  private static double twoDecimals(double value) {
    return java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
  }

  /** Plain Java: counts per window from the records' hashtags, the formula of the README, windows the watermark closed. */
  private static List<Row> expectedRows(List<GeneratedRecord> records) {
    return expectedRows(records, null);
  }

  /**
   * As above for the tweets of one language ({@code null}: all), with the watermark of the whole stream and the
   * language as a column after the window when one is given.
   */
  private static List<Row> expectedRows(List<GeneratedRecord> records, String lang) {
    long size = WINDOW.toMillis();
    TreeMap<Long, Map<String, Long>> windows = new TreeMap<>();
    long maxEventTime = Long.MIN_VALUE;
    for (GeneratedRecord record : records) {
      if (record.isTweet()) {
        long millis = record.createdAt().toEpochMilli();
        maxEventTime = Math.max(maxEventTime, millis);
        if (lang != null && !lang.equals(record.lang())) {
          continue;
        }
        for (String topic : Fixtures.topics(record)) {
          windows.computeIfAbsent(millis - Math.floorMod(millis, size), s -> new HashMap<>())
              .merge(topic, 1L, Long::sum);
        }
      }
    }
    long watermark = maxEventTime - WATERMARK.toMillis();
    long first = windows.firstKey();
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<Long, Map<String, Long>> window : windows.entrySet()) {
      long start = window.getKey();
      if (start + size > watermark || (start - first) / size < Math.min(HISTORY, 3)) {
        continue;
      }
      long total = window.getValue().values().stream().mapToLong(Long::longValue).sum();
      long historyTotal = 0;
      for (int j = 1; j <= HISTORY; j++) {
        historyTotal += windows.getOrDefault(start - j * size, Map.of()).values().stream().mapToLong(Long::longValue)
            .sum();
      }
      List<Object[]> listed = new ArrayList<>();
      for (Map.Entry<String, Long> topic : window.getValue().entrySet()) {
        long count = topic.getValue();
        if (count < MIN_COUNT) {
          continue;
        }
        double share = 1.0 / (historyTotal + 1.0);
        for (int j = 1; j <= HISTORY; j++) {
          Map<String, Long> past = windows.getOrDefault(start - j * size, Map.of());
          long pastCount = past.getOrDefault(topic.getKey(), 0L);
          long pastTotal = past.values().stream().mapToLong(Long::longValue).sum();
          if (pastCount > 0 && (double) pastCount / pastTotal > share) {
            share = (double) pastCount / pastTotal;
          }
        }
        double baseline = share * total;
        double score = count / baseline > 1 + 1e-9 ? count * Math.log(count / baseline) - (count - baseline) : 0;
        if (score > 0 && score >= 15.0) {
          listed.add(new Object[] {topic.getKey(), count, baseline, score});
        }
      }
      listed.sort((a, b) -> Double.compare((double) b[3], (double) a[3]) != 0
          ? Double.compare((double) b[3], (double) a[3]) : ((String) a[0]).compareTo((String) b[0]));
      for (int i = 0; i < Math.min(3, listed.size()); i++) {
        Object[] row = listed.get(i);
        if (lang == null) {
          rows.add(RowFactory.create(new Timestamp(start), new Timestamp(start + size), i + 1, row[0], row[1],
              twoDecimals((double) row[2]), twoDecimals((double) row[3])));
        } else {
          rows.add(RowFactory.create(new Timestamp(start), new Timestamp(start + size), lang, i + 1, row[0], row[1],
              twoDecimals((double) row[2]), twoDecimals((double) row[3])));
        }
      }
    }
    return rows;
  }
}
