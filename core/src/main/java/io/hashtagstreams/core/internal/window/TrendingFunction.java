package io.hashtagstreams.core.internal.window;

import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.function.FlatMapGroupsWithStateFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.GroupState;

import io.hashtagstreams.core.TrendOptions;

/**
 * The state function of streaming {@code trendingTopics}. Every row has the same key, so one call per micro-batch
 * sees all of the batch's topic occurrences and the whole {@link TrendBook}.
 *
 * <p>Each call adds the new rows to their windows, then closes every window whose end the watermark has reached, in
 * start order, returning their rankings,
 * stores the book, and sets the event-time timeout to the last millisecond of the earliest open window, so that a
 * no-data micro-batch closes it once the watermark passes its end.
 *
 * <p>No row is dropped here. Spark drops (and counts in {@code numRowsDroppedByWatermark}) the rows whose window
 * ended at or before the previous micro-batch's watermark; every window this function closed was closed by a
 * micro-batch whose watermark had reached its end, so a row that gets here belongs to a window that is still open,
 * possibly one that this very call closes (then with the row counted). {@link TrendBook#add} refusing a row would
 * mean that reasoning is wrong: the function then fails loudly rather than lose it.
 *
 * <p>Output rows: {@code start_ms} long, {@code rank} int, {@code topic} string, {@code count} long,
 * {@code baseline} double, {@code score} double.
 */
final class TrendingFunction implements FlatMapGroupsWithStateFunction<Integer, WindowedTopic, TrendState, Row> {

  private static final long serialVersionUID = 1L;

  private final TrendOptions options;

  TrendingFunction(TrendOptions options) {
    this.options = options;
  }

  @Override
  public Iterator<Row> call(Integer key, Iterator<WindowedTopic> topics, GroupState<TrendState> state) {
    TrendBook book = state.exists() ? TrendBook.fromState(state.get(), options) : new TrendBook(options);
    long watermarkMs = state.getCurrentWatermarkMs();
    while (topics.hasNext()) {
      WindowedTopic row = topics.next();
      if (!book.add(row.getStartMs(), row.getTopic(), 1L)) {
        throw new IllegalStateException("trendingTopics received a row for the window starting at "
            + java.time.Instant.ofEpochMilli(row.getStartMs()) + ", which it had already closed (watermark "
            + java.time.Instant.ofEpochMilli(watermarkMs) + "); please report this");
      }
    }
    List<RankedTrend> ranked = book.closeUpTo(watermarkMs);
    if (book.isEmpty()) {
      state.remove();
    } else {
      state.update(book.toState());
      long earliestEnd = book.earliestOpenEndMs();
      if (earliestEnd != Long.MIN_VALUE) {
        state.setTimeoutTimestamp(earliestEnd - 1);
      }
    }
    return TrendRows.of(ranked).iterator();
  }
}
