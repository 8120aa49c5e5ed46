package io.hashtagstreams.examples;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;

import io.hashtagstreams.core.EndOfInput;
import io.hashtagstreams.core.HashtagOps;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Step 5, the demo: the {@code --k} most frequent hashtags of each event-time window
 * ({@code HashtagOps.topTopics}, or {@code HashtagOps.approxTopTopics} with {@code --approx MAX_TRACKED}), printed
 * once per window when the watermark passes the window's end.
 *
 * <table>
 *   <caption>Printed columns</caption>
 *   <tr><th>column</th><th>meaning</th></tr>
 *   <tr><td>{@code window_start}, {@code window_end}</td><td>the window, UTC</td></tr>
 *   <tr><td>{@code rank}</td><td>1 to k; ties in count are ranked by topic</td></tr>
 *   <tr><td>{@code topic}, {@code count}</td><td>the hashtag and its occurrences in the window (with
 *       {@code --approx}: the sketch's estimate)</td></tr>
 *   <tr><td>{@code count_lower}, {@code count_upper}</td><td>only with {@code --approx}: bounds that contain the
 *       true count</td></tr>
 * </table>
 *
 * <p>{@code --approx MAX_TRACKED} (a power of two from 8 to 16,777,216) keeps one frequent-items sketch of at most
 * {@code 0.75 * MAX_TRACKED} hashtags per open window instead of every distinct hashtag: bounded memory for the
 * full firehose, exact while a window has fewer distinct hashtags than that.
 *
 * <p>Run it (the quick start; the embedded generator's clock runs 10 times faster than the wall clock, so a
 * one-minute window closes every 6 s):
 * <pre>
 * mvn -B -ntp -Pdemo -DskipTests -pl examples -am package
 * mvn -B -ntp -Pdemo -DskipTests -pl examples -am package -Ddemo.args="top --k 5 --window 30s --duration 2m"
 * spark-submit --class io.hashtagstreams.examples.HashtagStreamsApp --master yarn \
 *     hashtag-streams-examples-0.1.0-SNAPSHOT-cluster.jar top --bootstrap-servers broker:9092 --topic tweets
 * </pre>
 * It takes the shared options ({@link CommonConfig}), the window options ({@link WindowConfig}) and {@code --k}
 * (default 10).
 */
@Command(name = "top",
    description = "the top --k hashtags of each window, printed when the window closes (the demo)")
public final class TopCommand extends Subcommand<TopCommand.Config> {

  @Option(names = "--k", paramLabel = "N", defaultValue = "10", converter = OptionConverters.PositiveInt.class,
      description = "hashtags per window (default ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--approx", paramLabel = "MAX_TRACKED", converter = MaxTrackedConverter.class,
      description = "rank from a frequent-items sketch of this size per window (a power of two from 8 to "
          + "16777216), printing count_lower and count_upper; default: exact")
  Integer approx;

  @Mixin
  WindowOptions windows;

  @Mixin
  CommonOptions common;

  /**
   * The options of {@code top}.
   *
   * @param common the shared options
   * @param windows window, slide and watermark
   * @param k how many hashtags per window
   * @param approx the sketch size of {@code --approx}; empty for the exact ranking
   */
  public record Config(CommonConfig common, WindowConfig windows, int k, OptionalInt approx) implements RunConfig {
  }

  /** {@code --approx}: {@code must be a power of two from 8 to 16777216, got '1000'}. */
  public static final class MaxTrackedConverter extends OptionConverters.Base<Integer> {

    /** Creates the converter. */
    public MaxTrackedConverter() {
      super(value -> {
        int number = OptionConverters.WholeLong.parse(value, Integer::parseInt);
        if (number < 8 || number > (1 << 24) || Integer.bitCount(number) != 1) {
          throw new OptionConverters.InvalidValue("must be a power of two from 8 to 16777216, got '" + value + "'");
        }
        return number;
      });
    }
  }

  /** Runs {@code top} as if {@code HashtagStreamsApp top args...} had been called. */
  public static void main(String[] args) {
    HashtagStreamsApp.main(HashtagStreamsApp.prepend("top", args));
  }

  @Override
  protected Config toConfig() {
    return new Config(common.toConfig(Math.max(20, 3 * k)), windows.toConfig(), k,
        approx == null ? OptionalInt.empty() : OptionalInt.of(approx));
  }

  /**
   * Starts the ranking in append mode.
   *
   * @param context where Kafka is and where to print
   * @param config the options
   * @return the started query
   */
  public StreamingQuery buildQuery(QueryContext context, Config config) {
    return Queries.printBatches(flatten(rank(Queries.topics(context, config.common()), config), config), "append",
        name(), context, config.common(), table(context, config));
  }

  /** Prints the windows a finite input left open, ranked as the stream would have ranked them. */
  @Override
  public void printLeftOpenWindows(QueryContext context, Config config, Optional<Instant> watermark) {
    table(context, config).printClosedByEndOfInput(flatten(
        rank(Queries.batchTopics(context, config.common()), config).transform(EndOfInput.windowsLeftOpen(watermark)),
        config));
  }

  private static Dataset<Row> rank(Dataset<Row> topics, Config config) {
    WindowConfig windows = config.windows();
    return config.approx().isPresent()
        ? topics.transform(HashtagOps.approxTopTopics(config.k(), config.approx().getAsInt(), windows.window(),
            windows.slide(), windows.watermark()))
        : topics.transform(HashtagOps.topTopics(config.k(), windows.window(), windows.slide(), windows.watermark()));
  }

  private static Dataset<Row> flatten(Dataset<Row> ranked, Config config) {
    return config.approx().isPresent()
        ? ranked.selectExpr("window.start AS window_start", "window.end AS window_end", "rank", "topic", "count",
            "count_lower", "count_upper")
        : ranked.selectExpr("window.start AS window_start", "window.end AS window_end", "rank", "topic", "count");
  }

  private BatchTable table(QueryContext context, Config config) {
    return new BatchTable(name(), context.out(), config.common().rows(), col("window_start"), col("rank"));
  }

  @Override
  public Optional<StreamingQuery> start(QueryContext context, Config config) {
    return Optional.of(buildQuery(context, config));
  }
}
