package io.hashtagstreams.kafka;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.StreamingQuery;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.HashtagOps;

import scala.Function1;

/**
 * Sends the Kafka records that {@code HashtagOps.extractText()} cannot read to a dead-letter topic, unchanged and
 * labelled with why and where they came from. Together with the tweets, nothing read from Kafka is lost: each record
 * is either a tweet or a dead letter.
 *
 * <pre>{@code
 * Dataset<Row> records = KafkaTweetSource.builder()
 *     .bootstrapServers("broker:9092").subscribe("tweets").buildStream(spark);
 * StreamingQuery deadLetters = DeadLetters.start(records, KafkaSink.builder()
 *     .bootstrapServers("broker:9092")
 *     .topic("tweets-dead-letters")
 *     .checkpointLocation("/checkpoints/tweets-dead-letters")
 *     .build());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DeadLetters {

  /** Header with the {@code RejectReason} code, e.g. {@code malformed_json}. */
  public static final String REASON = "reason";
  /** Header with the topic the record was read from. */
  public static final String SOURCE_TOPIC = "source.topic";
  /** Header with the partition, as decimal text. */
  public static final String SOURCE_PARTITION = "source.partition";
  /** Header with the offset, as decimal text. */
  public static final String SOURCE_OFFSET = "source.offset";
  /** Header with the record timestamp in milliseconds since the epoch, as decimal text. */
  public static final String SOURCE_TIMESTAMP = "source.timestamp";

  private static final List<String> NEEDED = List.of("key", "value", "topic", "partition", "offset", "timestamp");

  private DeadLetters() {
  }

  /**
   * {@link #toKafkaRecords(ExtractOptions)} with {@code ExtractOptions.defaults()}.
   *
   * @return the transformation
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> toKafkaRecords() {
    return toKafkaRecords(ExtractOptions.defaults());
  }

  /**
   * The records of a Kafka Dataset that {@code HashtagOps.extractText(options)} rejects, as Kafka records for the
   * dead-letter topic.
   *
   * <table>
   *   <caption>Columns</caption>
   *   <tr><th>input (from {@link KafkaTweetSource})</th><th>output (for {@link KafkaSink})</th></tr>
   *   <tr><td>{@code key}, {@code value} binary, {@code topic}, {@code partition}, {@code offset},
   *           {@code timestamp}; optional {@code headers}</td>
   *       <td>{@code key} binary (the original key), {@code value} binary (the original bytes, null for a
   *           tombstone), {@code headers} array&lt;struct&lt;key string, value binary&gt;&gt;: {@value #REASON},
   *           {@value #SOURCE_TOPIC}, {@value #SOURCE_PARTITION}, {@value #SOURCE_OFFSET},
   *           {@value #SOURCE_TIMESTAMP} (UTF-8 text), followed by the original headers when the input has
   *           them</td></tr>
   * </table>
   *
   * <pre>{@code
   * Dataset<Row> deadLetters = records.transform(DeadLetters.toKafkaRecords(options));
   * }</pre>
   *
   * @param options the options given to {@code extractText}, so that the two agree on what is rejected
   * @return the transformation
   * @throws IllegalArgumentException at {@code .transform(...)} when a Kafka column is missing
   * @since 0.1.0
   */
  public static Function1<Dataset<Row>, Dataset<Row>> toKafkaRecords(ExtractOptions options) {
    return input -> encode(input, options);
  }

  /**
   * Starts the dead-letter query: {@code records.transform(toKafkaRecords())} written by {@code sink}.
   *
   * @param records the Kafka Dataset the tweets are read from
   * @param sink where the dead letters go; its output mode must be append (the default)
   * @return the running query
   * @throws IllegalArgumentException when a Kafka column is missing or the sink is not in append mode
   * @since 0.1.0
   */
  public static StreamingQuery start(Dataset<Row> records, KafkaSink sink) {
    return start(records, ExtractOptions.defaults(), sink);
  }

  /**
   * Starts the dead-letter query for records read with non-default extract options.
   *
   * @param records the Kafka Dataset the tweets are read from
   * @param options the options given to {@code extractText}
   * @param sink where the dead letters go; its output mode must be append (the default)
   * @return the running query
   * @throws IllegalArgumentException when a Kafka column is missing or the sink is not in append mode
   * @since 0.1.0
   */
  public static StreamingQuery start(Dataset<Row> records, ExtractOptions options, KafkaSink sink) {
    if (!sink.outputMode().equals("append")) {
      throw new IllegalArgumentException("DeadLetters: the sink must be in append mode, but is in "
          + sink.outputMode() + " mode");
    }
    return sink.start(records.transform(toKafkaRecords(options)));
  }

  private static Dataset<Row> encode(Dataset<Row> input, ExtractOptions options) {
    List<String> columns = Arrays.asList(input.columns());
    for (String needed : NEEDED) {
      if (!columns.contains(needed)) {
        throw new IllegalArgumentException("DeadLetters needs the Kafka column '" + needed
            + "' (key, value, topic, partition, offset, timestamp), but the input has only " + columns);
      }
    }
    Dataset<Row> rejected = input.transform(HashtagOps.rejected(options));
    Column ours = functions.array(
        header(REASON, col("reason")),
        header(SOURCE_TOPIC, col("topic")),
        header(SOURCE_PARTITION, col("partition").cast("string")),
        header(SOURCE_OFFSET, col("offset").cast("string")),
        header(SOURCE_TIMESTAMP, expr("CAST(unix_millis(timestamp) AS STRING)")));
    Column headers = columns.contains("headers")
        ? when(col("headers").isNull(), ours).otherwise(concat(ours, col("headers")))
        : ours;
    return rejected.select(col("key").cast("binary").as("key"), col("value").cast("binary").as("value"),
        headers.as("headers"));
  }

  private static Column header(String name, Column text) {
    return struct(lit(name).as("key"), text.cast("binary").as("value"));
  }
}
