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
 * <p>Each call adds the new rows to their open windows (rows for closed windows are ignored; Spark normally filters
 * them before), closes every window whose end the watermark has reached, in start order, returning their rankings,
 * stores the book, and sets the event-time timeout to the last millisecond of the earliest open window, so that a
 * no-data micro-batch closes it once the watermark passes its end.
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
    long windowMillis = options.window().toMillis();
    while (topics.hasNext()) {
      WindowedTopic row = topics.next();
      if (row.getStartMs() + windowMillis > watermarkMs) {
        book.add(row.getStartMs(), row.getTopic(), 1L);
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
