package io.hashtagstreams.core.sql;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import scala.collection.JavaConverters;

/** Whole rows as comparable text: every field, binaries in Base64, timestamps as instants, nested rows in (). */
final class SqlRows {

  private SqlRows() {
  }

  /** The rows of {@code dataset}, described and sorted: a multiset comparison that keeps duplicates. */
  static List<String> sorted(Dataset<Row> dataset) {
    return sorted(dataset.collectAsList());
  }

  static List<String> sorted(Collection<Row> rows) {
    return rows.stream().map(SqlRows::describe).sorted().collect(Collectors.toList());
  }

  static String describe(Row row) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      fields.add(describeValue(row.get(i)));
    }
    return String.join(" | ", fields);
  }

  private static String describeValue(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof byte[]) {
      return "b64:" + Base64.getEncoder().encodeToString((byte[]) value);
    }
    if (value instanceof Timestamp) {
      return ((Timestamp) value).toInstant().toString();
    }
    if (value instanceof Row) {
      return "(" + describe((Row) value) + ")";
    }
    if (value instanceof scala.collection.Seq) {
      return JavaConverters.seqAsJavaList((scala.collection.Seq<?>) value).toString();
    }
    return value.toString();
  }
}
