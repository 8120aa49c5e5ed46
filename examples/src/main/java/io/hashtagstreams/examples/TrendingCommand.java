package io.hashtagstreams.examples;

import static org.apache.spark.sql.functions.col;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.Column;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;

import io.hashtagstreams.core.EndOfInput;
import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.TrendOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The rising hashtags of each event-time window ({@code HashtagOps.trendingTopics}), printed once per window when
 * the watermark passes the window's end. The embedded generator schedules a burst of {@code #FlashMob2016}
 * {@link TweetFeed#BURST_AFTER} of event time after the start, so the demo shows it appear in the first window of the
 * burst once three windows of history exist.
 *
 * <table>
 *   <caption>Printed columns</caption>
 *   <tr><th>column</th><th>meaning</th></tr>
 *   <tr><td>{@code window_start}, {@code window_end}</td><td>the window, UTC</td></tr>
 *   <tr><td>the {@code --group-by} columns</td><td>with {@code --group-by}: the group (for example {@code lang})</td></tr>
 *   <tr><td>{@code rank}</td><td>1 to k, by score, ties by topic (per window and group)</td></tr>
 *   <tr><td>{@code topic}, {@code count}</td><td>the hashtag and its occurrences in the window (with
 *       {@code --by-authors}: the number of distinct accounts that used it)</td></tr>
 *   <tr><td>{@code baseline}</td><td>the count the hashtag's recent peak share predicts for this window</td></tr>
 *   <tr><td>{@code score}</td><td>the evidence of the rise, in nats (see {@code HashtagOps.trendingTopics})</td></tr>
 * </table>
 *
 * <p>Run it:
 * <pre>
 * mvn -B -ntp -Pdemo -DskipTests -pl examples -am package -Ddemo.args="trending --k 5 --duration 3m"
 * </pre>
 * Options: the shared ones ({@link CommonConfig}) and {@code --k} (default 10), {@code --window} (default 1m),
 * {@code --watermark} (default 30s), {@code --history} (default 10), {@code --min-count} (default 10),
 * {@code --by-authors} (count accounts, not posts), {@code --group-by lang|network} (one ranking per group, may be
 * given twice) and {@code --max-tracked N} (bounded memory: a sketch of map size N per window, a power of two).
 * Windows are tumbling (no {@code --slide}).
 */
@Command(name = "trending",
    description = "the rising hashtags of each window with count, baseline and score, printed when the window closes")
public final class TrendingCommand extends Subcommand<TrendingCommand.Config> {

  @Option(names = "--k", paramLabel = "N", defaultValue = "10", converter = OptionConverters.PositiveInt.class,
      description = "hashtags per window (default ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--window", paramLabel = "D", defaultValue = "1m", converter = DurationConverter.class,
      description = "tumbling window length (default ${DEFAULT-VALUE})")
  Duration window;

  @Option(names = "--watermark", paramLabel = "D", defaultValue = "30s", converter = DurationConverter.class,
      description = "allowed lateness in event time (default ${DEFAULT-VALUE})")
  Duration watermark;

  @Option(names = "--history", paramLabel = "N", defaultValue = "10", converter = OptionConverters.PositiveInt.class,
      description = "windows of history each window is compared with (default ${DEFAULT-VALUE})")
  int history;

  @Option(names = "--min-count", paramLabel = "N", defaultValue = "10",
      converter = OptionConverters.PositiveInt.class,
      description = "fewest occurrences in a window to be listed (default ${DEFAULT-VALUE})")
  int minCount;

  @Option(names = "--by-authors",
      description = "count the distinct accounts that used a hashtag in a window, not its posts (one account "
          + "posting a tag 500 times counts 1)")
  boolean byAuthors;

  @Option(names = "--group-by", paramLabel = "COLUMN",
      description = "rank each language (lang) or network separately, against its own history; may be given twice")
  List<String> groupBy = new ArrayList<>();

  @Option(names = "--max-tracked", paramLabel = "N", converter = OptionConverters.PositiveInt.class,
      description = "bounded memory: keep a frequent-items sketch of map size N (a power of two, 8 to 16777216) per "
          + "window instead of exact counts")
  Integer maxTracked;

  @Mixin
  CommonOptions common;

  /** The table the streaming query prints to; it counts the rows printed. */
  private BatchTable streamed;

  /** The columns {@code --group-by} accepts: those of the extracted posts that name a group of them. */
  static final List<String> GROUP_COLUMNS = List.of("lang", "network");

  /**
   * The options of {@code trending}.
   *
   * @param common the shared options
   * @param options k, window, watermark, history and minimum count
   */
  public record Config(CommonConfig common, TrendOptions options) implements RunConfig {
  }

  /** Runs {@code trending} as if {@code HashtagStreamsApp trending args...} had been called. */
  public static void main(String[] args) {
    HashtagStreamsApp.main(HashtagStreamsApp.prepend("trending", args));
  }

  @Override
  protected Config toConfig() {
    TrendOptions options;
    try {
      for (String column : groupBy) {
        if (!GROUP_COLUMNS.contains(column)) {
          throw new UsageException("--group-by must be one of " + GROUP_COLUMNS + ", but it is '" + column + "'");
        }
      }
      TrendOptions.Builder builder = TrendOptions.builder().k(k).window(window).watermark(watermark)
          .history(history).minCount(minCount).countAuthors(byAuthors).groupBy(groupBy.toArray(String[]::new));
      if (maxTracked != null) {
        builder.maxTracked(maxTracked);
      }
      options = builder.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage().replace("trendingTopics: maxTracked", "--max-tracked")
          .replace("trendingTopics: groupBy", "--group-by"));
    }
    return new Config(common.toConfig(Math.max(20, 3 * k)), options);
  }

  /**
   * Starts the trending query in append mode.
   *
   * @param context where Kafka is and where to print
   * @param config the options
   * @return the started query
   */
  public StreamingQuery buildQuery(QueryContext context, Config config) {
    streamed = table(context, config);
    return Queries.printBatches(flatten(Queries.topics(context, config.common())
        .transform(HashtagOps.trendingTopics(config.options())), config.options()), "append", name(), context,
        config.common(), streamed);
  }

  /**
   * Prints the windows a finite input left open, scored by a batch run over the whole input (which also sees rows
   * the stream dropped as late; with a watermark longer than the input's disorder the scores are the same). When
   * the whole run printed no row, says why ({@link TrendingHint}): no window was past the warm-up, or nothing rose.
   */
  @Override
  public void printLeftOpenWindows(QueryContext context, Config config, Optional<Instant> watermark) {
    Dataset<Row> topics = Queries.batchTopics(context, config.common());
    BatchTable atEnd = table(context, config);
    atEnd.printClosedByEndOfInput(flatten(topics.transform(HashtagOps.trendingTopics(config.options()))
        .transform(EndOfInput.windowsLeftOpen(watermark)), config.options()));
    long printed = atEnd.printedRows() + (streamed == null ? 0 : streamed.printedRows());
    TrendingHint.whenNothingPrinted(printed, topics, config.options()).ifPresent(line -> {
      context.out().println(line);
      context.out().flush();
    });
  }

  private static Dataset<Row> flatten(Dataset<Row> trending, TrendOptions options) {
    // Two decimals are what a reader compares; the full doubles (0.24794316489056947) are in the library's output.
    List<String> columns = new ArrayList<>(List.of("window.start AS window_start", "window.end AS window_end"));
    columns.addAll(options.groupBy());
    columns.addAll(List.of("rank", "topic", "count", "round(baseline, 2) AS baseline", "round(score, 2) AS score"));
    return trending.selectExpr(columns.toArray(String[]::new));
  }

  BatchTable table(QueryContext context, Config config) {
    List<Column> order = new ArrayList<>(List.of(col("window_start")));
    config.options().groupBy().forEach(group -> order.add(col(group).asc_nulls_first()));
    order.add(col("rank"));
    return new BatchTable(name(), context.out(), config.common().rows(), order.toArray(Column[]::new));
  }

  @Override
  public Optional<StreamingQuery> start(QueryContext context, Config config) {
    return Optional.of(buildQuery(context, config));
  }
}
