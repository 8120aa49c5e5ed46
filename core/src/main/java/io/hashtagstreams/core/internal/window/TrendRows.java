package io.hashtagstreams.core.internal.window;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The rows both {@code trendingTopics} plans hand back to Spark, before the window struct is built. */
final class TrendRows {

  static final StructType SCHEMA = new StructType()
      .add("start_ms", DataTypes.LongType, false)
      .add("rank", DataTypes.IntegerType, false)
      .add("topic", DataTypes.StringType, false)
      .add("count", DataTypes.LongType, false)
      .add("baseline", DataTypes.DoubleType, false)
      .add("score", DataTypes.DoubleType, false);

  private TrendRows() {
  }

  static List<Row> of(List<RankedTrend> ranked) {
    List<Row> rows = new ArrayList<>(ranked.size());
    for (RankedTrend trend : ranked) {
      rows.add(RowFactory.create(trend.startMs(), trend.rank(), trend.topic(), trend.count(), trend.baseline(),
          trend.score()));
    }
    return rows;
  }
}
