package io.hashtagstreams.examples;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.types.DataTypes;

import io.hashtagstreams.core.RejectReason;
import io.hashtagstreams.core.sql.TweetRejectReasonUdf;

/**
 * How many input records each micro-batch rejected, per {@link RejectReason} code: a Spark observation
 * ({@code Dataset.observe}) named {@value #NAME} on the Kafka records, one count per code, read back from the
 * batch's progress ({@code observedMetrics}). The codes are {@link RejectReason#values()}, so a reason added for a
 * new format is counted without a change here.
 *
 * <p>Every record read is classified once more by the same reader {@code extractText} and {@code rejected} use
 * ({@link TweetRejectReasonUdf}); a tweet is counted nowhere, a rejected record under exactly one code.
 *
 * <pre>{@code
 * Dataset<Row> records = RejectionCounts.observe(kafkaRecords);   // same columns, same rows
 * Map<String, Long> perReason = RejectionCounts.of(query.lastProgress());
 * String text = RejectionCounts.format(perReason);                // "rejected 3 (delete_notice 2, limit_notice 1)"
 * }</pre>
 */
final class RejectionCounts {

  /** The observation's name in {@code StreamingQueryProgress.observedMetrics()}. */
  static final String NAME = "hashtag_streams_rejections";
  private static final String REASON_COLUMN = "__hashtag_streams_reject_reason";

  private RejectionCounts() {
  }

  /**
   * The records with the observation attached; the rows and columns are unchanged.
   *
   * @param records Spark's Kafka source columns (at least {@code value})
   * @return the same records, observed
   */
  static Dataset<Row> observe(Dataset<Row> records) {
    UserDefinedFunction reasonOf = udf(new TweetRejectReasonUdf(), DataTypes.StringType).asNondeterministic()
        .withName("tweet_reject_reason");
    // Classified once per record in a projection of its own (the UDF is non-deterministic, so the optimizer keeps
    // it there instead of inlining it into each of the sums), then dropped again after the observation.
    Column reason = col(REASON_COLUMN);
    RejectReason[] reasons = RejectReason.values();
    Column first = count(reason, reasons[0]);
    Column[] rest = new Column[reasons.length - 1];
    for (int i = 1; i < reasons.length; i++) {
      rest[i - 1] = count(reason, reasons[i]);
    }
    return records.withColumn(REASON_COLUMN, reasonOf.apply(col("value")))
        .observe(NAME, first, rest)
        .drop(REASON_COLUMN);
  }

  private static Column count(Column reason, RejectReason code) {
    return sum(when(reason.equalTo(lit(code.code())), lit(1L)).otherwise(lit(0L))).as(code.code());
  }

  /**
   * The counts of one micro-batch, in {@link RejectReason} order; empty when the batch had no observation (a query
   * that does not read tweets, or a batch that did not run).
   *
   * @param progress a batch's progress
   * @return code to count, zero counts included
   */
  static Map<String, Long> of(StreamingQueryProgress progress) {
    Map<String, Long> counts = new LinkedHashMap<>();
    if (progress == null || progress.observedMetrics() == null) {
      return counts;
    }
    Row row = progress.observedMetrics().get(NAME);
    if (row == null) {
      return counts;
    }
    for (RejectReason reason : RejectReason.values()) {
      int index = List.of(row.schema().fieldNames()).indexOf(reason.code());
      counts.put(reason.code(), index < 0 || row.isNullAt(index) ? 0L : row.getLong(index));
    }
    return counts;
  }

  /**
   * {@code rejected 3 (delete_notice 2, limit_notice 1)}: the total, then the non-zero counts in
   * {@link RejectReason} order; {@code rejected 0} when none.
   *
   * @param counts code to count
   * @return the text
   */
  static String format(Map<String, Long> counts) {
    long total = 0;
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      if (entry.getValue() > 0) {
        total += entry.getValue();
        parts.add(entry.getKey() + " " + entry.getValue());
      }
    }
    return "rejected " + total + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
  }
}
