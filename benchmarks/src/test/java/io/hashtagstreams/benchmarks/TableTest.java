package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void printsMarkdownWithNumbersRightAligned() {
    String table = new Table("variant", "tweets/s").row("ours", Table.count(150000)).row("notebook", "27").toString();
    assertThat(table).isEqualTo(""
        + "| variant  | tweets/s |\n"
        + "| -------- | -------: |\n"
        + "| ours     |  150,000 |\n"
        + "| notebook |       27 |\n");
  }

  @Test
  void formatsFixedDecimals() {
    assertThat(Table.fixed(2.0 / 3, 2)).isEqualTo("0.67");
  }

  @Test
  void rejectsRowOfWrongWidth() {
    assertThatThrownBy(() -> new Table("a", "b").row("x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected 2 cells, got 1");
  }
}
