package io.hashtagstreams.examples;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

import io.hashtagstreams.core.TrendOptions;

/**
 * Why a {@code trending} run over a finite input printed no table: either no window of the input was past its
 * group's warm-up (the first {@link TrendOptions#warmUpWindows()} windows from the group's earliest window, as
 * {@code HashtagOps.trendingTopics} counts them), or some were ranked and nothing in them rose enough to be listed.
 *
 * <p>Input: the topic rows the run read ({@code event_time, topic} and the {@code --group-by} columns), computed as a
 * batch. Output: one line for the user, for example
 * <pre>
 * (trending ranked no window: the first 3 windows of --window 1m from each group's earliest one are the warm-up
 * (min(--history, 3)), and the input's windows with hashtags span at most 2 per group; give it a longer input or a
 * shorter --window)
 * </pre>
 */
final class TrendingHint {

  private static final String START = "__window_start";
  private static final String FIRST = "__first_start";

  private TrendingHint() {
  }

  /**
   * The line to print when the run listed nothing.
   *
   * @param topics the input's topic rows
   * @param options the run's options
   * @return the explanation
   */
  static String whyNothingWasListed(Dataset<Row> topics, TrendOptions options) {
    long windowMillis = options.window().toMillis();
    List<Column> partition = new ArrayList<>(List.of(functions.lit(1)));
    options.groupBy().forEach(group -> partition.add(col(group)));
    WindowSpec byGroup = Window.partitionBy(partition.toArray(Column[]::new));
    Dataset<Row> windows = topics
        .filter(col("event_time").isNotNull().and(col("topic").isNotNull()))
        .select(partitionColumns(options, functions.window(col("event_time"), windowMillis + " milliseconds")
            .getField("start").cast("double").multiply(1000).cast("long").as(START)))
        .distinct()
        .withColumn(FIRST, functions.min(col(START)).over(byGroup));
    Row summary = windows.agg(
        functions.sum(functions.when(col(START).geq(col(FIRST).plus(options.warmUpWindows() * windowMillis)), 1)
            .otherwise(0)),
        functions.max(col(START).minus(col(FIRST)))).first();
    long ranked = summary.isNullAt(0) ? 0 : summary.getLong(0);
    long span = summary.isNullAt(1) ? 0 : summary.getLong(1) / windowMillis + 1;
    String window = DurationConverter.format(options.window());
    if (ranked == 0) {
      return "(trending ranked no window: the first " + options.warmUpWindows() + " windows of --window " + window
          + " from " + (options.groupBy().isEmpty() ? "the earliest one" : "each group's earliest one")
          + " are the warm-up (min(--history, 3)), and the input's windows with hashtags span at most " + span
          + (options.groupBy().isEmpty() ? "" : " per group") + "; give it a longer input or a shorter --window)";
    }
    String ranks = "(trending listed no hashtag: " + ranked + (ranked == 1 ? " window was" : " windows were")
        + " ranked after the warm-up, but in none did a hashtag ";
    if (options.minCount() > 1) {
      return ranks + "reach --min-count " + options.minCount() + " with a significant rise over its recent share;"
          + " lower --min-count to see smaller rises)";
    }
    return ranks + "rise significantly over its share of the " + options.history() + " windows before (--history);"
        + " a window after a gap of more than --history windows has no history to rise over)";
  }

  private static Column[] partitionColumns(TrendOptions options, Column start) {
    List<Column> columns = new ArrayList<>();
    options.groupBy().forEach(group -> columns.add(col(group)));
    columns.add(start);
    return columns.toArray(Column[]::new);
  }

  /** Empty when something was printed; otherwise {@link #whyNothingWasListed}. */
  static Optional<String> whenNothingPrinted(long printedRows, Dataset<Row> topics, TrendOptions options) {
    return printedRows > 0 ? Optional.empty() : Optional.of(whyNothingWasListed(topics, options));
  }
}
