package io.hashtagstreams.core;

import java.time.Duration;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.hashtagstreams.core.internal.KafkaValueEncoding;
import io.hashtagstreams.core.internal.TopTopicsRanking;
import io.hashtagstreams.core.internal.TopicExplosion;
import io.hashtagstreams.core.internal.TweetExtraction;
import io.hashtagstreams.core.internal.WindowedCounting;

import scala.Function1;

/**
 * The public transformations of Hashtag Streams, each returned as a function for {@link Dataset#transform}.
 *
 * <p>The data flows one way:
 * <pre>
 * value (tweet JSON) -&gt; extractText -&gt; id, text, event_time, lang, is_retweet
 *                    -&gt; explodeTopics -&gt; ... + topic
 *                    -&gt; windowedCounts / topTopics -&gt; window, [rank,] topic, count
 *                    -&gt; toKafkaValue -&gt; key, value
 * value (tweet JSON) -&gt; rejected -&gt; input columns + reason   (the dead-letter branch)
 * </pre>
 *
 * <pre>{@code
 * Dataset<Row> counts = spark.read().text("tweets.jsonl")
 *     .transform(HashtagOps.extractText())
 *     .transform(HashtagOps.explodeTopics())
 *     .transform(HashtagOps.windowedCounts(Duration.ofMinutes(1)));
 * }</pre>
 *
 * <p>Every transformation checks its input columns when {@code .transform(...)} calls it and throws
 * {@link IllegalArgumentException} naming the missing column and listing the columns present. All of them work on
 * batch and on streaming Datasets.
 *
 * @since 0.1.0
 */
public final class HashtagOps {

  private HashtagOps() {
  }

  /**
   * Reads tweets from a JSON column, with {@link ExtractOptions#defaults()}.
   *
   * @see #extractText(ExtractOptions)
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> extractText() {
    return extractText(ExtractOptions.defaults());
  }

  /**
   * Reads one tweet per row from column {@code value} in a single forward pass over its bytes.
   *
   * <table>
   *   <caption>Columns</caption>
   *   <tr><th>input</th><th>output</th></tr>
   *   <tr><td>{@code value}: string or binary (UTF-8 JSON of one tweet); other columns are ignored</td>
   *       <td>{@code id} long, {@code text} string, {@code event_time} timestamp, {@code lang} string (nullable),
   *           {@code is_retweet} boolean</td></tr>
   * </table>
   *
   * <p>{@code text} is the complete text: the retweeted tweet's full text for a retweet,
   * {@code extended_tweet.full_text} for a long tweet, otherwise {@code text}; {@code &amp;amp;}, {@code &amp;lt;}
   * and {@code &amp;gt;} are decoded. Records that are not readable tweets (notices, malformed JSON, null values, ...)
   * are absent here and present in {@link #rejected(ExtractOptions)} with the same options.
   *
   * <pre>{@code
   * Dataset<Row> tweets = kafkaRecords.transform(HashtagOps.extractText(
   *     ExtractOptions.builder().excludeRetweets(true).build()));
   * }</pre>
   *
   * @param options how to read the tweets
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)} when {@code value} is missing or neither string nor
   *     binary
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> extractText(ExtractOptions options) {
    return input -> TweetExtraction.extract(input, options);
  }

  /**
   * The dead-letter companion of {@link #extractText()}, with {@link ExtractOptions#defaults()}.
   *
   * @see #rejected(ExtractOptions)
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> rejected() {
    return rejected(ExtractOptions.defaults());
  }

  /**
   * The records that {@link #extractText(ExtractOptions)} with the same options does not return, each with the
   * reason. Built on the same parsing code, so every input record lands in exactly one of the two outputs (except
   * retweets dropped on purpose by {@link ExtractOptions#excludeRetweets()}).
   *
   * <table>
   *   <caption>Columns</caption>
   *   <tr><th>input</th><th>output</th></tr>
   *   <tr><td>{@code value}: string or binary, plus any other columns</td>
   *       <td>all input columns, plus {@code reason} string: one of the {@link RejectReason} codes</td></tr>
   * </table>
   *
   * <pre>{@code
   * Dataset<Row> deadLetters = kafkaRecords.transform(HashtagOps.rejected());
   * }</pre>
   *
   * @param options the options given to {@code extractText}
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)} when {@code value} is missing or of another type
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> rejected(ExtractOptions options) {
    return input -> TweetExtraction.rejected(input, options);
  }

  /**
   * One row per hashtag, with {@link TopicOptions#defaults()} (normalized, every occurrence counted).
   *
   * @see #explodeTopics(TopicOptions)
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> explodeTopics() {
    return explodeTopics(TopicOptions.defaults());
  }

  /**
   * One row per hashtag occurrence in {@code text}, found by {@link Hashtags#extract(CharSequence)}.
   *
   * <table>
   *   <caption>Columns</caption>
   *   <tr><th>input</th><th>output</th></tr>
   *   <tr><td>{@code text} string, plus any other columns</td>
   *       <td>all input columns, plus {@code topic} string ({@link Hashtags#normalize(String)} of the tag unless
   *           {@link TopicOptions#keepCase()})</td></tr>
   * </table>
   *
   * <p>Rows whose text is null or has no hashtag produce no output row.
   *
   * <pre>{@code
   * Dataset<Row> topics = tweets.transform(HashtagOps.explodeTopics(
   *     TopicOptions.builder().oncePerTweet(true).build()));
   * }</pre>
   *
   * @param options case and de-duplication
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)} when {@code text} is missing
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> explodeTopics(TopicOptions options) {
    return input -> TopicExplosion.explode(input, options);
  }

  /**
   * Tumbling-window counts per topic whose watermark delay equals the window.
   *
   * @param window the window length
   * @return the transformation
   * @see #windowedCounts(Duration, Duration, Duration)
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> windowedCounts(Duration window) {
    return windowedCounts(window, window, window);
  }

  /**
   * Counts per topic and event-time window, with the watermark applied on {@code event_time} here so that append
   * mode works.
   *
   * <table>
   *   <caption>Columns</caption>
   *   <tr><th>input</th><th>output</th></tr>
   *   <tr><td>{@code event_time} timestamp, {@code topic} string</td>
   *       <td>{@code window} struct&lt;start, end&gt;, {@code topic} string, {@code count} long</td></tr>
   * </table>
   *
   * <p>Output modes: append (each window once, after the watermark passes its end), update (changed windows each
   * trigger), complete.
   *
   * <pre>{@code
   * Dataset<Row> counts = topics.transform(HashtagOps.windowedCounts(
   *     Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(2)));
   * }</pre>
   *
   * @param window the window length
   * @param slide how far each window starts after the previous one (equal to {@code window} for tumbling)
   * @param watermark how late a record may arrive, in event time, and still be counted
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)} when a duration is null, zero, negative or below a
   *     millisecond, when {@code slide} exceeds {@code window}, or when a column is missing
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> windowedCounts(Duration window, Duration slide,
      Duration watermark) {
    return input -> WindowedCounting.count(input, window, slide, watermark);
  }

  /**
   * The {@code k} most frequent topics of each one-minute tumbling window, emitted once the window is final.
   *
   * @param k how many topics per window
   * @return the transformation
   * @see #topTopics(int, Duration, Duration, Duration)
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> topTopics(int k) {
    Duration minute = Duration.ofMinutes(1);
    return topTopics(k, minute, minute, minute);
  }

  /**
   * The {@code k} most frequent topics per event-time window, ties broken by topic in ascending order.
   *
   * <table>
   *   <caption>Columns</caption>
   *   <tr><th>input</th><th>output</th></tr>
   *   <tr><td>{@code event_time} timestamp, {@code topic} string</td>
   *       <td>{@code window} struct&lt;start, end&gt;, {@code rank} int (1..k), {@code topic} string,
   *           {@code count} long</td></tr>
   * </table>
   *
   * <p>On a streaming Dataset, run it in append mode: each window's ranking is emitted once, after the watermark
   * passes the window's end, and its state is dropped then.
   *
   * <pre>{@code
   * Dataset<Row> top = topics.transform(HashtagOps.topTopics(10,
   *     Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(30)));
   * }</pre>
   *
   * @param k how many topics per window, at least 1
   * @param window the window length
   * @param slide the window slide
   * @param watermark the allowed lateness in event time
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)} when {@code k < 1}, a duration is invalid or a
   *     column is missing
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> topTopics(int k, Duration window, Duration slide,
      Duration watermark) {
    return input -> TopTopicsRanking.rank(input, k, window, slide, watermark);
  }

  /**
   * Turns window counts or rankings into Kafka records.
   *
   * <table>
   *   <caption>Columns</caption>
   *   <tr><th>input</th><th>output</th></tr>
   *   <tr><td>{@code window}, {@code topic}, {@code count}, optional {@code rank}</td>
   *       <td>{@code key} string ({@code 2016-07-29T12:46:00Z/rio2016}), {@code value} string
   *           ({@code {"window":{"start":"...Z","end":"...Z"},"topic":"rio2016","count":42}}, with {@code "rank"}
   *           when present)</td></tr>
   * </table>
   *
   * <pre>{@code
   * Dataset<Row> records = counts.transform(HashtagOps.toKafkaValue());
   * }</pre>
   *
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)} when a column is missing
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> toKafkaValue() {
    return KafkaValueEncoding::encode;
  }
}
