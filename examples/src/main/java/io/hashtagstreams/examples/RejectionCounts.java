package io.hashtagstreams.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

import io.hashtagstreams.core.RejectReason;

/**
 * How many input records each micro-batch rejected, per {@link RejectReason} code: the observation named
 * {@value #NAME} that {@code extractText} takes on its own scan when given
 * {@code ExtractOptions.builder().countRejections(NAME)} (see {@link Queries#topics}), read back from the batch's
 * progress ({@code observedMetrics}). The codes are {@link RejectReason#values()}, so a reason added for a new
 * format is counted without a change here.
 *
 * <pre>{@code
 * Map<String, Long> perReason = RejectionCounts.of(query.lastProgress());
 * String text = RejectionCounts.format(perReason);                // "rejected 3 (delete_notice 2, limit_notice 1)"
 * }</pre>
 */
final class RejectionCounts {

  /** The observation's name in {@code StreamingQueryProgress.observedMetrics()}. */
  static final String NAME = "hashtag_streams_rejections";

  private RejectionCounts() {
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
