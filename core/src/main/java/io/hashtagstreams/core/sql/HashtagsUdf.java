package io.hashtagstreams.core.sql;

import org.apache.spark.sql.api.java.UDF1;

import io.hashtagstreams.core.TopicOptions;
import io.hashtagstreams.core.internal.TopicFunction;

/**
 * SQL function {@code hashtags(text)}: the normalized hashtags of a text, exactly the topics
 * {@code HashtagOps.explodeTopics()} counts for it (every occurrence, in order, as
 * {@link io.hashtagstreams.core.Hashtags#normalize(String)} writes them).
 *
 * <table>
 *   <caption>Function</caption>
 *   <tr><th>SQL name</th><th>argument</th><th>return type (DDL)</th></tr>
 *   <tr><td>{@value #NAME}</td><td>{@code text} string</td><td>{@value #RETURN_TYPE}</td></tr>
 * </table>
 *
 * <p>Null in, null out: {@code hashtags(NULL)} is NULL; a text without hashtags gives an empty array. So
 * {@code explode(hashtags(text))} yields the rows of {@code explodeTopics} (none for NULL or no hashtag).
 *
 * <pre>{@code
 * SELECT hashtags('Gold! #Rio2016 #RIO2016 #ＯＬＹＭＰＩＣＳ')   -- ["rio2016","rio2016","olympics"]
 * }</pre>
 *
 * <p>Register it with {@link HashtagFunctions#register(org.apache.spark.sql.SparkSession)}, or by class name from
 * PySpark: {@code spark.udf.registerJavaFunction("hashtags", "io.hashtagstreams.core.sql.HashtagsUdf",
 * "array<string>")}.
 *
 * @since 0.2.0
 */
public final class HashtagsUdf implements UDF1<String, String[]> {

  private static final long serialVersionUID = 1L;

  /** The SQL name {@link HashtagFunctions} registers this function under. */
  public static final String NAME = "hashtags";
  /** The return type as a Spark DDL string, to pass when registering by class name. */
  public static final String RETURN_TYPE = "array<string>";

  private final TopicFunction topics = new TopicFunction(TopicOptions.defaults());

  /** The function; used by Spark's {@code registerJava} through reflection. */
  public HashtagsUdf() {
  }

  /**
   * The normalized hashtags of {@code text}.
   *
   * @param text a tweet text; may be null
   * @return the hashtags, possibly empty; null when {@code text} is null
   */
  @Override
  public String[] call(String text) {
    return text == null ? null : topics.call(text);
  }
}
