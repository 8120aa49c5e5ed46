package io.hashtagstreams.examples;

import static org.apache.spark.sql.functions.col;

import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Step 2: prints the raw Kafka records (partition, offset, the tweet JSON) of each micro-batch, untruncated and at
 * most {@code --rows} (default 5) per batch, until {@code --duration} (default 20s) ends; then stops the query.
 *
 * <p>Run it:
 * <pre>
 * mvn -B -ntp -Pdemo -DskipTests -pl examples -am package -Ddemo.args="raw --rows 3 --duration 15s"
 * </pre>
 * It takes the shared options ({@link CommonConfig}).
 */
@Command(name = "raw",
    description = "print the raw Kafka records (untruncated, --rows per batch, default 5; default --duration 20s)")
public final class RawCommand extends Subcommand<RawCommand.Config> {

  @Mixin
  CommonOptions common;

  /**
   * The options of {@code raw}.
   *
   * @param common the shared options
   */
  public record Config(CommonConfig common) implements RunConfig {
  }

  /** Runs {@code raw} as if {@code HashtagStreamsApp raw args...} had been called. */
  public static void main(String[] args) {
    HashtagStreamsApp.main(HashtagStreamsApp.prepend("raw", args));
  }

  @Override
  protected Config toConfig() {
    return new Config(common.toConfig(5, Duration.ofSeconds(20)));
  }

  /**
   * Starts the query printing {@code partition, offset, value} (value as UTF-8 text), ordered by partition and
   * offset.
   *
   * @param context where Kafka is and where to print
   * @param config the options
   * @return the started query
   */
  public StreamingQuery buildQuery(QueryContext context, Config config) {
    Dataset<Row> raw = Queries.records(context, config.common())
        .selectExpr("partition", "offset", "CAST(value AS STRING) AS value");
    return Queries.printBatches(raw, "append", name(), context, config.common(),
        new BatchTable(name(), context.out(), config.common().rows(), col("partition"), col("offset")));
  }

  @Override
  public Optional<StreamingQuery> start(QueryContext context, Config config) {
    return Optional.of(buildQuery(context, config));
  }
}
