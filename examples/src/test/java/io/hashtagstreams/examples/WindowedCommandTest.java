package io.hashtagstreams.examples;

import static io.hashtagstreams.examples.Fixtures.NL;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.EndOfInput;

class WindowedCommandTest {

  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final Duration WATERMARK = Duration.ofSeconds(5);

  private final WindowedCommand command = new WindowedCommand();

  /** Ground-truth rows of the windows that end at or before {@code watermark}, in the printer's order. */
  static List<Row> closedWindowRows(Instant watermark) {
    return windowRows(watermark, false);
  }

  /**
   * Ground-truth rows of the windows that end at or before {@code watermark} (or, with {@code open}, after it),
   * latest window first, then highest count, then topic.
   */
  static List<Row> windowRows(Instant watermark, boolean open) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<Instant, Map<String, Long>> window : Fixtures.windowCounts(WINDOW).entrySet()) {
      Instant end = window.getKey().plus(WINDOW);
      if (end.isAfter(watermark) != open) {
        continue;
      }
      List<Map.Entry<String, Long>> counts = new ArrayList<>(window.getValue().entrySet());
      counts.sort(Comparator.comparing(Map.Entry<String, Long>::getValue).reversed()
          .thenComparing(Map.Entry::getKey));
      List<Row> windowRows = new ArrayList<>();
      for (Map.Entry<String, Long> count : counts) {
        windowRows.add(RowFactory.create(Timestamp.from(window.getKey()), Timestamp.from(end), count.getKey(),
            count.getValue()));
      }
      rows.addAll(0, windowRows);
    }
    return rows;
  }

  @Test
  void appendModePrintsEachClosedWindowOnceLatestFirst() {
    Fixtures.Capture capture = new Fixtures.Capture();
    StreamingQuery query = command.buildQuery(Fixtures.context(capture), command.config(Fixtures.args(
        "--window", "10s", "--watermark", "5s", "--output-mode", "append", "--rows", "100000")));
    Fixtures.awaitEnd(query);

    List<Row> expected = closedWindowRows(Fixtures.maxEventTime().minus(WATERMARK));
    assertThat(expected).extracting(row -> row.get(0)).containsOnly(
        Timestamp.from(Fixtures.START), Timestamp.from(Fixtures.START.plus(WINDOW)));
    assertThat(capture.text()).isEqualTo("== windowed | batch 1 ==" + NL + Fixtures.alignedTable(
        Fixtures.expectedTable(List.of("window_start", "window_end", "topic", "count"), expected), 3));
  }

  @Test
  void appendModeEndsAFiniteInputWithTheWindowsItLeftOpen() {
    Fixtures.Capture capture = new Fixtures.Capture();
    WindowedCommand.Config config = command.config(Fixtures.args(
        "--window", "10s", "--watermark", "5s", "--output-mode", "append", "--rows", "100000"));
    QueryContext context = Fixtures.context(capture);
    StreamingQuery query = command.buildQuery(context, config);
    Fixtures.awaitEnd(query);
    Optional<Instant> watermark = EndOfInput.lastWatermark(query);
    assertThat(watermark).contains(Fixtures.maxEventTime().minus(WATERMARK));
    String streamed = capture.text();

    command.printLeftOpenWindows(context, config, watermark);

    List<Row> open = windowRows(watermark.get(), true);
    assertThat(open).extracting(row -> row.get(0)).contains(Timestamp.from(Fixtures.START.plus(WINDOW.multipliedBy(2))))
        .doesNotContain(Timestamp.from(Fixtures.START), Timestamp.from(Fixtures.START.plus(WINDOW)));
    assertThat(capture.text().substring(streamed.length())).isEqualTo("== windowed | closed by the end of input =="
        + NL + Fixtures.alignedTable(Fixtures.expectedTable(List.of("window_start", "window_end", "topic", "count"),
            open), 3));
  }

  @Test
  void updateModeAddsNothingAtTheEndBecauseEveryWindowWasPrinted() {
    Fixtures.Capture capture = new Fixtures.Capture();
    WindowedCommand.Config config = command.config(Fixtures.args("--window", "10s", "--watermark", "5s"));
    command.printLeftOpenWindows(Fixtures.context(capture), config,
        Optional.of(Fixtures.maxEventTime().minus(WATERMARK)));
    assertThat(capture.text()).isEmpty();
  }

  @Test
  void readsWindowOptionsAndOutputMode() {
    WindowedCommand.Config config = command.config("--window", "1m", "--slide", "30s", "--output-mode", "complete");
    assertThat(config.windows()).isEqualTo(new WindowConfig(Duration.ofMinutes(1), Duration.ofSeconds(30),
        Duration.ofSeconds(30)));
    assertThat(config.outputMode()).isEqualTo("complete");
    assertThat(command.config().outputMode()).isEqualTo("update");
  }
}
