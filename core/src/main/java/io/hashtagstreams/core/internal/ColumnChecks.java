package io.hashtagstreams.core.internal;

import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;

/**
 * Fails a transformation before it runs when its input lacks a column it needs, with a message that names the
 * operator, the missing column and the columns that do exist.
 */
public final class ColumnChecks {

  private ColumnChecks() {
  }

  /** Throws {@link IllegalArgumentException} unless every named column exists in {@code input}. */
  public static void requireColumns(Dataset<Row> input, String operator, String... required) {
    List<String> present = Arrays.asList(input.columns());
    for (String column : required) {
      if (!present.contains(column)) {
        throw new IllegalArgumentException(operator + " needs a column '" + column
            + "', but the input has only " + present);
      }
    }
  }

  /**
   * Throws {@link IllegalArgumentException} unless {@code column} exists and its type is one of {@code allowed}.
   */
  public static DataType requireColumnType(Dataset<Row> input, String operator, String column,
      DataType... allowed) {
    requireColumns(input, operator, column);
    StructField field = input.schema().apply(column);
    for (DataType type : allowed) {
      if (type.equals(field.dataType())) {
        return field.dataType();
      }
    }
    StringBuilder names = new StringBuilder();
    for (DataType type : allowed) {
      names.append(names.length() == 0 ? "" : " or ").append(type.simpleString());
    }
    throw new IllegalArgumentException(operator + " needs column '" + column + "' of type " + names
        + ", but it is " + field.dataType().simpleString() + " (input columns: "
        + Arrays.asList(input.columns()) + ")");
  }
}
