package io.hashtagstreams.examples;

import static io.hashtagstreams.examples.Fixtures.NL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;

class RawCommandTest {

  private final RawCommand command = new RawCommand();

  @Test
  void printsTheFirstRecordsUntruncated() {
    Fixtures.Capture capture = new Fixtures.Capture();
    StreamingQuery query = command.buildQuery(Fixtures.context(capture), command.config(Fixtures.args("--rows", "3")));
    Fixtures.awaitEnd(query);

    List<Row> expected = new ArrayList<>();
    for (int offset = 0; offset < 3; offset++) {
      expected.add(RowFactory.create(0, (long) offset, Fixtures.records().get(offset).json()));
    }
    assertThat(Fixtures.records().get(0).size()).isGreaterThan(1000);
    // partition and offset are numbers (right-aligned), the record left-aligned and whole
    assertThat(capture.text()).isEqualTo("== raw | batch 0 ==" + NL
        + Fixtures.alignedTable(Fixtures.expectedTable(List.of("partition", "offset", "value"), expected), 0, 1)
        + BatchTable.MORE + NL);
    String[] lines = capture.text().split("\\R");
    assertThat(lines[1]).startsWith("partition  offset  value");
    assertThat(lines[3]).startsWith("        0       0  {");
  }

  @Test
  void defaultsToFiveRowsForTwentySeconds() {
    CommonConfig common = command.config().common();
    assertThat(common.rows()).isEqualTo(5);
    assertThat(common.duration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(command.config("--duration", "1m").common().duration()).isEqualTo(Duration.ofMinutes(1));
  }
}
