package io.hashtagstreams.core.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code toKafkaValue}: the key text and the JSON value of each count or ranking row, with Spark's
 * {@code to_json} doing the JSON escaping and {@link UtcTimestampText} the time-zone-free timestamps.
 */
public final class KafkaValueEncoding {

  static final String OPERATOR = "toKafkaValue";

  /** Every field is written, a null one as JSON null, so the layout never changes. */
  private static final Map<String, String> JSON_OPTIONS = Map.of("ignoreNullFields", "false");

  private KafkaValueEncoding() {
  }

  /** See {@link io.hashtagstreams.core.HashtagOps#toKafkaValue()}. */
  public static Dataset<Row> encode(Dataset<Row> input) {
    requireInput(input);
    Column start = UtcTimestampText.of(col("window.start"));
    Column end = UtcTimestampText.of(col("window.end"));
    List<Column> fields = new ArrayList<>();
    fields.add(struct(start.as("start"), end.as("end")).as("window"));
    if (Arrays.asList(input.columns()).contains("rank")) {
      fields.add(col("rank"));
    }
    fields.add(col("topic"));
    fields.add(col("count"));
    return input.select(
        concat(start, lit("/"), col("topic")).as("key"),
        to_json(struct(fields.toArray(new Column[0])), JSON_OPTIONS).as("value"));
  }

  private static void requireInput(Dataset<Row> input) {
    ColumnChecks.requireColumns(input, OPERATOR, "window", "topic", "count");
    DataType window = input.schema().apply("window").dataType();
    if (!(window instanceof StructType) || !hasTimestamp((StructType) window, "start")
        || !hasTimestamp((StructType) window, "end")) {
      throw new IllegalArgumentException(OPERATOR + " needs column 'window' of type struct<start:timestamp,"
          + "end:timestamp>, but it is " + window.simpleString());
    }
    ColumnChecks.requireColumnType(input, OPERATOR, "topic", DataTypes.StringType);
    ColumnChecks.requireColumnType(input, OPERATOR, "count", DataTypes.LongType, DataTypes.IntegerType);
    if (Arrays.asList(input.columns()).contains("rank")) {
      ColumnChecks.requireColumnType(input, OPERATOR, "rank", DataTypes.IntegerType, DataTypes.LongType);
    }
  }

  private static boolean hasTimestamp(StructType struct, String field) {
    return Arrays.asList(struct.fieldNames()).contains(field)
        && struct.apply(field).dataType().equals(DataTypes.TimestampType);
  }
}
