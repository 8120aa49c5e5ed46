package io.hashtagstreams.examples;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * The sums over a run's micro-batches that its final line shows: rows the window operators dropped behind the
 * watermark ({@code numRowsDroppedByWatermark} of every stateful operator) with where they lay in event time (the
 * oldest dropped row and the latest watermark rows were dropped with, see {@link LateRows}), and rejected input
 * records per reason ({@link RejectionCounts}). Only the query named at construction is counted.
 *
 * <pre>{@code
 * RunTotals totals = new RunTotals("top");
 * spark.streams().addListener(totals);
 * ...
 * err.println("[app] top finished; " + totals.describe());
 * // "1104 rows dropped behind the watermark (oldest row 2015-03-14T15:00:00.000Z, windows ending by
 * // 2021-01-01T07:27:30.000Z), rejected 0"
 * }</pre>
 */
final class RunTotals extends StreamingQueryListener {

  private final String queryName;
  private long lastBatchId = -1;
  private LateRows late = new LateRows(0, null, null);
  private String lastWatermark;
  private boolean observed;
  private final Map<String, Long> rejected = new LinkedHashMap<>();

  RunTotals(String queryName) {
    this.queryName = queryName;
  }

  /** Adds one batch's figures, once: a batch id at or below the last one added is ignored. */
  synchronized void add(StreamingQueryProgress progress) {
    if (progress.batchId() <= lastBatchId) {
      return;
    }
    lastBatchId = progress.batchId();
    late = late.plus(LateRows.of(progress, lastWatermark));
    String watermark = LateRows.watermarkOf(progress);
    if (watermark != null) {
      lastWatermark = watermark;
    }
    Map<String, Long> batch = RejectionCounts.of(progress);
    if (!batch.isEmpty()) {
      observed = true;
      batch.forEach((code, n) -> rejected.merge(code, n, Long::sum));
    }
  }

  /**
   * Adds the batches of an ended query that the listener has not seen yet: listener events arrive asynchronously,
   * so the last ones may still be on their way when the query ends.
   *
   * @param recent the query's {@code recentProgress()}, oldest first
   */
  synchronized void catchUp(StreamingQueryProgress[] recent) {
    for (StreamingQueryProgress progress : recent) {
      add(progress);
    }
  }

  /** Rows dropped behind the watermark so far. */
  synchronized long dropped() {
    return late.count();
  }

  /** Rejected records per reason code so far. */
  synchronized Map<String, Long> rejected() {
    return new LinkedHashMap<>(rejected);
  }

  /**
   * {@code 12 rows dropped behind the watermark (oldest row 2015-03-14T15:00:00.000Z, windows ending by
   * 2021-01-01T07:27:30.000Z), rejected 101 (delete_notice 89, limit_notice 12)}; the place of the dropped rows only
   * when there were any, the rejection part only when the query reads tweets.
   *
   * @return the text
   */
  synchronized String describe() {
    long dropped = late.count();
    return dropped + (dropped == 1 ? " row" : " rows") + " dropped behind the watermark" + late.where()
        + (observed ? ", " + RejectionCounts.format(rejected) : "");
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {
  }

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    if (queryName.equals(event.progress().name())) {
      add(event.progress());
    }
  }

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {
  }
}
