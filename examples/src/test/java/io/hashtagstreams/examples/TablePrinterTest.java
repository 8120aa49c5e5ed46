package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class TablePrinterTest {

  private static final String NL = System.lineSeparator();

  @Test
  void alignsTextLeftAndNumbersRightWithoutTruncating() {
    String longTopic = "a".repeat(60);
    List<Row> rows = List.of(
        RowFactory.create(Timestamp.from(Instant.parse("2016-08-05T12:00:00Z")), "rio2016", 1234L),
        RowFactory.create(Timestamp.from(Instant.parse("2016-08-05T12:01:00Z")), longTopic, 7L));
    assertThat(TablePrinter.format(List.of("window_start", "topic", "count"), rows)).isEqualTo(
        "window_start         topic" + " ".repeat(57) + "count" + NL
            + "-------------------  " + "-".repeat(60) + "  -----" + NL
            + "2016-08-05 12:00:00  rio2016" + " ".repeat(55) + " 1234" + NL
            + "2016-08-05 12:01:00  " + longTopic + "      7" + NL);
  }

  @Test
  void alignsWideCharactersAndEmojiByTheirDisplayWidth() {
    // リオ五輪 and ＲＩＯ２０１６ take 8 and 14 terminal columns; the count column must start at the same column on
    // every line, whatever the number of chars before it.
    List<Row> rows = List.of(
        RowFactory.create("リオ五輪", 12L),
        RowFactory.create("ＲＩＯ２０１６", 3L),
        RowFactory.create("gold🏅", 5L),
        RowFactory.create("rio", 1L));
    assertThat(TablePrinter.format(List.of("topic", "count"), rows)).isEqualTo(
        "topic           count" + NL
            + "--------------  -----" + NL
            + "リオ五輪           12" + NL
            + "ＲＩＯ２０１６      3" + NL
            + "gold🏅              5" + NL
            + "rio                 1" + NL);
  }

  @Test
  void printsNullAndHeaderOnlyWhenEmpty() {
    assertThat(TablePrinter.format(List.of("key", "n"), List.of(RowFactory.create(null, 3))))
        .isEqualTo("key   n" + NL + "----  -" + NL + "null  3" + NL);
    assertThat(TablePrinter.format(List.of("key", "n"), List.of())).isEqualTo("key  n" + NL + "---  -" + NL);
  }

  @Test
  void formatsInstantsInUtc() {
    assertThat(TablePrinter.cell(Instant.parse("2026-11-24T01:02:03.456Z"))).isEqualTo("2026-11-24 01:02:03");
  }

  @Test
  void rejectsRowsOfTheWrongWidth() {
    assertThatThrownBy(() -> TablePrinter.format(List.of("a", "b"), List.of(RowFactory.create("x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row [x] has 1 fields, the header [a, b] has 2");
  }
}
