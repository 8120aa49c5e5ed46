package io.hashtagstreams.core.sql;

import java.util.List;

import org.apache.spark.sql.api.java.UDF2;

import io.hashtagstreams.core.Hashtags;
import io.hashtagstreams.core.Network;
import io.hashtagstreams.core.internal.sql.NetworkArgument;

/**
 * SQL function {@code hashtags(text, network)}: the normalized hashtags of a post's text by the rules of its network
 * ({@link Hashtags#extract(CharSequence, Network)}), every occurrence in order, each as
 * {@link Hashtags#normalize(String)} writes it, the same for every network.
 *
 * <table>
 *   <caption>Function</caption>
 *   <tr><th>SQL name</th><th>arguments</th><th>return type (DDL)</th></tr>
 *   <tr><td>{@value #NAME}</td><td>{@code text} string, {@code network} string: {@code 'twitter'},
 *       {@code 'bluesky'} or {@code 'mastodon'} (case and surrounding spaces ignored)</td>
 *       <td>{@value #RETURN_TYPE}</td></tr>
 * </table>
 *
 * <p>Null in, null out: a NULL {@code text} or {@code network} gives NULL; a text without hashtags gives an empty
 * array. Any other {@code network} fails the query with an {@link IllegalArgumentException} that names the
 * function and the value; {@link HashtagFunctions#register(org.apache.spark.sql.SparkSession)} checks a literal
 * {@code network} already when the query is analysed.
 *
 * <pre>{@code
 * SELECT hashtags('Gold! #Rio2016 #double#rainbow', 'bluesky')   -- ["rio2016","double#rainbow"]
 * SELECT hashtags('Gold! #Rio2016 #double#rainbow', 'twitter')   -- ["rio2016"]
 * SELECT hashtags(t.text, t.network) FROM posts t
 * }</pre>
 *
 * <p>{@link HashtagFunctions#register(org.apache.spark.sql.SparkSession)} registers it beside the one-argument
 * {@link HashtagsUdf} under the same name. By class name (PySpark's {@code registerJavaFunction}) a name holds one
 * function only, so register this one under a name of its own: {@code spark.udf.registerJavaFunction(
 * "hashtags_by_network", "io.hashtagstreams.core.sql.HashtagsByNetworkUdf", "array<string>")}.
 *
 * @since 0.3.0
 */
public final class HashtagsByNetworkUdf implements UDF2<String, String, String[]> {

  private static final long serialVersionUID = 1L;
  private static final String[] NONE = new String[0];

  /** The SQL name {@link HashtagFunctions} registers this function under (beside the one-argument form). */
  public static final String NAME = "hashtags";
  /** The return type as a Spark DDL string, to pass when registering by class name. */
  public static final String RETURN_TYPE = "array<string>";

  /** The function; used by Spark's {@code registerJava} through reflection. */
  public HashtagsByNetworkUdf() {
  }

  /**
   * The normalized hashtags of {@code text} by {@code network}'s rules.
   *
   * @param text a post's text; may be null
   * @param network a network id; may be null
   * @return the hashtags, possibly empty; null when {@code text} or {@code network} is null
   * @throws IllegalArgumentException when {@code network} names no network
   */
  @Override
  public String[] call(String text, String network) {
    if (text == null || network == null) {
      return null;
    }
    List<String> tags = Hashtags.extract(text, NetworkArgument.parse("hashtags(text, network)", network));
    if (tags.isEmpty()) {
      return NONE;
    }
    tags.replaceAll(Hashtags::normalize);
    return tags.toArray(NONE);
  }
}
