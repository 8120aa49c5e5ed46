package io.hashtagstreams.examples;

import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;

import io.hashtagstreams.core.HashtagOps;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Step 1 of the walkthrough: connects to the input topic and prints the streaming Dataset's schema, as Spark's
 * Kafka source delivers it and after {@code HashtagOps.extractText()} and {@code HashtagOps.explodeTopics()}.
 *
 * <p>Run it:
 * <pre>
 * mvn -B -ntp -Pdemo -DskipTests -pl examples -am package -Ddemo.args="schema"
 * spark-submit --class io.hashtagstreams.examples.HashtagStreamsApp hashtag-streams-examples-0.1.0-SNAPSHOT-cluster.jar \
 *     schema --bootstrap-servers broker:9092 --topic tweets
 * </pre>
 * No query starts, so nothing is read; it takes the shared options ({@link CommonConfig}).
 */
@Command(name = "schema",
    description = "print the schema of the Kafka records and of the extracted tweets and topics")
public final class SchemaCommand extends Subcommand<SchemaCommand.Config> {

  @Mixin
  CommonOptions common;

  /**
   * The options of {@code schema}.
   *
   * @param common the shared options
   */
  public record Config(CommonConfig common) implements RunConfig {
  }

  /** Runs {@code schema} as if {@code HashtagStreamsApp schema args...} had been called. */
  public static void main(String[] args) {
    HashtagStreamsApp.main(HashtagStreamsApp.prepend("schema", args));
  }

  @Override
  protected Config toConfig() {
    return new Config(common.toConfig(20));
  }

  /**
   * The streaming Dataset after {@code extractText()} and {@code explodeTopics()}; not started.
   *
   * @param context where Kafka is
   * @param config the options
   * @return the Dataset; its schema is what this subcommand prints last
   */
  public Dataset<Row> buildQuery(QueryContext context, Config config) {
    return Queries.topics(context, config.common());
  }

  @Override
  public Optional<StreamingQuery> start(QueryContext context, Config config) {
    Dataset<Row> records = Queries.records(context, config.common());
    Dataset<Row> tweets = records.transform(HashtagOps.extractText());
    Dataset<Row> topics = buildQuery(context, config);
    String nl = System.lineSeparator();
    context.out().print("Kafka records of topic " + config.common().topic() + ":" + nl
        + records.schema().treeString() + nl
        + "after extractText():" + nl + tweets.schema().treeString() + nl
        + "after explodeTopics():" + nl + topics.schema().treeString());
    context.out().flush();
    return Optional.empty();
  }
}
