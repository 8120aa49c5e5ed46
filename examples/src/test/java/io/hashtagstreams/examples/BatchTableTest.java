package io.hashtagstreams.examples;

import static io.hashtagstreams.examples.Fixtures.NL;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.testing.SparkTestSession;

class BatchTableTest {

  private static final StructType SCHEMA = new StructType()
      .add("topic", DataTypes.StringType)
      .add("count", DataTypes.LongType);

  private static Dataset<Row> batch(Row... rows) {
    return SparkTestSession.get().createDataFrame(List.of(rows), SCHEMA);
  }

  @Test
  void printsTheSortedBatchCutAtRowsWithAHint() {
    Fixtures.Capture capture = new Fixtures.Capture();
    new BatchTable("counts", capture.stream(), 2, col("count").desc(), col("topic"))
        .call(batch(RowFactory.create("b", 5L), RowFactory.create("a", 5L), RowFactory.create("c", 9L)), 4L);
    assertThat(capture.text()).isEqualTo("== counts | batch 4 ==" + NL
        + "topic  count" + NL + "-----  -----" + NL + "c          9" + NL + "a          5" + NL + BatchTable.MORE + NL);
  }

  @Test
  void printsAWholeBatchWithoutHintAndNothingForAnEmptyOne() {
    Fixtures.Capture capture = new Fixtures.Capture();
    BatchTable table = new BatchTable("counts", capture.stream(), 2, col("topic"));
    table.call(batch(), 0L);
    assertThat(capture.text()).isEmpty();
    table.call(batch(RowFactory.create("b", 1L), RowFactory.create("a", 2L)), 1L);
    assertThat(capture.text()).isEqualTo("== counts | batch 1 ==" + NL
        + "topic  count" + NL + "-----  -----" + NL + "a          2" + NL + "b          1" + NL);
  }

  @Test
  void rejectsFewerThanOneRow() {
    assertThatThrownBy(() -> new BatchTable("x", System.out, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rows must be at least 1, got 0");
  }
}
