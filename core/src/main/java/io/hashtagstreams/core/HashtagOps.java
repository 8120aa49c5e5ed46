package io.hashtagstreams.core;

import java.time.Duration;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.hashtagstreams.core.internal.KafkaValueEncoding;
import io.hashtagstreams.core.internal.TopicExplosion;
import io.hashtagstreams.core.internal.TweetExtraction;
import io.hashtagstreams.core.internal.window.ApproxTopTopicsRanking;
import io.hashtagstreams.core.internal.window.TopTopicsRanking;
import io.hashtagstreams.core.internal.window.TrendingTopics;
import io.hashtagstreams.core.internal.window.WindowedCounting;

import scala.Function1;

/**
 * The public transformations of Hashtag Streams, each returned as a function for {@link Dataset#transform}.
 *
 * <p>The data flows one way:
 * <pre>
 * value (post JSON) -&gt; extractText -&gt; id, network, author, text, event_time, lang, is_retweet, tags
 *                    -&gt; explodeTopics -&gt; ... + topic
 *                    -&gt; windowedCounts / topTopics -&gt; window, [rank,] topic, count
 *                    -&gt; approxTopTopics -&gt; window, rank, topic, count, count_lower, count_upper
 *                    -&gt; trendingTopics -&gt; window, rank, topic, count, baseline, score
 *                    -&gt; toKafkaValue -&gt; key, value
 * value (post JSON) -&gt; rejected -&gt; input columns + reason   (the dead-letter branch)
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
   * Reads one post per row from column {@code value} in a single forward pass over its bytes, whatever the network:
   * the record's {@link PostFormat} (Twitter v1.1, X API v2, Bluesky Jetstream, Mastodon) is recognised from its
   * first keys, record by record, with no option needed.
   *
   * <table>
   *   <caption>Columns</caption>
   *   <tr><th>input</th><th>output</th></tr>
   *   <tr><td>{@code value}: string or binary (UTF-8 JSON of one record); other columns are ignored</td>
   *       <td>{@code id} string (names the post on its network: tweet id, {@code at://} URI, Status {@code uri}),
   *           {@code network} string ({@link Network#id()}), {@code author} string (user id, DID, account URL;
   *           nullable), {@code text} string, {@code event_time} timestamp, {@code lang} string (nullable),
   *           {@code is_retweet} boolean, {@code tags} array&lt;string&gt; (the network's own hashtag list of the
   *           post, as written and without signs; null when the record carries none)</td></tr>
   * </table>
   *
   * <table>
   *   <caption>Fields per format</caption>
   *   <tr><th>format</th><th>text</th><th>event_time</th><th>tags</th></tr>
   *   <tr><td>Twitter v1.1</td><td>the retweeted tweet's full text for a retweet,
   *       {@code extended_tweet.full_text} for a long tweet, else {@code text}</td><td>{@code created_at} (or
   *       {@code timestamp_ms}, see {@link ExtractOptions#eventTimeField()})</td><td>null (twitter-text
   *       applies)</td></tr>
   *   <tr><td>X API v2</td><td>{@code note_tweet.text} for a long post; the original from
   *       {@code includes.tweets} for a retweet</td><td>{@code created_at}</td>
   *       <td>{@code entities.hashtags[].tag}; null without {@code entities}</td></tr>
   *   <tr><td>Bluesky Jetstream</td><td>{@code record.text}</td><td>{@code record.createdAt} (declared by the
   *       client), else {@code time_us} (received by Jetstream)</td><td>facet tags (no cashtags) then
   *       {@code record.tags}; null when the record has neither</td></tr>
   *   <tr><td>Mastodon</td><td>{@code content} as plain text (HTML removed, entities decoded); the reblogged
   *       status's for a reblog</td><td>{@code created_at}</td><td>{@code tags[].name}</td></tr>
   * </table>
   *
   * <p>{@code &amp;amp;}, {@code &amp;lt;} and {@code &amp;gt;} are decoded in tweet texts. Records that are not
   * readable posts (notices, deletes, likes, follows, stream errors, malformed JSON, null values, ...) are absent
   * here and present in {@link #rejected(ExtractOptions)} with the same options, each with its {@link RejectReason}.
   * A Mastodon edit ({@code status.update}) is read again as a post with the same {@code id}: deduplicate by
   * {@code id} to count it once.
   *
   * <pre>{@code
   * Dataset<Row> posts = kafkaRecords.transform(HashtagOps.extractText(
   *     ExtractOptions.builder().excludeRetweets(true).build()));
   * }</pre>
   *
   * @param options how to read the posts
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
   * @throws IllegalArgumentException at {@code .transform(...)} when {@code value} is missing or of another type,
   *     or when the input already has a {@code reason} column
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
   * One row per hashtag occurrence of a post: the post's own tag list in {@code tags} when the input has that column
   * and the row's value is not null, otherwise the hashtags found in {@code text} by
   * {@link Hashtags#extract(CharSequence, Network)} with the row's {@code network} (twitter-text when there is no
   * {@code network} column or it is null). Every network's tags are then normalized the same way, so
   * {@code #Rio2016} on X and on Bluesky is one topic; {@code network} passes through, so counts can be split by it
   * ({@link #windowedCountsByNetwork(Duration, Duration, Duration)}).
   *
   * <table>
   *   <caption>Columns</caption>
   *   <tr><th>input</th><th>output</th></tr>
   *   <tr><td>{@code text} string; optional {@code tags} array&lt;string&gt; and {@code network} string (as
   *       {@code extractText} writes them); any other columns</td>
   *       <td>all input columns, plus {@code topic} string ({@link Hashtags#normalize(String)} of the tag unless
   *           {@link TopicOptions#keepCase()})</td></tr>
   * </table>
   *
   * <p>Rows with no hashtag (a null text and no tag list, an empty tag list, no hashtag in the text) produce no
   * output row. A {@code network} value that names no network is read with twitter-text rules.
   *
   * <pre>{@code
   * Dataset<Row> topics = posts.transform(HashtagOps.explodeTopics(
   *     TopicOptions.builder().oncePerTweet(true).build()));
   * }</pre>
   *
   * @param options case and de-duplication
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)} when {@code text} is missing or not a string, when
   *     {@code network} is not a string or {@code tags} not an array of strings, or when the input already has a
   *     {@code topic} column
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> explodeTopics(TopicOptions options) {
    return input -> TopicExplosion.explode(input, options);
  }

  /**
   * Tumbling-window counts per topic, with a watermark delay equal to the window: the same as
   * {@code windowedCounts(window, window, window)}.
   *
   * <pre>{@code
   * Dataset<Row> counts = topics.transform(HashtagOps.windowedCounts(Duration.ofMinutes(1)));
   * }</pre>
   *
   * @param window the window length (also the slide and the watermark delay)
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)}, see
   *     {@link #windowedCounts(Duration, Duration, Duration)}
   * @see #windowedCounts(Duration, Duration, Duration)
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> windowedCounts(Duration window) {
    return windowedCounts(window, window, window);
  }

  /**
   * Counts per topic and event-time window, with the watermark set on {@code event_time} here so that append
   * mode works without a {@code withWatermark} call of your own.
   *
   * <table>
   *   <caption>Columns</caption>
   *   <tr><th>input</th><th>output</th></tr>
   *   <tr><td>{@code event_time} timestamp, {@code topic} string; other columns are ignored</td>
   *       <td>{@code window} struct&lt;start timestamp, end timestamp&gt;, {@code topic} string, {@code count}
   *           long; nothing else</td></tr>
   * </table>
   *
   * <p>A window covers {@code [start, end)}; windows start at multiples of {@code slide} since the epoch, so with a
   * slide shorter than the window each row counts in {@code window / slide} windows. Rows whose {@code event_time} or
   * {@code topic} is null belong to no window and are not counted. This is Spark's own window aggregation
   * ({@code groupBy(window(...), topic).count()}), with the watermark applied first.
   *
   * <p>Lateness: the watermark is the latest {@code event_time} seen minus {@code watermark}, computed at the end of
   * each micro-batch. A row still counts as long as its window has not closed (its end is after the watermark), even
   * if the row itself is older than the watermark; rows for a closed window are dropped (Spark reports them as
   * {@code numRowsDroppedByWatermark}). A batch Dataset has no watermark: it counts every row.
   *
   * <table>
   *   <caption>Output modes on a streaming Dataset</caption>
   *   <tr><th>mode</th><th>what each trigger writes</th></tr>
   *   <tr><td>append</td><td>each window once, final, after the watermark reaches its end; state is then
   *       dropped</td></tr>
   *   <tr><td>update</td><td>the rows whose count changed in the trigger (upsert them by window and topic); state
   *       of closed windows is dropped</td></tr>
   *   <tr><td>complete</td><td>the whole table every trigger; nothing is ever dropped, so state grows without
   *       bound and late rows are still counted</td></tr>
   * </table>
   *
   * <pre>{@code
   * Dataset<Row> counts = topics.transform(HashtagOps.windowedCounts(
   *     Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(2)));
   * counts.writeStream().outputMode("append").format("console").option("truncate", false).start();
   * }</pre>
   *
   * @param window the window length, at least one millisecond
   * @param slide how far each window starts after the previous one, at least one millisecond and at most
   *     {@code window} (equal to {@code window} for tumbling windows)
   * @param watermark how late, in event time, a row may arrive and still be counted; zero allows no lateness
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)}, naming the parameter and its value, when a
   *     duration is null or not a whole number of milliseconds, when {@code window} or {@code slide} is not
   *     positive, when {@code watermark} is negative, when {@code slide} exceeds {@code window}; also when
   *     {@code event_time} or {@code topic} is missing, when {@code event_time} is not a timestamp (convert it with
   *     {@code to_timestamp}) or {@code topic} not a string, and when {@code event_time} already carries a
   *     watermark (drop your {@code withWatermark} call and pass its delay here)
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> windowedCounts(Duration window, Duration slide,
      Duration watermark) {
    return input -> WindowedCounting.count(input, window, slide, watermark);
  }

  /**
   * Counts per network, topic and event-time window: {@link #windowedCounts(Duration, Duration, Duration)} with
   * {@code network} as a key as well, so one topic gets a count per network.
   *
   * <table>
   *   <caption>Columns</caption>
   *   <tr><th>input</th><th>output</th></tr>
   *   <tr><td>{@code event_time} timestamp, {@code network} string, {@code topic} string; other columns are
   *       ignored</td>
   *       <td>{@code window} struct&lt;start timestamp, end timestamp&gt;, {@code network} string, {@code topic}
   *           string, {@code count} long; nothing else</td></tr>
   * </table>
   *
   * <p>Windows, watermark, output modes and null handling as in {@link #windowedCounts(Duration, Duration, Duration)};
   * rows whose {@code network} is null are counted under a null network.
   *
   * <pre>{@code
   * Dataset<Row> perNetwork = topics.transform(HashtagOps.windowedCountsByNetwork(
   *     Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1)));
   * }</pre>
   *
   * @param window the window length, at least one millisecond
   * @param slide the window slide, at least one millisecond and at most {@code window}
   * @param watermark how late, in event time, a row may arrive and still be counted
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)} for the reasons of
   *     {@link #windowedCounts(Duration, Duration, Duration)}, and when {@code network} is missing or not a string
   * @since 0.3.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> windowedCountsByNetwork(Duration window, Duration slide,
      Duration watermark) {
    return input -> WindowedCounting.countByNetwork(input, window, slide, watermark);
  }

  /**
   * The {@code k} most frequent topics of each one-minute tumbling window with a one-minute watermark delay: the
   * same as {@code topTopics(k, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1))}.
   *
   * <pre>{@code
   * Dataset<Row> top10 = topics.transform(HashtagOps.topTopics(10));
   * }</pre>
   *
   * @param k how many topics per window, at least 1
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)}, see
   *     {@link #topTopics(int, Duration, Duration, Duration)}
   * @see #topTopics(int, Duration, Duration, Duration)
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> topTopics(int k) {
    Duration minute = Duration.ofMinutes(1);
    return topTopics(k, minute, minute, minute);
  }

  /**
   * The {@code k} most frequent topics per event-time window, each window's ranking written once, when it is
   * final.
   *
   * <table>
   *   <caption>Columns</caption>
   *   <tr><th>input</th><th>output</th></tr>
   *   <tr><td>{@code event_time} timestamp, {@code topic} string; other columns are ignored</td>
   *       <td>{@code window} struct&lt;start timestamp, end timestamp&gt;, {@code rank} int (1..k),
   *           {@code topic} string, {@code count} long; nothing else</td></tr>
   * </table>
   *
   * <p>Ranks follow count descending; equal counts are ordered by topic ascending ({@link String#compareTo}), so
   * ranks within a window are 1, 2, ... without gaps or repeats. A window with fewer than {@code k} topics gives
   * fewer rows. Windows, lateness and null handling are those of
   * {@link #windowedCounts(Duration, Duration, Duration)}: the counts ranked are the counts it would emit.
   *
   * <p>Streaming: Spark allows sorting and limiting only in complete mode, which would keep every window forever.
   * This operator instead keeps, per open window, each topic's count in state; when the watermark reaches the
   * window's end it writes the top {@code k} rows and drops the window's state, so memory holds only open windows.
   * Run it in <b>append</b> mode. Spark refuses other modes when the query starts
   * ({@code AnalysisException}: update mode "flatMapGroupsWithState in append mode is not supported with Update
   * output mode", complete mode "Complete output mode not supported when there are no streaming aggregations").
   * Rows for a window that was already written are dropped (and counted in {@code numRowsDroppedByWatermark}): a
   * window is never re-opened or written twice. A batch
   * Dataset is ranked with Spark's {@code row_number()} over the window counts, with the same result.
   *
   * <pre>{@code
   * Dataset<Row> top = topics.transform(HashtagOps.topTopics(10,
   *     Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(30)));
   * top.writeStream().outputMode("append").format("console").option("numRows", 1000).start();
   * }</pre>
   *
   * @param k how many topics per window, at least 1
   * @param window the window length, at least one millisecond
   * @param slide the window slide, at least one millisecond and at most {@code window}
   * @param watermark how late, in event time, a row may arrive and still be counted; zero allows no lateness
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)} when {@code k < 1}, and for the reasons given at
   *     {@link #windowedCounts(Duration, Duration, Duration)} (durations, columns, types, an existing watermark)
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> topTopics(int k, Duration window, Duration slide,
      Duration watermark) {
    return input -> TopTopicsRanking.rank(input, k, window, slide, watermark);
  }

  /**
   * The {@code k} most frequent topics of each one-minute tumbling window, estimated in bounded memory, with a
   * one-minute watermark delay: the same as
   * {@code approxTopTopics(k, maxTracked, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1))}.
   *
   * <pre>{@code
   * Dataset<Row> top10 = topics.transform(HashtagOps.approxTopTopics(10, 4096));
   * }</pre>
   *
   * @param k how many topics per window, at least 1
   * @param maxTracked the sketch size, a power of two from 8 to 2^24
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)}, see
   *     {@link #approxTopTopics(int, int, Duration, Duration, Duration)}
   * @see #approxTopTopics(int, int, Duration, Duration, Duration)
   * @since 0.2.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> approxTopTopics(int k, int maxTracked) {
    Duration minute = Duration.ofMinutes(1);
    return approxTopTopics(k, maxTracked, minute, minute, minute);
  }

  /**
   * The {@code k} most frequent topics per event-time window, estimated with a frequent-items sketch whose memory
   * is bounded by {@code maxTracked} however many distinct topics a window has; every count comes with bounds that
   * contain the true count.
   *
   * <table>
   *   <caption>Columns</caption>
   *   <tr><th>input</th><th>output</th></tr>
   *   <tr><td>{@code event_time} timestamp, {@code topic} string; other columns are ignored</td>
   *       <td>{@code window} struct&lt;start timestamp, end timestamp&gt;, {@code rank} int (1..k),
   *           {@code topic} string, {@code count} long (the estimate), {@code count_lower} long,
   *           {@code count_upper} long; nothing else</td></tr>
   * </table>
   *
   * <p>Ranks follow the estimate descending, then topic ascending ({@link String#compareTo}), as in
   * {@link #topTopics(int, Duration, Duration, Duration)}; a window whose sketch tracks fewer than {@code k} topics
   * gives fewer rows (besides windows with few topics, this happens right after the sketch purged, with a
   * {@code maxTracked} too small for the data: at most {@code 0.75 * maxTracked} topics survive a purge, often
   * about half of them). Windows, lateness and null handling are those of
   * {@link #windowedCounts(Duration, Duration, Duration)}.
   *
   * <p><b>The sketch and its guarantee.</b> Each window is summarized by Apache DataSketches' frequent-items sketch
   * ({@code org.apache.datasketches.frequencies.ItemsSketch}, datasketches-java 3.3.0, the version Spark 3.5
   * ships; a variant of the Misra-Gries algorithm, in the line of Misra and Gries 1982, Demaine et al. 2002, Karp et
   * al. 2003 and Space-Saving by Metwally et al. 2006, as analysed for this implementation by Anderson et al., "A
   * High-Performance Algorithm for Identifying Frequent Items in Data Streams", 2017, arXiv:1705.07001; the guarantees
   * below are those of the {@code ItemsSketch} Javadoc).
   * {@code maxTracked} is the sketch's {@code maxMapSize}: it keeps at most {@code 0.75 * maxTracked} topics with a
   * counter each, and when full it subtracts roughly the median counter from all of them and drops the ones that
   * reach zero, adding what it subtracted to a per-window error {@code e}. With {@code W} the window's occurrences
   * (rows):
   * <ul>
   *   <li><b>Exact below the range:</b> while a window has fewer than {@code 0.75 * maxTracked} distinct topics,
   *       {@code e = 0}: {@code count = count_lower = count_upper} is the true count and the rows equal those of
   *       {@code topTopics} with the same arguments.</li>
   *   <li><b>Bounds:</b> {@code count_lower <= true count <= count_upper} for every row, and
   *       {@code count_upper - count_lower = e <= 3.5 * W / maxTracked} (a worst case; on skewed data {@code e} is
   *       usually far smaller). {@code count} is the sketch's estimate, which in this version equals
   *       {@code count_upper}.</li>
   *   <li><b>Which topics are sure to appear:</b> every topic whose true count exceeds {@code e} is tracked, and
   *       since all rows share the same {@code e}, ranking by estimate is ranking by lower bound. A topic missing
   *       from a window's output has a true count of at most the {@code count_upper} of that window's row {@code k}
   *       (at most {@code e} when the window has fewer than {@code k} rows): every topic more frequent than that is
   *       listed. Two rows are certainly in true order when the first's
   *       {@code count_lower} exceeds the second's {@code count_upper}.</li>
   * </ul>
   * For example, {@code maxTracked = 4096} and a window of 2 million occurrences give bounds at most 1,709 wide, in
   * a state of at most 3,072 topics (about {@code 3072 * (12 + topic length)} bytes) per window.
   *
   * <p><b>How it runs.</b> A Spark aggregation grouped by window: each partition builds a partial sketch per
   * window, the partial sketches are merged in the shuffle (the guarantee holds for the merged sketch with
   * {@code W} the window's total), and on a streaming Dataset the state of each open window is that one serialized
   * sketch, at most {@code 0.75 * maxTracked} topics, however many distinct topics arrive. The top {@code k} are read
   * from the final sketch with {@code posexplode}, without sort or limit.
   *
   * <table>
   *   <caption>Output modes on a streaming Dataset</caption>
   *   <tr><th>mode</th><th>what each trigger writes</th></tr>
   *   <tr><td>append</td><td>each window's ranking once, final, when the watermark reaches its end; its state is
   *       then dropped</td></tr>
   *   <tr><td>update</td><td>for each window that received rows in the trigger, its whole current ranking (up to
   *       {@code k} rows; replace the window's earlier rows, since topics can change ranks or leave the top
   *       {@code k}); state of closed windows is dropped</td></tr>
   *   <tr><td>complete</td><td>every window's ranking every trigger; nothing is ever dropped</td></tr>
   * </table>
   * A batch Dataset runs the same aggregation once over all rows.
   *
   * <pre>{@code
   * Dataset<Row> top = topics.transform(HashtagOps.approxTopTopics(10, 4096,
   *     Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(30)));
   * top.writeStream().outputMode("append").format("console").option("truncate", false).start();
   * }</pre>
   *
   * @param k how many topics per window, at least 1
   * @param maxTracked the sketch size ({@code maxMapSize}): a power of two from 8 to 2^24 (16,777,216); it is not
   *     rounded
   * @param window the window length, at least one millisecond
   * @param slide the window slide, at least one millisecond and at most {@code window}
   * @param watermark how late, in event time, a row may arrive and still be counted; zero allows no lateness
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)} when {@code k < 1}, when {@code maxTracked} is not
   *     a power of two in range (the message names the nearest), and for the reasons given at
   *     {@link #windowedCounts(Duration, Duration, Duration)} (durations, columns, types, an existing watermark)
   * @since 0.2.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> approxTopTopics(int k, int maxTracked, Duration window,
      Duration slide, Duration watermark) {
    return input -> ApproxTopTopicsRanking.rank(input, k, maxTracked, window, slide, watermark);
  }

  /**
   * The {@code k} topics rising most in each one-minute tumbling window, with a one-minute watermark, a history of
   * ten windows and the other {@link TrendOptions#defaults()}: the same as
   * {@code trendingTopics(TrendOptions.builder().k(k).build())}.
   *
   * <pre>{@code
   * Dataset<Row> trending = topics.transform(HashtagOps.trendingTopics(10));
   * }</pre>
   *
   * @param k how many topics per window, at least 1
   * @return the transformation
   * @throws IllegalArgumentException when {@code k < 1} (at once), and at {@code .transform(...)} for the reasons
   *     given at {@link #trendingTopics(TrendOptions)}
   * @see #trendingTopics(TrendOptions)
   * @since 0.2.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> trendingTopics(int k) {
    return trendingTopics(TrendOptions.builder().k(k).build());
  }

  /**
   * The topics rising in each event-time window: those whose count is well above what their own recent history
   * predicts, best first. Not the biggest topics ({@link #topTopics(int)} ranks those) but the ones that surge.
   *
   * <table>
   *   <caption>Columns</caption>
   *   <tr><th>input</th><th>output</th></tr>
   *   <tr><td>{@code event_time} timestamp, {@code topic} string; with {@link TrendOptions#countAuthors()} also
   *           {@code author}; with {@link TrendOptions#groupBy()} also the group columns; other columns are
   *           ignored</td>
   *       <td>{@code window} struct&lt;start timestamp, end timestamp&gt;, the group columns (none without
   *           {@code groupBy}), {@code rank} int (1..k per window and group), {@code topic} string, {@code count}
   *           long (this window; distinct authors with {@code countAuthors}), {@code baseline} double (the count
   *           the topic's history predicts for this window), {@code score} double; nothing else</td></tr>
   * </table>
   *
   * <p>The statistic. For a topic in a tumbling window with {@code c} occurrences of the window's {@code N}
   * (all topics), its shares {@code c_i / N_i} in the {@code history} windows just before (those with rows), and
   * {@code N_h} the sum of those windows' totals:
   * <pre>
   * expected share  q = max( max_i c_i / N_i , 1 / (N_h + 1) )
   * baseline        b = q * N
   * score           s = c * ln(c / b) - (c - b)    if c &gt; b, else 0
   * </pre>
   * {@code s} is the Poisson log-likelihood ratio, in nats, of the observed count against the baseline (Dunning
   * 1993's G-statistic divided by two); in shares it is {@code N} times the Kullback-Leibler term
   * {@code p ln(p/q) - (p - q)} of the observed share {@code p = c / N} against the expected one, the term
   * Instagram Engineering's "Trending on Instagram" (2015) ranks by. Why: comparing shares, not counts, keeps
   * whole-stream volume changes out; comparing each topic to its own recent peak share keeps always-big topics out,
   * also when another topic's surge dented their share for a while; the floor is one pseudo-occurrence over the
   * history, so a brand-new topic has a small but nonzero expected share; and the likelihood ratio measures
   * evidence, so noise of a steady topic stays near {@code z^2 / 2} at any size while a tag going from 2 to 20
   * scores about 22 and from 20 to 200 about 220 (in a window of 720).
   *
   * <p>A topic is listed when {@code c >= minCount}, {@code s > 0} and {@code s >= minScore}; at most {@code k}
   * per window, by score descending, then topic ascending ({@link String#compareTo}); a window where nothing
   * passes gives no rows. What this guarantees:
   * <ul>
   *   <li>a topic holding its share scores 0 and is never listed, however big; with Poisson noise it must beat its
   *       own peak of the last {@code history} windows, and then the default {@code minScore} of 15, which a normal
   *       variable exceeds about once in 10^8 draws (5.5 standard deviations);</li>
   *   <li>a volume change that keeps every share (the stream doubles or halves) moves no score;</li>
   *   <li>a topic that was quiet and jumps to hundreds scores in the hundreds or more;</li>
   *   <li>a brand-new topic has {@code q = 1 / (N_h + 1)}, small but not zero, and needs {@code minCount}; a topic
   *       absent from the window is never listed;</li>
   *   <li>shares are relative: when a big topic stops, every other share rises by its share; a topic is listed
   *       then only if that rise is itself significant (a topic holding 20 % of the stream stopping lifts the others
   *       by 25 %);</li>
   *   <li>the first {@link TrendOptions#warmUpWindows()} windows of the stream ({@code min(history, 3)}, counted
   *       from the stream's earliest window) are never ranked: nothing is listed until there is history to compare
   *       with; a window after a gap longer than {@code history} windows has no history ({@code N_h = 0}, so
   *       {@code q = 1}) and lists nothing.</li>
   * </ul>
   *
   * <p>Lateness and nulls are those of {@link #windowedCounts(Duration, Duration, Duration)} with a tumbling
   * window: rows with a null {@code event_time} or {@code topic} are not counted; rows for a window the watermark
   * has closed are dropped ({@code numRowsDroppedByWatermark}).
   *
   * <p>Modes ({@link TrendOptions}): {@code countAuthors(true)} counts the distinct {@code author}s of a topic in a
   * window (exact; one account posting a tag 500 times counts 1); {@code groupBy("lang")} ranks each group
   * separately against its own history (warm-up per group; a null value is a group); {@code maxTracked(n)} keeps a
   * frequent-items sketch per window instead of exact counts, with the conservative bounds given at
   * {@link TrendOptions.Builder#maxTracked(int)}.
   *
   * <p>Streaming: run it in <b>append</b> mode (Spark refuses update and complete when the query starts). Each
   * window's ranking is written once, when the watermark passes the window's end, from the window's final counts.
   * Each group (all rows without {@code groupBy}) is one {@code flatMapGroupsWithState} group: Spark 3.5 accepts no
   * {@code flatMapGroupsWithState} after a streaming aggregation, and the score needs the window's total over all
   * topics. A group's state holds its open windows' counts and its last {@code history} closed windows, both by
   * 64-bit topic fingerprint (MurmurHash3; the text is kept only for topics that reach {@code minCount}), so a
   * one-off tag costs 8 to 16 bytes per window it is in; counts are exact unless two topics of a window share a
   * fingerprint (probability about {@code n^2 / 2^65} for {@code n} topics in the window). A micro-batch reads and
   * writes that state as a few primitive arrays; its cost follows the batch and the open windows, as
   * {@code topTopics}' does, plus a block copy of the history. A group that stops getting rows forgets its history
   * once the watermark is {@code history + 1} windows past its last window. Spark's progress reports the operator
   * with {@code numRowsTotal} = the number of groups and its size in {@code memoryUsedBytes} and the custom metric
   * {@code stateOnCurrentVersionSizeBytes}. A batch Dataset gives exactly the same rows (it runs the same ranking
   * code over Spark's window counts; in bounded mode, the same while every window fits its sketch).
   *
   * <pre>{@code
   * Dataset<Row> trending = topics.transform(HashtagOps.trendingTopics(TrendOptions.builder()
   *     .k(5).window(Duration.ofMinutes(1)).watermark(Duration.ofSeconds(30)).history(10).build()));
   * trending.writeStream().outputMode("append").format("console").option("truncate", false).start();
   * }</pre>
   *
   * @param options k, window, watermark, history, the two thresholds and the modes
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)} when {@code options} is null, when
   *     {@code event_time} or {@code topic} is missing or of another type, when {@code author} (with
   *     {@code countAuthors}) or a {@code groupBy} column is missing, and when {@code event_time} already carries a
   *     watermark (pass its delay as {@link TrendOptions#watermark()} instead)
   * @since 0.2.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> trendingTopics(TrendOptions options) {
    return input -> TrendingTopics.rank(input, options);
  }

  /**
   * Turns window counts or rankings into Kafka records: a text key and a JSON value with a fixed field order.
   *
   * <table>
   *   <caption>Columns</caption>
   *   <tr><th>input</th><th>output</th></tr>
   *   <tr><td>{@code window} struct&lt;start timestamp, end timestamp&gt;, {@code topic} string, {@code count}
   *           long or int, optional {@code rank} int or long; other columns are ignored</td>
   *       <td>{@code key} string, {@code value} string; nothing else</td></tr>
   * </table>
   *
   * <ul>
   *   <li>{@code key}: {@code <window start>/<topic>}, e.g. {@code 2016-07-29T12:46:00Z/rio2016}. The start alone
   *       identifies a window because a query uses one window length; with a log-compacted topic the last value
   *       per key wins, which suits update-mode counts.</li>
   *   <li>{@code value}, counts:
   *       {@code {"window":{"start":"2016-07-29T12:46:00Z","end":"2016-07-29T12:47:00Z"},"topic":"rio2016","count":42}}</li>
   *   <li>{@code value}, rankings ({@code rank} comes right after {@code window}):
   *       {@code {"window":{...},"rank":1,"topic":"rio2016","count":42}}</li>
   * </ul>
   *
   * <p>Timestamps are ISO-8601 in UTC with a {@code Z}, whatever {@code spark.sql.session.timeZone} is, with
   * milliseconds only when they are not zero ({@code 2016-07-29T12:46:00.250Z}), as {@link java.time.Instant}
   * prints them; microseconds are dropped. The JSON is written by Spark's {@code to_json}, so any topic text is
   * escaped correctly (quotes, backslashes, control characters; other characters, emoji included, are written as
   * UTF-8). A null field is written as JSON {@code null} and the key is then null. Works on batch and streaming
   * Datasets, in every output mode.
   *
   * <pre>{@code
   * Dataset<Row> records = counts.transform(HashtagOps.toKafkaValue());
   * records.writeStream().format("kafka").option("topic", "hashtag-counts") ... .start();
   * }</pre>
   *
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)} when {@code window}, {@code topic} or
   *     {@code count} is missing or of another type, or {@code rank} is present and not an integer
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> toKafkaValue() {
    return KafkaValueEncoding::encode;
  }
}
