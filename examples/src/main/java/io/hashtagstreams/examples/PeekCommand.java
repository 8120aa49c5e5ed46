package io.hashtagstreams.examples;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Step 7: reads the output topic of {@code to-kafka} from its beginning and prints the records (key, offset and
 * JSON value, untruncated, ordered by key and offset; a key always lives in one partition), like the console
 * consumer of the walkthrough. It reads with {@code isolation.level=read_committed}, so records of aborted
 * transactions never show.
 *
 * <p>With {@code --bootstrap-servers} it only reads. With the embedded broker there is nothing to read unless
 * something writes, so it also runs {@code to-kafka} (same options) in the same process.
 *
 * <p>Run it:
 * <pre>
 * mvn -B -ntp -Pdemo -DskipTests -pl examples -am package -Ddemo.args="peek --exactly-once --duration 40s"
 * spark-submit --class io.hashtagstreams.examples.HashtagStreamsApp hashtag-streams-examples-0.1.0-SNAPSHOT-cluster.jar \
 *     peek --bootstrap-servers broker:9092 --output-topic hashtag-counts
 * </pre>
 * It takes the options of {@link ToKafkaCommand} (those other than {@code --output-topic} only matter with the
 * embedded broker).
 */
@Command(name = "peek",
    description = "print the records of --output-topic (with the embedded broker, to-kafka runs too)")
public final class PeekCommand extends Subcommand<ToKafkaCommand.Config> {

  @Mixin
  ToKafkaOptions output;

  @Mixin
  WindowOptions windows;

  @Mixin
  CommonOptions common;

  /** Runs {@code peek} as if {@code HashtagStreamsApp peek args...} had been called. */
  public static void main(String[] args) {
    HashtagStreamsApp.main(HashtagStreamsApp.prepend("peek", args));
  }

  @Override
  protected ToKafkaCommand.Config toConfig() {
    return output.toConfig(common.toConfig(20), windows.toConfig());
  }

  @Override
  public List<String> outputTopics(ToKafkaCommand.Config config) {
    return List.of(config.outputTopic());
  }

  /**
   * Starts the query printing {@code key, offset, value} of the output topic from its earliest offsets.
   *
   * @param context where Kafka is and where to print
   * @param config the options; only the output topic, trigger and rows matter here
   * @return the started query
   */
  public StreamingQuery buildQuery(QueryContext context, ToKafkaCommand.Config config) {
    Dataset<Row> records = Queries.records(context, config.outputTopic(), "earliest", config.common().kafkaTimeout())
        .selectExpr("CAST(key AS STRING) AS key", "offset", "CAST(value AS STRING) AS value");
    return Queries.printBatches(records, "append", name(), context, config.common(),
        new BatchTable(name(), context.out(), config.common().rows(), col("key"), col("offset")));
  }

  @Override
  public Optional<StreamingQuery> start(QueryContext context, ToKafkaCommand.Config config) {
    if (config.common().embedded()) {
      new ToKafkaCommand().start(context, config);
    }
    return Optional.of(buildQuery(context, config));
  }
}
