package io.hashtagstreams.core.internal.window;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.function.FlatMapGroupsWithStateFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.GroupState;

import io.hashtagstreams.core.TrendOptions;

/**
 * The state function of streaming {@code trendingTopics}, one call per group (all rows without {@code groupBy}) and
 * micro-batch. Input rows: {@code start_ms} long, {@code topic} string, then columns this function does not read.
 *
 * <p>Each call counts the batch's rows per window and topic first (one book update per distinct pair, not per row),
 * adds them to the group's {@link TrendBook}, closes every window whose end the watermark has reached, in start
 * order, returning their rankings, forgets history no future window can need, stores the book and sets the
 * event-time timeout: to the last millisecond of the earliest open window, so that a no-data micro-batch closes it
 * once the watermark passes its end; with no window open, to the moment the history expires.
 *
 * <p>No row is dropped here. Spark drops (and counts in {@code numRowsDroppedByWatermark}) the rows whose window
 * ended at or before the previous micro-batch's watermark; every window this function closed was closed by a
 * micro-batch whose watermark had reached its end, so a row that gets here belongs to a window that is still open,
 * possibly one that this very call closes (then with the row counted). {@link TrendBook#add} refusing a row would
 * mean that reasoning is wrong: the function then fails loudly rather than lose it.
 *
 * <p>Cost per call: the batch's rows, plus decoding and encoding the state: the open windows' exact counts (as
 * {@code topTopics} does for its windows) and the history as fingerprint arrays (block copies, no per-topic object),
 * plus, when a window closes, one history lookup per candidate of at least {@code minCount} and history window.
 */
final class TrendingFunction implements FlatMapGroupsWithStateFunction<Row, Row, TrendState, Row> {

  private static final long serialVersionUID = 1L;

  private final TrendOptions options;
  private final TrendRows rows;

  TrendingFunction(TrendOptions options, TrendRows rows) {
    this.options = options;
    this.rows = rows;
  }

  @Override
  public Iterator<Row> call(Row key, Iterator<Row> input, GroupState<TrendState> state) {
    TrendBook book = state.exists() ? TrendStateCodec.fromState(state.get(), options) : new TrendBook(options);
    long watermarkMs = state.getCurrentWatermarkMs();
    Map<Long, Map<String, long[]>> batch = new HashMap<>();
    while (input.hasNext()) {
      Row row = input.next();
      batch.computeIfAbsent(row.getLong(0), start -> new HashMap<>())
          .computeIfAbsent(row.getString(1), topic -> new long[1])[0]++;
    }
    for (Map.Entry<Long, Map<String, long[]>> window : batch.entrySet()) {
      long start = window.getKey();
      if (book.isClosed(start)) {
        throw new IllegalStateException("trendingTopics received a row for the window starting at "
            + Instant.ofEpochMilli(start) + ", which it had already closed (watermark "
            + Instant.ofEpochMilli(watermarkMs) + "); please report this");
      }
      for (Map.Entry<String, long[]> topic : window.getValue().entrySet()) {
        book.add(start, topic.getKey(), topic.getValue()[0]);
      }
    }
    List<RankedTrend> ranked = book.closeUpTo(watermarkMs);
    book.forgetHistoryUnneededAt(watermarkMs);
    state.update(TrendStateCodec.toState(book));
    long earliestEnd = book.earliestOpenEndMs();
    if (earliestEnd != TrendBook.NONE) {
      state.setTimeoutTimestamp(earliestEnd - 1);
    } else if (book.historyExpiryMs() != TrendBook.NONE) {
      state.setTimeoutTimestamp(book.historyExpiryMs() - 1);
    }
    return rows.of(key, ranked).iterator();
  }
}
