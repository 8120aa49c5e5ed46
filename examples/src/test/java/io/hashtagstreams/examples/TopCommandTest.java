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
    assertThat(expected).hasSize(2 * K);
    assertThat(capture.text()).isEqualTo("== top | batch 1 ==" + NL
        + TablePrinter.format(List.of("window_start", "window_end", "rank", "topic", "count"), expected));
  }

  @Test
  void defaultsToTheTopTenAndEnoughRowsForThreeWindows() {
    TopCommand.Config config = command.config();
    assertThat(config.k()).isEqualTo(10);
    assertThat(config.common().rows()).isEqualTo(30);
    assertThat(command.config("--k", "2").common().rows()).isEqualTo(20);
  }
}
