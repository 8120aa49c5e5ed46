package io.hashtagstreams.core.internal.window;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.function.FlatMapGroupsWithStateFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.GroupState;

/**
 * The state function of streaming {@code topTopics}. The group key is a window's start in epoch milliseconds and
 * the values are the micro-batch's topic occurrences in that window.
 *
 * <ul>
 *   <li>New rows: counted in a {@link java.util.HashMap} over the iterator, merged into the window's
 *       {@link TopKState} (one state write per window and micro-batch, not per row), and the event-time timeout set
 *       to the window's last millisecond, so it fires once the watermark reaches the window's end, the same moment
 *       Spark's append-mode aggregation emits a window.</li>
 *   <li>Timeout: the window is final; its top {@code k} rows are returned and the state is removed.</li>
 *   <li>Rows for a window whose end the current watermark has already reached, but which Spark let through: the
 *       window closes in this micro-batch (its timeout has not fired yet), so the rows are counted and the window's
 *       ranking is returned at once, with its state removed. Spark filters a row before this function when its
 *       window ended at or before the previous micro-batch's watermark (and counts it in
 *       {@code numRowsDroppedByWatermark}); a window is emitted in the micro-batch whose watermark reaches its end,
 *       so every row that gets here belongs to a window not yet emitted. Nothing is dropped here, and no window is
 *       emitted twice: the same rows as Spark's own append-mode window aggregation.</li>
 * </ul>
 *
 * <p>Output rows: {@code start_ms} long, {@code rank} int, {@code topic} string, {@code count} long.
 */
final class WindowRankingFunction implements FlatMapGroupsWithStateFunction<Long, WindowedTopic, TopKState, Row> {

  private static final long serialVersionUID = 1L;

  private final int k;
  private final long windowMillis;

  WindowRankingFunction(int k, long windowMillis) {
    this.k = k;
    this.windowMillis = windowMillis;
  }

  @Override
  public Iterator<Row> call(Long startMillis, Iterator<WindowedTopic> topics, GroupState<TopKState> state) {
    if (state.hasTimedOut()) {
      TopKState finalCounts = state.get();
      state.remove();
      return ranking(startMillis, finalCounts.toMap());
    }
    long endMillis = startMillis + windowMillis;
    Map<String, Long> counts = state.exists() ? state.get().toMap() : new HashMap<>();
    while (topics.hasNext()) {
      counts.merge(topics.next().getTopic(), 1L, Long::sum);
    }
    if (endMillis <= state.getCurrentWatermarkMs()) {
      state.remove();
      return ranking(startMillis, counts);
    }
    state.update(TopKState.of(counts));
    state.setTimeoutTimestamp(endMillis - 1);
    return Collections.emptyIterator();
  }

  private Iterator<Row> ranking(long startMillis, Map<String, Long> counts) {
    List<Map.Entry<String, Long>> best = TopK.select(counts, k);
    List<Row> rows = new ArrayList<>(best.size());
    int rank = 1;
    for (Map.Entry<String, Long> entry : best) {
      rows.add(RowFactory.create(startMillis, rank++, entry.getKey(), entry.getValue()));
    }
    return rows.iterator();
  }
}
