package io.hashtagstreams.core.sql;

import org.apache.spark.sql.api.java.UDF1;

import io.hashtagstreams.core.TopicOptions;
import io.hashtagstreams.core.internal.TopicFunction;

/**
 * SQL function {@code hashtags_as_written(text)}: the hashtags of a text as written, without their sign, in order,
 * repeats kept; the topics of {@code HashtagOps.explodeTopics(TopicOptions.builder().keepCase(true).build())}, and
 * the same list as {@link io.hashtagstreams.core.Hashtags#extract(CharSequence)}.
 *
 * <table>
 *   <caption>Function</caption>
 *   <tr><th>SQL name</th><th>argument</th><th>return type (DDL)</th></tr>
 *   <tr><td>{@value #NAME}</td><td>{@code text} string</td><td>{@value #RETURN_TYPE}</td></tr>
 * </table>
 *
 * <p>Null in, null out: {@code hashtags_as_written(NULL)} is NULL; a text without hashtags gives an empty array.
 *
 * <pre>{@code
 * SELECT hashtags_as_written('Gold! #Rio2016 #RIO2016')   -- ["Rio2016","RIO2016"]
 * }</pre>
 *
 * <p>By class name from PySpark: {@code spark.udf.registerJavaFunction("hashtags_as_written",
 * "io.hashtagstreams.core.sql.HashtagsAsWrittenUdf", "array<string>")}.
 *
 * @since 0.2.0
 */
public final class HashtagsAsWrittenUdf implements UDF1<String, String[]> {

  private static final long serialVersionUID = 1L;

  /** The SQL name {@link HashtagFunctions} registers this function under. */
  public static final String NAME = "hashtags_as_written";
  /** The return type as a Spark DDL string, to pass when registering by class name. */
  public static final String RETURN_TYPE = "array<string>";

  private final TopicFunction topics = new TopicFunction(TopicOptions.builder().keepCase(true).build());

  /** The function; used by Spark's {@code registerJava} through reflection. */
  public HashtagsAsWrittenUdf() {
  }

  /**
   * The hashtags of {@code text} as written.
   *
   * @param text a tweet text; may be null
   * @return the hashtags, possibly empty; null when {@code text} is null
   */
  @Override
  public String[] call(String text) {
    return text == null ? null : topics.call(text);
  }
}
