package io.hashtagstreams.core.sql;

import org.apache.spark.sql.api.java.UDF1;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.internal.TweetRowFunction;

/**
 * SQL function {@code tweet_reject_reason(value)}: why a record is not a readable tweet, as the
 * {@link io.hashtagstreams.core.RejectReason} code that {@code HashtagOps.rejected()} writes to its {@code reason}
 * column; NULL when the record is a readable tweet.
 *
 * <table>
 *   <caption>Function</caption>
 *   <tr><th>SQL name</th><th>argument</th><th>return type (DDL)</th></tr>
 *   <tr><td>{@value #NAME}</td><td>{@code value} string or binary: the UTF-8 JSON of one tweet</td>
 *       <td>{@value #RETURN_TYPE}</td></tr>
 * </table>
 *
 * <p>Null behaviour: a NULL value is a dead letter for {@code rejected()} (a Kafka tombstone, say), so
 * {@code tweet_reject_reason(NULL)} is {@code 'null_value'}, not NULL; then
 * {@code WHERE tweet_reject_reason(value) IS NOT NULL} keeps exactly the rows of {@code rejected()}, and every
 * record has either a non-null {@link ParseTweetUdf parse_tweet} or a non-null reason. A retweet excluded by the
 * options has neither. Strings and binaries are read as by {@link ParseTweetUdf} (including its note on strings
 * that were not valid UTF-8).
 *
 * <pre>{@code
 * SELECT value, tweet_reject_reason(value) AS reason
 * FROM kafka_records
 * WHERE tweet_reject_reason(value) IS NOT NULL      -- the dead letters, e.g. 'delete_notice'
 * }</pre>
 *
 * <p>By class name from PySpark: {@code spark.udf.registerJavaFunction("tweet_reject_reason",
 * "io.hashtagstreams.core.sql.TweetRejectReasonUdf", "string")}.
 *
 * @since 0.2.0
 */
public final class TweetRejectReasonUdf implements UDF1<Object, String> {

  private static final long serialVersionUID = 1L;

  /** The SQL name {@link HashtagFunctions} registers this function under. */
  public static final String NAME = "tweet_reject_reason";
  /** The return type as a Spark DDL string, to pass when registering by class name. */
  public static final String RETURN_TYPE = "string";

  private final TweetRowFunction scan;

  /** The function with {@link ExtractOptions#defaults()}; used by Spark's {@code registerJava}. */
  public TweetRejectReasonUdf() {
    this(ExtractOptions.defaults());
  }

  /**
   * The function judging records with {@code options}, as {@code rejected(options)} does.
   *
   * @param options how to read the tweets
   * @throws IllegalArgumentException when {@code options} is null
   */
  public TweetRejectReasonUdf(ExtractOptions options) {
    if (options == null) {
      throw new IllegalArgumentException(NAME + " needs ExtractOptions, got null; use ExtractOptions.defaults()");
    }
    this.scan = new TweetRowFunction(options);
  }

  /**
   * The reject reason of {@code value}.
   *
   * @param value the tweet JSON as a String or byte[]; may be null
   * @return the reason code, or null for a readable tweet (or an excluded retweet)
   * @throws IllegalArgumentException when {@code value} is neither a String nor a byte[]
   */
  @Override
  public String call(Object value) {
    return scan.rejectReason(TweetRowFunction.valueBytes(value, NAME));
  }
}
