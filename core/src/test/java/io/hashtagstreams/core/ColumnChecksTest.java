package io.hashtagstreams.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.internal.ColumnChecks;
import io.hashtagstreams.core.testing.SparkTestSession;

class ColumnChecksTest {

  @Test
  void rejectsMissingColumnNamingItAndTheColumnsPresent() {
    Dataset<Row> input = SparkTestSession.get().sql("SELECT 1 AS id, 'x' AS body");
    assertThatThrownBy(() -> ColumnChecks.requireColumns(input, "explodeTopics", "text"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("explodeTopics needs a column 'text', but the input has only [id, body]");
  }
}
