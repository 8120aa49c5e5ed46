package io.hashtagstreams.examples;

import static io.hashtagstreams.examples.Fixtures.NL;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;

class TopCommandTest {

  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final Duration WATERMARK = Duration.ofSeconds(5);
  private static final int K = 3;

  private final TopCommand command = new TopCommand();

  @Test
  void printsTheTopKOfEachClosedWindow() {
    Fixtures.Capture capture = new Fixtures.Capture();
    StreamingQuery query = command.buildQuery(Fixtures.context(capture), command.config(Fixtures.args(
        "--k", "3", "--window", "10s", "--watermark", "5s")));
    Fixtures.awaitEnd(query);

    List<Row> expected = exactTop();
    assertThat(expected).hasSize(2 * K);
    assertThat(Fixtures.readTable(capture.text(), "== top | batch 1 ==")).containsExactlyElementsOf(
        Fixtures.expectedTable(List.of("window_start", "window_end", "rank", "topic", "count"), expected));
  }

  @Test
  void approxBelowTheSketchRangePrintsTheExactTopKWithEqualBounds() {
    Fixtures.Capture capture = new Fixtures.Capture();
    StreamingQuery query = command.buildQuery(Fixtures.context(capture), command.config(Fixtures.args(
        "--k", "3", "--window", "10s", "--watermark", "5s", "--approx", "1024")));
    Fixtures.awaitEnd(query);

    List<Row> expected = new ArrayList<>();
    for (Row row : exactTop()) {
      expected.add(RowFactory.create(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(4),
          row.get(4)));
    }
    assertThat(expected).hasSize(2 * K);
    assertThat(Fixtures.readTable(capture.text(), "== top | batch 1 ==")).containsExactlyElementsOf(
        Fixtures.expectedTable(List.of("window_start", "window_end", "rank", "topic", "count", "count_lower",
            "count_upper"), expected));
  }

  @Test
  void approxWithASmallSketchPrintsBoundsThatContainTheTrueCounts() {
    Fixtures.Capture capture = new Fixtures.Capture();
    StreamingQuery query = command.buildQuery(Fixtures.context(capture), command.config(Fixtures.args(
        "--k", "3", "--window", "10s", "--watermark", "5s", "--approx", "8")));
    Fixtures.awaitEnd(query);

    Map<Instant, Map<String, Long>> truth = Fixtures.windowCounts(WINDOW);
    List<String> lines = capture.text().lines().toList();
    assertThat(lines.get(0)).isEqualTo("== top | batch 1 ==");
    assertThat(lines.get(1).split("\\s+")).containsExactly("window_start", "window_end", "rank", "topic", "count",
        "count_lower", "count_upper");
    List<String> rows = lines.subList(3, lines.size());
    // per closed window: the printed topics with their bounds, and the bound width (the same for all its rows)
    Map<Instant, Map<String, long[]>> printed = new TreeMap<>();
    boolean anyInexact = false;
    for (String line : rows) {
      // 2016-08-05 23:00:00  2016-08-05 23:00:10  1  rio2016  206  51  206
      String[] cells = line.trim().split("\\s+");
      assertThat(cells).hasSize(9);
      Instant start = Instant.parse(cells[0] + "T" + cells[1] + "Z");
      long lower = Long.parseLong(cells[7]);
      long upper = Long.parseLong(cells[8]);
      Map<String, long[]> window = printed.computeIfAbsent(start, s -> new LinkedHashMap<>());
      assertThat(Integer.parseInt(cells[4])).isEqualTo(window.size() + 1);
      window.put(cells[5], new long[] {lower, upper});
      assertThat(truth.get(start).get(cells[5])).as(line).isBetween(lower, upper);
      anyInexact |= lower < upper;
    }
    // the two closed windows, each with 1..k rows (a sketch that just purged may hold fewer than k topics), and
    // the sketch's promise: every hashtag truly more frequent than row k's upper bound (or, with fewer rows, than
    // the bound width) is printed
    assertThat(printed).hasSize(2);
    printed.forEach((start, window) -> {
      assertThat(window).hasSizeBetween(1, K);
      long[] last = new ArrayList<>(window.values()).get(window.size() - 1);
      long threshold = window.size() == K ? last[1] : last[1] - last[0];
      truth.get(start).forEach((topic, count) -> {
        if (count > threshold) {
          assertThat(window).containsKey(topic);
        }
      });
    });
    assertThat(anyInexact).isTrue();
  }

  @Test
  void defaultsToExactRanking() {
    assertThat(command.config().approx()).isEmpty();
    assertThat(command.config("--approx", "4096").approx()).hasValue(4096);
  }

  /** Ground truth: the top K rows of every window the watermark closed, as printed by the exact ranking. */
  private static List<Row> exactTop() {
    Instant watermark = Fixtures.maxEventTime().minus(WATERMARK);
    List<Row> expected = new ArrayList<>();
    for (Map.Entry<Instant, Map<String, Long>> window : Fixtures.windowCounts(WINDOW).entrySet()) {
      Instant end = window.getKey().plus(WINDOW);
      if (end.isAfter(watermark)) {
        continue;
      }
      List<Map.Entry<String, Long>> counts = new ArrayList<>(window.getValue().entrySet());
      counts.sort(Comparator.comparing(Map.Entry<String, Long>::getValue).reversed()
          .thenComparing(Map.Entry::getKey));
      for (int rank = 1; rank <= K; rank++) {
        Map.Entry<String, Long> count = counts.get(rank - 1);
        expected.add(RowFactory.create(Timestamp.from(window.getKey()), Timestamp.from(end), rank, count.getKey(),
            count.getValue()));
      }
    }
    return expected;
  }

  @Test
  void defaultsToTheTopTenAndEnoughRowsForThreeWindows() {
    TopCommand.Config config = command.config();
    assertThat(config.k()).isEqualTo(10);
    assertThat(config.common().rows()).isEqualTo(30);
    assertThat(command.config("--k", "2").common().rows()).isEqualTo(20);
  }
}
