package io.hashtagstreams.examples;

import static org.apache.spark.sql.functions.col;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;

import io.hashtagstreams.core.EndOfInput;
import io.hashtagstreams.core.HashtagOps;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Step 4: hashtag counts per event-time window with a watermark ({@code HashtagOps.windowedCounts}), printed per
 * micro-batch with the latest window first, highest count first, untruncated, at most {@code --rows}.
 *
 * <table>
 *   <caption>Printed columns</caption>
 *   <tr><th>column</th><th>meaning</th></tr>
 *   <tr><td>{@code window_start}, {@code window_end}</td><td>the window, UTC</td></tr>
 *   <tr><td>{@code topic}</td><td>the normalized hashtag</td></tr>
 *   <tr><td>{@code count}</td><td>occurrences in the window</td></tr>
 * </table>
 *
 * <p>{@code --output-mode}: {@code append} prints each window once, when the watermark passes its end (final
 * counts); {@code update} (the default) prints the windows that changed in each batch; {@code complete} prints every
 * window in the state each batch (the watermark still bounds lateness but state is never dropped).
 *
 * <p>A finite input ({@code --input} with {@code --trigger available-now}) ends with its last windows still open in
 * append mode (no later row moved the watermark past them); when the query ends, they are printed under
 * {@code == windowed | closed by the end of input ==}, counted by the same operator over the whole topic as a batch
 * ({@code io.hashtagstreams.core.EndOfInput}), so every window is printed once. {@code update} and {@code complete}
 * have already printed every window with its latest count, so nothing is added.
 *
 * <p>Run it:
 * <pre>
 * mvn -B -ntp -Pdemo -DskipTests -pl examples -am package \
 *     -Ddemo.args="windowed --output-mode append --window 1m --slide 30s --watermark 20s"
 * </pre>
 * It takes the shared options ({@link CommonConfig}), the window options ({@link WindowConfig}) and
 * {@code --output-mode append|update|complete}.
 */
@Command(name = "windowed",
    description = "hashtag counts per event-time window with a watermark")
public final class WindowedCommand extends Subcommand<WindowedCommand.Config> {

  @Option(names = "--output-mode", paramLabel = "M", defaultValue = "update",
      converter = OptionConverters.NonBlank.class, description = "append|update|complete (default ${DEFAULT-VALUE})")
  String outputMode;

  @Mixin
  WindowOptions windows;

  @Mixin
  CommonOptions common;

  /**
   * The options of {@code windowed}.
   *
   * @param common the shared options
   * @param windows window, slide and watermark
   * @param outputMode {@code append}, {@code update} or {@code complete}
   */
  public record Config(CommonConfig common, WindowConfig windows, String outputMode) implements RunConfig {
  }

  /** Runs {@code windowed} as if {@code HashtagStreamsApp windowed args...} had been called. */
  public static void main(String[] args) {
    HashtagStreamsApp.main(HashtagStreamsApp.prepend("windowed", args));
  }

  @Override
  protected Config toConfig() {
    return new Config(common.toConfig(20), windows.toConfig(),
        oneOf("--output-mode", outputMode, "append", "complete", "update"));
  }

  /**
   * The windowed counts with the window flattened to two columns, not started.
   *
   * @param topics the output of {@code explodeTopics()}
   * @param windows the window options
   * @return {@code window_start, window_end, topic, count}
   */
  static Dataset<Row> windowedCounts(Dataset<Row> topics, WindowConfig windows) {
    Duration window = windows.window();
    return topics
        .transform(HashtagOps.windowedCounts(window, windows.slide(), windows.watermark()))
        .selectExpr("window.start AS window_start", "window.end AS window_end", "topic", "count");
  }

  /**
   * Starts the windowed count.
   *
   * @param context where Kafka is and where to print
   * @param config the options
   * @return the started query
   */
  public StreamingQuery buildQuery(QueryContext context, Config config) {
    Dataset<Row> counts = windowedCounts(Queries.topics(context, config.common()), config.windows());
    return Queries.printBatches(counts, config.outputMode(), name(), context, config.common(),
        table(context, config));
  }

  /**
   * In append mode, prints the windows a finite input left open, counted as the stream would have counted them;
   * nothing in the other modes, which printed every window already.
   */
  @Override
  public void printLeftOpenWindows(QueryContext context, Config config, Optional<Instant> watermark) {
    if (!"append".equals(config.outputMode())) {
      return;
    }
    Dataset<Row> counts = Queries.batchTopics(context, config.common())
        .transform(HashtagOps.windowedCounts(config.windows().window(), config.windows().slide(),
            config.windows().watermark()))
        .transform(EndOfInput.windowsLeftOpen(watermark))
        .selectExpr("window.start AS window_start", "window.end AS window_end", "topic", "count");
    table(context, config).printClosedByEndOfInput(counts);
  }

  private BatchTable table(QueryContext context, Config config) {
    return new BatchTable(name(), context.out(), config.common().rows(),
        col("window_start").desc(), col("count").desc(), col("topic"));
  }

  @Override
  public Optional<StreamingQuery> start(QueryContext context, Config config) {
    return Optional.of(buildQuery(context, config));
  }
}
