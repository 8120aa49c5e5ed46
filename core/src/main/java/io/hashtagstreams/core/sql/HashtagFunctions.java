package io.hashtagstreams.core.sql;

import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataType;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.internal.sql.NetworkOverloads;

/**
 * Registers the SQL functions of Hashtag Streams in a Spark session, for {@code spark.sql(...)}, notebooks and
 * {@code functions.call_function(...)}. To have them in every session by configuration alone, set
 * {@code spark.sql.extensions} to {@link HashtagSqlExtensions} instead.
 *
 * <table>
 *   <caption>Functions</caption>
 *   <tr><th>SQL</th><th>returns (DDL)</th><th>like</th><th>class</th></tr>
 *   <tr><td>{@code hashtags(text)}</td><td>{@code array<string>}</td><td>the topics of {@code explodeTopics()}</td>
 *       <td>{@link HashtagsUdf}</td></tr>
 *   <tr><td>{@code hashtags_as_written(text)}</td><td>{@code array<string>}</td>
 *       <td>{@link io.hashtagstreams.core.Hashtags#extract(CharSequence)}</td><td>{@link HashtagsAsWrittenUdf}</td></tr>
 *   <tr><td>{@code hashtags(text, network)}</td><td>{@code array<string>}</td>
 *       <td>{@code hashtags(text)} by the rules of {@code network}: {@code 'twitter'}, {@code 'bluesky'} or
 *       {@code 'mastodon'} (since 0.3.0)</td><td>{@link HashtagsByNetworkUdf}</td></tr>
 *   <tr><td>{@code hashtags_as_written(text, network)}</td><td>{@code array<string>}</td>
 *       <td>{@link io.hashtagstreams.core.Hashtags#extract(CharSequence, io.hashtagstreams.core.Network)}
 *       (since 0.3.0)</td><td>{@link HashtagsAsWrittenByNetworkUdf}</td></tr>
 *   <tr><td>{@code normalize_hashtag(tag)}</td><td>{@code string}</td>
 *       <td>{@link io.hashtagstreams.core.Hashtags#normalize(String)}</td><td>{@link NormalizeHashtagUdf}</td></tr>
 *   <tr><td>{@code parse_tweet(value)}</td>
 *       <td>as {@code parse_post}</td>
 *       <td>a row of {@code extractText()} (the 0.2 name)</td><td>{@link ParseTweetUdf}</td></tr>
 *   <tr><td>{@code parse_post(value)}</td><td>{@value ParsePostUdf#RETURN_TYPE}</td>
 *       <td>a row of {@code extractText()}, any network</td><td>{@link ParsePostUdf}</td></tr>
 *   <tr><td>{@code tweet_reject_reason(value)}</td><td>{@code string}</td><td>the {@code reason} of
 *       {@code rejected()}</td><td>{@link TweetRejectReasonUdf}</td></tr>
 * </table>
 *
 * <p>{@code text} and {@code tag} are strings; {@code value} is string or binary (one function takes both). NULL in
 * gives NULL out, except {@code tweet_reject_reason(NULL)}, which is {@code 'null_value'} as in {@code rejected()}.
 * The functions work in batch and streaming queries alike. Each class has a public no-argument constructor, so
 * PySpark registers it by name: {@code spark.udf.registerJavaFunction("hashtags",
 * "io.hashtagstreams.core.sql.HashtagsUdf", "array<string>")}. A name registered that way holds one function, so
 * there the two-argument forms need names of their own (see {@link HashtagsByNetworkUdf}); {@link #register(SparkSession)} gives
 * both forms under one name. A {@code network} other than {@code 'twitter'}, {@code 'bluesky'} and
 * {@code 'mastodon'} fails the query naming the value: at analysis when it is a literal, else at the first such row.
 *
 * <pre>{@code
 * HashtagFunctions.register(spark);
 * spark.readStream().format("kafka")...load().createOrReplaceTempView("records");
 * Dataset<Row> topics = spark.sql(
 *     "SELECT t.event_time, topic FROM (SELECT parse_tweet(value) AS t FROM records) "
 *         + "LATERAL VIEW explode(hashtags(t.text)) AS topic");
 * }</pre>
 *
 * @since 0.2.0
 */
public final class HashtagFunctions {

  private HashtagFunctions() {
  }

  /**
   * Registers the functions of the table above in {@code spark} under their SQL names, reading tweets with
   * {@link ExtractOptions#defaults()}; a function of the same name registered before is replaced.
   *
   * @param spark the session whose SQL sees the functions
   * @throws IllegalArgumentException when {@code spark} is null
   */
  public static void register(SparkSession spark) {
    register(spark, ExtractOptions.defaults());
  }

  /**
   * Registers the functions of the table above in {@code spark}, with {@code parse_tweet} and {@code tweet_reject_reason}
   * reading tweets as {@code extractText(options)} and {@code rejected(options)} do.
   *
   * <pre>{@code
   * HashtagFunctions.register(spark, ExtractOptions.builder().eventTimeField(EventTimeField.TIMESTAMP_MS).build());
   * }</pre>
   *
   * @param spark the session whose SQL sees the functions
   * @param options how {@code parse_tweet} and {@code tweet_reject_reason} read tweets
   * @throws IllegalArgumentException when {@code spark} or {@code options} is null
   */
  public static void register(SparkSession spark, ExtractOptions options) {
    if (spark == null) {
      throw new IllegalArgumentException("HashtagFunctions.register needs a SparkSession, got null");
    }
    if (options == null) {
      throw new IllegalArgumentException("HashtagFunctions.register needs ExtractOptions, got null;"
          + " use ExtractOptions.defaults()");
    }
    for (SqlFunction function : all(options)) {
      if (function.byNetwork() != null) {
        NetworkOverloads.register(spark, function.name(), function.plain(), function.byNetwork(),
            type(function.returnType()));
      } else {
        spark.udf().register(function.name(), function.udf(), type(function.returnType()));
      }
    }
  }

  /**
   * One SQL function: its name, its Java class's instance, the instance of its {@code (text, network)} form when it
   * has one (else null) and its return type (DDL).
   */
  record SqlFunction(String name, UDF1<?, ?> udf, UDF2<String, String, ?> byNetwork, String returnType) {

    @SuppressWarnings("unchecked")
    UDF1<String, ?> plain() {
      return (UDF1<String, ?>) udf;
    }
  }

  /** The functions, in the order of the class comment's table; the one list that both ways of registering use. */
  static List<SqlFunction> all(ExtractOptions options) {
    return List.of(
        new SqlFunction(HashtagsUdf.NAME, new HashtagsUdf(), new HashtagsByNetworkUdf(), HashtagsUdf.RETURN_TYPE),
        new SqlFunction(HashtagsAsWrittenUdf.NAME, new HashtagsAsWrittenUdf(), new HashtagsAsWrittenByNetworkUdf(),
            HashtagsAsWrittenUdf.RETURN_TYPE),
        new SqlFunction(NormalizeHashtagUdf.NAME, new NormalizeHashtagUdf(), null, NormalizeHashtagUdf.RETURN_TYPE),
        new SqlFunction(ParseTweetUdf.NAME, new ParseTweetUdf(options), null, ParseTweetUdf.RETURN_TYPE),
        new SqlFunction(ParsePostUdf.NAME, new ParsePostUdf(options), null, ParsePostUdf.RETURN_TYPE),
        new SqlFunction(TweetRejectReasonUdf.NAME, new TweetRejectReasonUdf(options), null,
            TweetRejectReasonUdf.RETURN_TYPE));
  }

  static DataType type(String ddl) {
    return DataType.fromDDL(ddl);
  }
}
