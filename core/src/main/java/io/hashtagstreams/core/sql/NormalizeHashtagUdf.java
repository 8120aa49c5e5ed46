package io.hashtagstreams.core.sql;

import org.apache.spark.sql.api.java.UDF1;

import io.hashtagstreams.core.Hashtags;

/**
 * SQL function {@code normalize_hashtag(tag)}: the form under which hashtags are counted together,
 * {@link Hashtags#normalize(String)} (Unicode NFKC, then lower case by {@code Locale.ROOT} rules).
 *
 * <table>
 *   <caption>Function</caption>
 *   <tr><th>SQL name</th><th>argument</th><th>return type (DDL)</th></tr>
 *   <tr><td>{@value #NAME}</td><td>{@code tag} string, a hashtag without its sign</td>
 *       <td>{@value #RETURN_TYPE}</td></tr>
 * </table>
 *
 * <p>Null in, null out. A sign is not removed: {@code normalize_hashtag('#Rio')} is {@code '#rio'}. So
 * {@code normalize_hashtag(tag)} over {@code explode(hashtags_as_written(text))} gives {@code hashtags(text)}.
 *
 * <pre>{@code
 * SELECT normalize_hashtag('ＲＩＯ２０１６')   -- rio2016
 * }</pre>
 *
 * <p>By class name from PySpark: {@code spark.udf.registerJavaFunction("normalize_hashtag",
 * "io.hashtagstreams.core.sql.NormalizeHashtagUdf", "string")}.
 *
 * @since 0.2.0
 */
public final class NormalizeHashtagUdf implements UDF1<String, String> {

  private static final long serialVersionUID = 1L;

  /** The SQL name {@link HashtagFunctions} registers this function under. */
  public static final String NAME = "normalize_hashtag";
  /** The return type as a Spark DDL string, to pass when registering by class name. */
  public static final String RETURN_TYPE = "string";

  /** The function; used by Spark's {@code registerJava} through reflection. */
  public NormalizeHashtagUdf() {
  }

  /**
   * The normalized {@code tag}.
   *
   * @param tag a hashtag without its sign; may be null
   * @return the normalized tag; null when {@code tag} is null
   */
  @Override
  public String call(String tag) {
    return tag == null ? null : Hashtags.normalize(tag);
  }
}
