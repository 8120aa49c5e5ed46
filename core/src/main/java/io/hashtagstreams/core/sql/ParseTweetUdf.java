package io.hashtagstreams.core.sql;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.internal.TweetRowFunction;

/**
 * SQL function {@code parse_tweet(value)}: one post's fields from its JSON, read by the same one-pass scanner as
 * {@code HashtagOps.extractText()}, so the non-null results are exactly the rows {@code extractText} returns. Since
 * 0.3 it reads every {@link io.hashtagstreams.core.PostFormat} and returns the same struct as
 * {@link ParsePostUdf parse_post}, the name to use in new code; {@code parse_tweet} stays for 0.2 queries.
 *
 * <table>
 *   <caption>Function</caption>
 *   <tr><th>SQL name</th><th>argument</th><th>return type (DDL)</th></tr>
 *   <tr><td>{@value #NAME}</td><td>{@code value} string or binary: the UTF-8 JSON of one tweet</td>
 *       <td>{@value #RETURN_TYPE}</td></tr>
 * </table>
 *
 * <p>The fields are those of {@code extractText}: {@code text} is the complete text (the retweeted tweet's for a
 * retweet, {@code extended_tweet.full_text} for a long tweet), {@code event_time} comes from {@code created_at}
 * (by default) and {@code lang} may be null.
 *
 * <p>Null behaviour: NULL for a NULL value and for every record that {@code rejected()} would return (notices,
 * malformed JSON, ...; {@link TweetRejectReasonUdf tweet_reject_reason} gives the reason), and NULL for a retweet
 * when the options exclude retweets. A readable tweet never gives NULL, so
 * {@code WHERE parse_tweet(value) IS NOT NULL} keeps exactly the tweets.
 *
 * <p>String or binary: one function takes both. A binary value is read as it is (a Kafka {@code value}); a string
 * value is read as its UTF-8 bytes. Spark hands a Java function a string already decoded, so a string column
 * holding bytes that are not valid UTF-8 (possible with {@code spark.read.text} on a damaged file) arrives with
 * U+FFFD in place of the bad bytes and is read rather than rejected as {@code invalid_utf8}; pass
 * {@code CAST(value AS BINARY)} to get exactly {@code extractText}'s verdict on such input. Any other type fails
 * the query with an {@link IllegalArgumentException} naming the type.
 *
 * <pre>{@code
 * SELECT t.id, t.event_time, t.text
 * FROM (SELECT parse_tweet(value) AS t FROM kafka_records)
 * WHERE t IS NOT NULL
 * }</pre>
 *
 * <p>By class name from PySpark: {@code spark.udf.registerJavaFunction("parse_tweet",
 * "io.hashtagstreams.core.sql.ParseTweetUdf", <the value of RETURN_TYPE>)}.
 *
 * @since 0.2.0
 */
public final class ParseTweetUdf implements UDF1<Object, Row> {

  private static final long serialVersionUID = 1L;

  /** The SQL name {@link HashtagFunctions} registers this function under. */
  public static final String NAME = "parse_tweet";
  /** The return type as a Spark DDL string, to pass when registering by class name. */
  public static final String RETURN_TYPE = ParsePostUdf.RETURN_TYPE;

  private final TweetRowFunction scan;

  /** The function with {@link ExtractOptions#defaults()}; used by Spark's {@code registerJava}. */
  public ParseTweetUdf() {
    this(ExtractOptions.defaults());
  }

  /**
   * The function reading tweets with {@code options}, as {@code extractText(options)} does.
   *
   * @param options how to read the tweets
   * @throws IllegalArgumentException when {@code options} is null
   */
  public ParseTweetUdf(ExtractOptions options) {
    if (options == null) {
      throw new IllegalArgumentException(NAME + " needs ExtractOptions, got null; use ExtractOptions.defaults()");
    }
    this.scan = new TweetRowFunction(options);
  }

  /**
   * The tweet in {@code value}.
   *
   * @param value the tweet JSON as a String or byte[]; may be null
   * @return a row {@code (id, network, author, text, event_time, lang, is_retweet, tags)}, or null (see the class
   *     comment)
   * @throws IllegalArgumentException when {@code value} is neither a String nor a byte[]
   */
  @Override
  public Row call(Object value) {
    return scan.tweet(TweetRowFunction.valueBytes(value, NAME));
  }
}
