package io.hashtagstreams.examples;

import java.util.concurrent.TimeoutException;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.kafka.KafkaTweetSource;

/**
 * The pieces the subcommands share: the Kafka input, the tweet-to-topic steps, and a query that prints each
 * micro-batch as a table.
 *
 * <pre>{@code
 * Dataset<Row> topics = Queries.topics(context, common);
 * StreamingQuery query = Queries.printBatches(topics.groupBy("topic").count(), "update", "counts", context, common,
 *     new BatchTable("counts", context.out(), 20, col("count").desc(), col("topic")));
 * }</pre>
 */
public final class Queries {

  private Queries() {
  }

  /**
   * The streaming Kafka records of the input topic.
   *
   * @param context where Kafka is
   * @param common the topic and starting offsets
   * @return Spark's Kafka source columns: {@code key, value, topic, partition, offset, timestamp, timestampType};
   *     at most {@code --max-offsets-per-trigger} records per micro-batch, by default for the embedded broker two
   *     trigger intervals' worth
   */
  public static Dataset<Row> records(QueryContext context, CommonConfig common) {
    KafkaTweetSource.Builder source = KafkaTweetSource.builder()
        .bootstrapServers(context.bootstrapServers())
        .subscribe(common.topic())
        .startingOffsets(common.startingOffsets())
        .failFastTimeout(common.kafkaTimeout());
    context.kafkaClient().applyTo(source::option);
    if (common.maxOffsetsPerTrigger() > 0) {
      source.maxOffsetsPerTrigger(common.maxOffsetsPerTrigger());
    } else if (common.embedded() && common.triggerInterval() != null && common.rate() > 0) {
      // On a busy laptop a batch may fall behind the generator; capping it at two intervals' worth of tweets keeps
      // tables coming every few seconds instead of one huge catch-up batch.
      source.maxOffsetsPerTrigger(Math.max(1, 2L * common.rate() * common.triggerInterval().toMillis() / 1000));
    }
    return source.buildStream(context.spark());
  }

  /**
   * The streaming Kafka records of any topic, read with {@code isolation.level=read_committed} so that records of
   * aborted transactions never show.
   *
   * @param context where Kafka is
   * @param topic the topic
   * @param startingOffsets {@code earliest} or {@code latest}
   * @return Spark's Kafka source columns
   */
  public static Dataset<Row> records(QueryContext context, String topic, String startingOffsets) {
    return records(context, topic, startingOffsets, CommonOptions.DEFAULT_KAFKA_TIMEOUT);
  }

  /**
   * The streaming Kafka records of any topic, read committed, with the given fail-fast timeout.
   *
   * @param context where Kafka is
   * @param topic the topic
   * @param startingOffsets {@code earliest} or {@code latest}
   * @param kafkaTimeout how long to wait for the brokers and the topic before failing
   * @return Spark's Kafka source columns
   */
  public static Dataset<Row> records(QueryContext context, String topic, String startingOffsets,
      java.time.Duration kafkaTimeout) {
    KafkaTweetSource.Builder source = KafkaTweetSource.builder()
        .failFastTimeout(kafkaTimeout)
        .bootstrapServers(context.bootstrapServers())
        .subscribe(topic)
        .startingOffsets(startingOffsets)
        .option("isolation.level", "read_committed");
    context.kafkaClient().applyTo(source::option);
    return source.buildStream(context.spark());
  }

  /**
   * One row per hashtag of each readable tweet of the input topic.
   *
   * @param context where Kafka is
   * @param common the topic and starting offsets
   * @return {@code id, network, author, text, event_time, lang, is_retweet, tags, topic}
   */
  public static Dataset<Row> topics(QueryContext context, CommonConfig common) {
    return records(context, common)
        .transform(HashtagOps.extractText(ExtractOptions.builder().countRejections(RejectionCounts.NAME).build()))
        .transform(HashtagOps.explodeTopics());
  }

  /**
   * The same topics as {@link #topics}, as a batch over everything the input topic holds now: for the windows a
   * finite input left open ({@code EndOfInput}).
   *
   * @param context where Kafka is
   * @param common the topic
   * @return the topics' columns, batch
   */
  public static Dataset<Row> batchTopics(QueryContext context, CommonConfig common) {
    KafkaTweetSource.Builder source = KafkaTweetSource.builder()
        .bootstrapServers(context.bootstrapServers())
        .subscribe(common.topic())
        .startingOffsets("earliest")
        .endingOffsets("latest")
        .failFastTimeout(common.kafkaTimeout());
    context.kafkaClient().applyTo(source::option);
    return source.buildBatch(context.spark())
        .transform(HashtagOps.extractText())
        .transform(HashtagOps.explodeTopics());
  }

  /**
   * Starts a query that prints every micro-batch with {@code table}.
   *
   * @param result the streaming result
   * @param outputMode {@code append}, {@code update} or {@code complete}
   * @param name the query name (also the checkpoint directory's name)
   * @param context the run's context
   * @param common the trigger
   * @param table the printer
   * @return the started query
   * @throws IllegalStateException when Spark does not start the query in time
   */
  public static StreamingQuery printBatches(Dataset<Row> result, String outputMode, String name,
      QueryContext context, CommonConfig common, BatchTable table) {
    try {
      return result.writeStream()
          .queryName(name)
          .outputMode(outputMode)
          .trigger(common.trigger())
          .option("checkpointLocation", context.checkpoint(name))
          .foreachBatch(table)
          .start();
    } catch (TimeoutException e) {
      throw new IllegalStateException("query " + name + " did not start: " + e.getMessage(), e);
    }
  }
}
