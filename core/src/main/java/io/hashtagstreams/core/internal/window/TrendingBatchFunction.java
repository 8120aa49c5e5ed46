package io.hashtagstreams.core.internal.window;

import java.util.Iterator;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;

import io.hashtagstreams.core.TrendOptions;

/**
 * Batch {@code trendingTopics}: one group's window counts ({@code start_ms} long, {@code topic} string,
 * {@code count} long, then the group columns), put into a {@link TrendBook} and closed at once, so the rows are
 * those the streaming plan writes window by window. Output rows as {@link TrendingFunction}'s.
 */
final class TrendingBatchFunction implements FlatMapGroupsFunction<Row, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final TrendOptions options;
  private final TrendRows rows;

  TrendingBatchFunction(TrendOptions options, TrendRows rows) {
    this.options = options;
    this.rows = rows;
  }

  @Override
  public Iterator<Row> call(Row key, Iterator<Row> counts) {
    TrendBook book = new TrendBook(options);
    while (counts.hasNext()) {
      Row count = counts.next();
      book.add(count.getLong(0), count.getString(1), count.getLong(2));
    }
    return rows.of(key, book.closeAll()).iterator();
  }
}
