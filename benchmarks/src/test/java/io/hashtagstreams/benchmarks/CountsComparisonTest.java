package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class CountsComparisonTest {

  private static Dataset<Row> counts(String tagColumn, String... rows) {
    SparkSession spark = BenchSpark.session();
    StringBuilder sql = new StringBuilder();
    for (String row : rows) {
      String[] parts = row.split(",");
      if (sql.length() > 0) {
        sql.append(" UNION ALL ");
      }
      sql.append("SELECT named_struct('start', TIMESTAMP'2016-07-29 12:").append(parts[0])
          .append(":00', 'end', TIMESTAMP'2016-07-29 12:").append(Integer.parseInt(parts[0]) + 1)
          .append(":00') AS window, '").append(parts[1]).append("' AS ").append(tagColumn)
          .append(", CAST(").append(parts[2]).append(" AS BIGINT) AS count");
    }
    return spark.sql(sql.toString());
  }

  @Test
  void comparesKeyByKeyAndClassifiesNotebookOnlyKeys() {
    Dataset<Row> notebook = counts("word", "46,#rio2016,3", "46,#Rio2016,1", "46,#rio2016!,2", "46,#,1",
        "46,#olympics,1", "47,#rio2016,1");
    Dataset<Row> ours = counts("topic", "46,rio2016,6", "46,olympics,1", "46,brasil,2", "47,rio2016,1");

    CountsComparison comparison = CountsComparison.of(notebook, ours);

    assertThat(comparison).isEqualTo(new CountsComparison(6, 4, 2, 1, 0, 3, 1,
        Map.of("bare #", 1, "case", 1, "punctuation", 1), 9, 10));
  }

  @Test
  void classifiesEachNotebookDefect() {
    assertThat(CountsComparison.defect("")).isEqualTo("bare #");
    assertThat(CountsComparison.defect("rio2016!")).isEqualTo("punctuation");
    assertThat(CountsComparison.defect("a#b")).isEqualTo("punctuation");
    assertThat(CountsComparison.defect("x.com/y")).isEqualTo("punctuation");
    assertThat(CountsComparison.defect("Rio2016")).isEqualTo("case");
    assertThat(CountsComparison.defect("são_paulo")).isEqualTo("other");
  }

  @Test
  void printsEveryCountInTheTable() {
    CountsComparison comparison = new CountsComparison(6, 4, 2, 1, 0, 3, 1, Map.of("case", 3), 9, 10);
    assertThat(comparison.toTable()).isEqualTo(""
        + "| keys (window/tag)                 | count |\n"
        + "| --------------------------------- | ----: |\n"
        + "| notebook keys                     |     6 |\n"
        + "| ours keys                         |     4 |\n"
        + "| same count                        |     2 |\n"
        + "| both, ours counted more           |     1 |\n"
        + "| both, notebook counted more       |     0 |\n"
        + "| notebook only                     |     3 |\n"
        + "|   notebook only: case             |     3 |\n"
        + "| ours only                         |     1 |\n"
        + "| tag occurrences counted, notebook |     9 |\n"
        + "| tag occurrences counted, ours     |    10 |\n");
  }
}
