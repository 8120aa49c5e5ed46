package io.hashtagstreams.examples;

import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.kafka.DeliveryGuarantee;
import io.hashtagstreams.kafka.KafkaSink;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Step 6: windowed hashtag counts written as JSON records to an output topic through {@code KafkaSink}; read them
 * with {@code peek}.
 *
 * <table>
 *   <caption>Records written</caption>
 *   <tr><th>key</th><th>value</th></tr>
 *   <tr><td>{@code 2026-11-24T01:02:00Z/rio2016}</td>
 *       <td>{@code {"window":{"start":"2026-11-24T01:02:00Z","end":"2026-11-24T01:03:00Z"},"topic":"rio2016","count":42}}</td></tr>
 * </table>
 *
 * <p>{@code --output-mode update} (the default) writes a window's count again whenever it changes, so a consumer
 * keeps the latest value per key; {@code append} writes each window once, when it is final. {@code --exactly-once}
 * writes each micro-batch in one Kafka transaction, so a replayed batch (after a crash or restart with the same
 * {@code --checkpoint}) adds nothing a {@code read_committed} consumer sees; without it, Spark's own sink writes
 * at least once.
 *
 * <p>Run it:
 * <pre>
 * mvn -B -ntp -Pdemo -DskipTests -pl examples -am package -Ddemo.args="to-kafka --exactly-once --duration 30s"
 * spark-submit --class io.hashtagstreams.examples.HashtagStreamsApp hashtag-streams-examples-0.1.0-SNAPSHOT-cluster.jar \
 *     to-kafka --bootstrap-servers broker:9092 --topic tweets --output-topic hashtag-counts \
 *     --checkpoint hdfs:///checkpoints/hashtag-counts --exactly-once
 * </pre>
 * It takes the shared options ({@link CommonConfig}), the window options ({@link WindowConfig}),
 * {@code --output-topic} (default {@code hashtag-counts}), {@code --output-mode append|update},
 * {@code --checkpoint} (default: a temporary directory removed at the end) and {@code --exactly-once}.
 */
@Command(name = "to-kafka",
    description = "windowed counts as JSON records to --output-topic through KafkaSink")
public final class ToKafkaCommand extends Subcommand<ToKafkaCommand.Config> {

  @Mixin
  ToKafkaOptions output;

  @Mixin
  WindowOptions windows;

  @Mixin
  CommonOptions common;

  /**
   * The options of {@code to-kafka}.
   *
   * @param common the shared options
   * @param windows window, slide and watermark
   * @param outputTopic where the counts go
   * @param outputMode {@code append} or {@code update}
   * @param checkpoint the checkpoint location, or null for one in the run's temporary directory
   * @param exactlyOnce whether to write in transactions
   */
  public record Config(CommonConfig common, WindowConfig windows, String outputTopic, String outputMode,
      String checkpoint, boolean exactlyOnce) implements RunConfig {
  }

  /** Runs {@code to-kafka} as if {@code HashtagStreamsApp to-kafka args...} had been called. */
  public static void main(String[] args) {
    HashtagStreamsApp.main(HashtagStreamsApp.prepend("to-kafka", args));
  }

  @Override
  protected Config toConfig() {
    return output.toConfig(common.toConfig(20), windows.toConfig());
  }

  @Override
  public List<String> outputTopics(Config config) {
    return List.of(config.outputTopic());
  }

  /**
   * Starts writing the windowed counts to the output topic.
   *
   * @param context where Kafka is
   * @param config the options
   * @return the started query
   */
  public StreamingQuery buildQuery(QueryContext context, Config config) {
    Dataset<Row> records = Queries.topics(context, config.common())
        .transform(HashtagOps.windowedCounts(config.windows().window(), config.windows().slide(),
            config.windows().watermark()))
        .transform(HashtagOps.toKafkaValue());
    KafkaSink.Builder sink = KafkaSink.builder()
        .failFastTimeout(config.common().kafkaTimeout())
        .bootstrapServers(context.bootstrapServers())
        .topic(config.outputTopic())
        .checkpointLocation(config.checkpoint() != null ? config.checkpoint() : context.checkpoint(name()))
        .outputMode(config.outputMode())
        .trigger(config.common().trigger())
        .queryName(name())
        .deliveryGuarantee(config.exactlyOnce() ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE);
    context.kafkaClient().applyTo(sink::option);
    return sink.build().start(records);
  }

  @Override
  public Optional<StreamingQuery> start(QueryContext context, Config config) {
    // The embedded broker and its topics end with the run, so only a cluster's topic can be peeked at later.
    context.out().println("[to-kafka] writing windowed counts to topic " + config.outputTopic() + " ("
        + (config.exactlyOnce() ? "exactly once" : "at least once") + ")"
        + (config.common().embedded() ? " on the embedded broker"
            : "; read them with: peek --bootstrap-servers " + config.common().bootstrapServers() + " --output-topic "
                + config.outputTopic()
                + (config.common().kafkaClient().isEmpty() ? "" : " --kafka-config FILE")));
    return Optional.of(buildQuery(context, config));
  }
}
