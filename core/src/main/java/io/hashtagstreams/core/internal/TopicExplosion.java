package io.hashtagstreams.core.internal;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import io.hashtagstreams.core.TopicOptions;

/**
 * {@code HashtagOps.explodeTopics}: one output row per hashtag of a post, the input columns passed through and
 * {@code topic} appended.
 *
 * <p>The hashtags: the post's own list in column {@code tags} when the input has that column and the row's value is
 * not null; otherwise those found in {@code text} by the rules of the row's {@code network} (twitter when the input
 * has no {@code network} column or the value is null), see {@link TopicFunction}.
 *
 * <p>Plan: a filter that keeps rows with a non-empty tag list or a text containing {@code #} or {@code ＃} (Spark
 * compares the UTF-8 bytes, so the many posts without a hashtag are never decoded into Java strings), then one
 * projection of all input columns plus {@code explode(topics(text, network, tags))} (the text passed only when
 * {@code tags} is null), where {@code topics} is a Java UDF returning {@code array<string>} without null elements;
 * so {@code topic} is a non-nullable string. Works unchanged on streaming Datasets.
 */
public final class TopicExplosion {

  /** The operator name used in error messages. */
  static final String OPERATOR = "explodeTopics";
  /** The input column read. */
  static final String TEXT = "text";
  /** The output column added. */
  static final String TOPIC = "topic";
  /** The optional input column of the post's own tag list. */
  static final String TAGS = "tags";
  /** The optional input column naming the post's network. */
  static final String NETWORK = "network";

  private static final DataType TAG_LIST = DataTypes.createArrayType(DataTypes.StringType);

  private TopicExplosion() {
  }

  /**
   * Explodes {@code input} into one row per hashtag of its {@code text} column.
   *
   * @throws IllegalArgumentException when {@code text} is missing or not a string, {@code network} not a string,
   *     {@code tags} not an array of strings, or {@code topic} exists already
   */
  public static Dataset<Row> explode(Dataset<Row> input, TopicOptions options) {
    if (options == null) {
      throw new IllegalArgumentException(OPERATOR + " needs options, but got null");
    }
    ColumnChecks.requireColumnType(input, OPERATOR, TEXT, DataTypes.StringType);
    List<String> columns = Arrays.asList(input.columns());
    if (columns.contains(TOPIC)) {
      throw new IllegalArgumentException(OPERATOR + " adds a column '" + TOPIC
          + "', but the input has one already: " + columns);
    }
    Column network = functions.lit(null).cast(DataTypes.StringType);
    if (columns.contains(NETWORK)) {
      ColumnChecks.requireColumnType(input, OPERATOR, NETWORK, DataTypes.StringType);
      network = col(NETWORK);
    }
    Column tags = functions.lit(null).cast(TAG_LIST);
    Column text = col(TEXT);
    Column mayHaveTopics = text.contains("#").or(text.contains("\uFF03"));
    if (columns.contains(TAGS)) {
      DataType type = input.schema().apply(TAGS).dataType();
      if (!(type instanceof ArrayType) || !((ArrayType) type).elementType().equals(DataTypes.StringType)) {
        throw new IllegalArgumentException(OPERATOR + " reads column '" + TAGS + "' as the post's own hashtags,"
            + " which must be array<string>, but it is " + type.simpleString() + "; rename or drop it");
      }
      tags = col(TAGS);
      mayHaveTopics = functions.size(tags).gt(0).or(tags.isNull().and(mayHaveTopics));
    }
    UserDefinedFunction topics = functions
        .udf(new TopicFunction(options), DataTypes.createArrayType(DataTypes.StringType, false))
        .asNonNullable()
        .withName("hashtag_topics");
    // The text is only read when the post has no tag list of its own; passing null then spares the UDF call the
    // decoding of every such text into a Java string.
    Column textWhenNoTags = functions.when(tags.isNull(), text);
    return input
        .filter(mayHaveTopics)
        .select(col("*"), functions.explode(topics.apply(textWhenNoTags, network, tags)).as(TOPIC));
  }
}
