package io.hashtagstreams.core.sql;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.internal.TweetRowFunction;

/**
 * SQL function {@code parse_post(value)}: one post's fields from its JSON, whatever its
 * {@link io.hashtagstreams.core.PostFormat} (Twitter v1.1, X API v2, Bluesky Jetstream, Mastodon), read by the same
 * one-pass scanner as {@code HashtagOps.extractText()}, so the non-null results are exactly the rows
 * {@code extractText} returns.
 *
 * <table>
 *   <caption>Function</caption>
 *   <tr><th>SQL name</th><th>argument</th><th>return type (DDL)</th></tr>
 *   <tr><td>{@value #NAME}</td><td>{@code value} string or binary: the UTF-8 JSON of one record</td>
 *       <td>{@value #RETURN_TYPE}</td></tr>
 * </table>
 *
 * <p>The fields are those of {@code extractText}: {@code id} names the post on its {@code network}
 * ({@code twitter}, {@code bluesky}, {@code mastodon}), {@code author} is the account's id there (may be null),
 * {@code tags} the network's own hashtag list of the post (null when the record carries none; then
 * {@code hashtags(text, network)} finds them by the network's rules).
 *
 * <p>Null behaviour: NULL for a NULL value, for every record that {@code rejected()} would return (its reason is
 * {@code tweet_reject_reason(value)}), and for a repost when the options exclude reposts. String and binary values
 * are read as {@link ParseTweetUdf parse_tweet} reads them; any other type fails the query with an
 * {@link IllegalArgumentException} naming the type.
 *
 * <pre>{@code
 * SELECT p.network, p.id, topic
 * FROM (SELECT parse_post(value) AS p FROM kafka_records)
 * LATERAL VIEW explode(coalesce(p.tags, hashtags_as_written(p.text, p.network))) AS topic
 * WHERE p IS NOT NULL
 * }</pre>
 *
 * <p>By class name from PySpark: {@code spark.udf.registerJavaFunction("parse_post",
 * "io.hashtagstreams.core.sql.ParsePostUdf", ParsePostUdf.RETURN_TYPE)}.
 *
 * @since 0.3.0
 */
public final class ParsePostUdf implements UDF1<Object, Row> {

  private static final long serialVersionUID = 1L;

  /** The SQL name {@link HashtagFunctions} registers this function under. */
  public static final String NAME = "parse_post";
  /** The return type as a Spark DDL string, to pass when registering by class name. */
  public static final String RETURN_TYPE = "struct<id:string,network:string,author:string,text:string,"
      + "event_time:timestamp,lang:string,is_retweet:boolean,tags:array<string>>";

  private final TweetRowFunction scan;

  /** The function with {@link ExtractOptions#defaults()}; used by Spark's {@code registerJava}. */
  public ParsePostUdf() {
    this(ExtractOptions.defaults());
  }

  /**
   * The function reading posts with {@code options}, as {@code extractText(options)} does.
   *
   * @param options how to read the posts
   * @throws IllegalArgumentException when {@code options} is null
   */
  public ParsePostUdf(ExtractOptions options) {
    if (options == null) {
      throw new IllegalArgumentException(NAME + " needs ExtractOptions, got null; use ExtractOptions.defaults()");
    }
    this.scan = new TweetRowFunction(options);
  }

  /**
   * The post in {@code value}.
   *
   * @param value the record JSON as a String or byte[]; may be null
   * @return a row {@code (id, network, author, text, event_time, lang, is_retweet, tags)}, or null
   * @throws IllegalArgumentException when {@code value} is neither a String nor a byte[]
   */
  @Override
  public Row call(Object value) {
    return scan.tweet(TweetRowFunction.valueBytes(value, NAME));
  }
}
