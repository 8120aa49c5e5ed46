package io.hashtagstreams.core.internal;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

import io.hashtagstreams.core.TopicOptions;

/**
 * {@code HashtagOps.explodeTopics}: one output row per hashtag of column {@code text}, the input columns passed
 * through and {@code topic} appended.
 *
 * <p>Plan: a filter that keeps texts containing {@code #} or {@code ＃} (Spark compares the UTF-8 bytes, so the
 * many tweets without a hashtag are never decoded into Java strings), then one projection of all input columns plus
 * {@code explode(topics(text))}, where {@code topics} is a Java UDF returning {@code array<string>} without null
 * elements; so {@code topic} is a non-nullable string. Works unchanged on streaming Datasets.
 */
public final class TopicExplosion {

  /** The operator name used in error messages. */
  static final String OPERATOR = "explodeTopics";
  /** The input column read. */
  static final String TEXT = "text";
  /** The output column added. */
  static final String TOPIC = "topic";

  private TopicExplosion() {
  }

  /**
   * Explodes {@code input} into one row per hashtag of its {@code text} column.
   *
   * @throws IllegalArgumentException when {@code text} is missing or not a string, or {@code topic} exists already
   */
  public static Dataset<Row> explode(Dataset<Row> input, TopicOptions options) {
    if (options == null) {
      throw new IllegalArgumentException(OPERATOR + " needs options, but got null");
    }
    ColumnChecks.requireColumnType(input, OPERATOR, TEXT, DataTypes.StringType);
    if (Arrays.asList(input.columns()).contains(TOPIC)) {
      throw new IllegalArgumentException(OPERATOR + " adds a column '" + TOPIC
          + "', but the input has one already: " + Arrays.asList(input.columns()));
    }
    UserDefinedFunction topics = functions
        .udf(new TopicFunction(options), DataTypes.createArrayType(DataTypes.StringType, false))
        .asNonNullable()
        .withName("hashtag_topics");
    Column text = col(TEXT);
    return input
        .filter(text.contains("#").or(text.contains("\uFF03")))
        .select(col("*"), functions.explode(topics.apply(text)).as(TOPIC));
  }
}
