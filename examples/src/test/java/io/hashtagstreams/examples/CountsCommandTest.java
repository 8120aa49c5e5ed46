package io.hashtagstreams.examples;

import static io.hashtagstreams.examples.Fixtures.NL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;

class CountsCommandTest {

  private final CountsCommand command = new CountsCommand();

  @Test
  void printsTheRunningCountsOfEveryTweetHighestFirst() {
    Fixtures.Capture capture = new Fixtures.Capture();
    StreamingQuery query = command.buildQuery(Fixtures.context(capture), command.config(Fixtures.args("--rows", "15")));
    Fixtures.awaitEnd(query);

    List<Map.Entry<String, Long>> truth = new ArrayList<>(Fixtures.counts().entrySet());
    truth.sort(Comparator.comparing(Map.Entry<String, Long>::getValue).reversed()
        .thenComparing(Map.Entry::getKey));
    assertThat(truth).hasSizeGreaterThan(15);
    List<Row> expected = new ArrayList<>();
    for (Map.Entry<String, Long> entry : truth.subList(0, 15)) {
      expected.add(RowFactory.create(entry.getKey(), entry.getValue()));
    }
    assertThat(Fixtures.readTable(capture.text(), "== counts | batch 0 ==")).containsExactlyElementsOf(
        Fixtures.expectedTable(List.of("topic", "count"), expected));
    assertThat(capture.text()).endsWith(NL + BatchTable.MORE + NL);
  }

  @Test
  void takesOnlyTheSharedOptions() {
    assertThat(command.config().common().rows()).isEqualTo(20);
    assertThat(command.config("--rows", "3").common().rows()).isEqualTo(3);
  }
}
