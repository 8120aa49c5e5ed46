package io.hashtagstreams.examples;

import static org.apache.spark.sql.functions.col;

import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Step 3: running hashtag counts over the whole stream, in update mode: each micro-batch prints the topics whose
 * count changed, highest count first (ties by topic), untruncated, at most {@code --rows}.
 *
 * <table>
 *   <caption>Printed columns</caption>
 *   <tr><th>column</th><th>meaning</th></tr>
 *   <tr><td>{@code topic}</td><td>the normalized hashtag</td></tr>
 *   <tr><td>{@code count}</td><td>occurrences since the query started</td></tr>
 * </table>
 *
 * <p>Run it:
 * <pre>
 * mvn -B -ntp -Pdemo -DskipTests -pl examples -am package -Ddemo.args="counts --duration 30s"
 * </pre>
 * The state holds one row per distinct hashtag and never shrinks: fine for a demo, not for a stream that runs
 * for weeks (use {@code windowed}). It takes the shared options ({@link CommonConfig}).
 */
@Command(name = "counts",
    description = "running hashtag counts since the start (update mode)")
public final class CountsCommand extends Subcommand<CountsCommand.Config> {

  @Mixin
  CommonOptions common;

  /**
   * The options of {@code counts}.
   *
   * @param common the shared options
   */
  public record Config(CommonConfig common) implements RunConfig {
  }

  /** Runs {@code counts} as if {@code HashtagStreamsApp counts args...} had been called. */
  public static void main(String[] args) {
    HashtagStreamsApp.main(HashtagStreamsApp.prepend("counts", args));
  }

  @Override
  protected Config toConfig() {
    return new Config(common.toConfig(20));
  }

  /**
   * Starts the running count.
   *
   * @param context where Kafka is and where to print
   * @param config the options
   * @return the started query
   */
  public StreamingQuery buildQuery(QueryContext context, Config config) {
    Dataset<Row> counts = Queries.topics(context, config.common()).groupBy("topic").count();
    return Queries.printBatches(counts, "update", name(), context, config.common(),
        new BatchTable(name(), context.out(), config.common().rows(), col("count").desc(), col("topic")));
  }

  @Override
  public Optional<StreamingQuery> start(QueryContext context, Config config) {
    return Optional.of(buildQuery(context, config));
  }
}
