package io.hashtagstreams.examples;

import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;

import io.hashtagstreams.core.HashtagOps;

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
public final class SchemaCommand implements Subcommand<SchemaCommand.Config> {

  /**
   * The options of {@code schema}.
   *
   * @param common the shared options
   */
  public record Config(CommonConfig common) {
  }

  /** Runs {@code schema} as if {@code HashtagStreamsApp schema args...} had been called. */
  public static void main(String[] args) {
    HashtagStreamsApp.main(HashtagStreamsApp.prepend("schema", args));
  }

  @Override
  public String name() {
    return "schema";
  }

  @Override
  public String summary() {
    return "print the schema of the Kafka records and of the extracted tweets and topics";
  }

  @Override
  public String ownUsage() {
    return "";
  }

  @Override
  public Config config(String... args) {
    return new Config(CommonConfig.from(
        Args.parse(name(), args, CommonConfig.VALUE_OPTIONS, CommonConfig.FLAG_OPTIONS), 20));
  }

  @Override
  public CommonConfig common(Config config) {
    return config.common();
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
