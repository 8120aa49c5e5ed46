package io.hashtagstreams.core.internal.window;

import java.util.Iterator;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;

import io.hashtagstreams.core.TrendOptions;

/**
 * Batch {@code trendingTopics}: all window counts of the input in one group, put into a {@link TrendBook} and
 * closed at once, so the rows are those the streaming plan writes window by window. Output rows as
 * {@link TrendingFunction}'s.
 */
final class TrendingBatchFunction implements FlatMapGroupsFunction<Integer, WindowedCount, Row> {

  private static final long serialVersionUID = 1L;

  private final TrendOptions options;

  TrendingBatchFunction(TrendOptions options) {
    this.options = options;
  }

  @Override
  public Iterator<Row> call(Integer key, Iterator<WindowedCount> counts) {
    TrendBook book = new TrendBook(options);
    while (counts.hasNext()) {
      WindowedCount count = counts.next();
      book.add(count.getStartMs(), count.getTopic(), count.getCount());
    }
    return TrendRows.of(book.closeAll()).iterator();
  }
}
