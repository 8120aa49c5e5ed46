package io.hashtagstreams.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.streaming.StreamingQuery;

import io.hashtagstreams.kafka.DeadLetters;
import io.hashtagstreams.kafka.KafkaSink;

/**
 * {@code --dead-letter-topic T}: a second query of the run, named {@code <subcommand>-dead-letters}, that reads the
 * same input topic with the same trigger and writes every record the tweet reader rejects to {@code T}
 * ({@link DeadLetters}: the original key and bytes, the reason and the record's source in headers).
 *
 * <pre>{@code
 * List<String> topics = DeadLetterQuery.withTopic(command.outputTopics(config), common);  // for the embedded broker
 * Optional<StreamingQuery> deadLetters = DeadLetterQuery.start(context, common, "top");
 * }</pre>
 */
final class DeadLetterQuery {

  private DeadLetterQuery() {
  }

  /**
   * The topics an embedded broker must create: {@code topics} plus the dead-letter topic, if any.
   *
   * @param topics the subcommand's output topics
   * @param common the shared options
   * @return the topics to create
   */
  static List<String> withTopic(List<String> topics, CommonConfig common) {
    if (common.deadLetterTopic() == null || topics.contains(common.deadLetterTopic())) {
      return topics;
    }
    List<String> all = new ArrayList<>(topics);
    all.add(common.deadLetterTopic());
    return all;
  }

  /**
   * Starts the dead-letter query when {@code --dead-letter-topic} was given.
   *
   * @param context where Kafka is, the work directory for the checkpoint
   * @param common the input topic, trigger and dead-letter topic
   * @param subcommand the subcommand's name, for the query's name
   * @return the running query, or empty without {@code --dead-letter-topic}
   */
  static Optional<StreamingQuery> start(QueryContext context, CommonConfig common, String subcommand) {
    if (common.deadLetterTopic() == null) {
      return Optional.empty();
    }
    String name = subcommand + "-dead-letters";
    KafkaSink.Builder builder = KafkaSink.builder()
        .bootstrapServers(context.bootstrapServers())
        .topic(common.deadLetterTopic())
        .checkpointLocation(context.checkpoint(name))
        .trigger(common.trigger())
        .queryName(name)
        .failFastTimeout(common.kafkaTimeout());
    context.kafkaClient().applyTo(builder::option);
    KafkaSink sink = builder.build();
    return Optional.of(DeadLetters.start(Queries.records(context, common), sink));
  }
}
