package io.hashtagstreams.core.internal.window;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The rows both {@code trendingTopics} plans hand back to Spark, before the window struct is built:
 * {@code start_ms} long, the group columns (none without {@code groupBy}), {@code rank} int, {@code topic} string,
 * {@code count} long, {@code baseline} double, {@code score} double. Also the group key's schema: the group columns,
 * or one constant int column when there are none (every row in one group).
 */
final class TrendRows implements Serializable {

  private static final long serialVersionUID = 1L;

  private final StructType groupSchema;
  private final boolean grouped;

  TrendRows(StructType groupSchema) {
    this.grouped = groupSchema.fields().length > 0;
    this.groupSchema = grouped ? groupSchema : new StructType().add("all", DataTypes.IntegerType, false);
  }

  /** The schema of the group key. */
  StructType keySchema() {
    return groupSchema;
  }

  /** The group key of a row whose group columns start at {@code from}. */
  Row key(Row row, int from) {
    if (!grouped) {
      return RowFactory.create(0);
    }
    Object[] values = new Object[groupSchema.fields().length];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(from + i);
    }
    return RowFactory.create(values);
  }

  StructType schema() {
    StructType schema = new StructType().add("start_ms", DataTypes.LongType, false);
    if (grouped) {
      for (StructField field : groupSchema.fields()) {
        schema = schema.add(field);
      }
    }
    return schema
        .add("rank", DataTypes.IntegerType, false)
        .add("topic", DataTypes.StringType, false)
        .add("count", DataTypes.LongType, false)
        .add("baseline", DataTypes.DoubleType, false)
        .add("score", DataTypes.DoubleType, false);
  }

  List<Row> of(Row key, List<RankedTrend> ranked) {
    int groups = grouped ? key.length() : 0;
    List<Row> rows = new ArrayList<>(ranked.size());
    for (RankedTrend trend : ranked) {
      Object[] values = new Object[groups + 6];
      values[0] = trend.startMs();
      for (int i = 0; i < groups; i++) {
        values[1 + i] = key.get(i);
      }
      values[groups + 1] = trend.rank();
      values[groups + 2] = trend.topic();
      values[groups + 3] = trend.count();
      values[groups + 4] = trend.baseline();
      values[groups + 5] = trend.score();
      rows.add(RowFactory.create(values));
    }
    return rows;
  }
}
