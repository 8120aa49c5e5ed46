package io.hashtagstreams.core;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.hashtagstreams.core.internal.ColumnChecks;

import scala.Function1;

/**
 * The windows a streaming run over a finite input never wrote, because no later row moved the watermark past their
 * end: the last minutes of a file, of an available-now run, of a replay that has finished.
 *
 * <p>In append mode, a window is written by the micro-batch whose watermark reaches its end. When the input ends,
 * the windows ending after the last micro-batch's watermark stay open for ever. To have them too, run the same
 * operator with the same options on the same input as a <em>batch</em> Dataset (every operator of
 * {@link HashtagOps} gives the same rows per window on batch and streaming input) and keep the windows that end
 * after that watermark:
 *
 * <pre>{@code
 * StreamingQuery query = topics.transform(HashtagOps.topTopics(10)).writeStream()...trigger(Trigger.AvailableNow())
 *     .start();
 * query.awaitTermination();
 * Dataset<Row> leftOpen = batchTopics.transform(HashtagOps.topTopics(10))
 *     .transform(EndOfInput.windowsLeftOpen(EndOfInput.lastWatermark(query)));
 * }</pre>
 *
 * <p>Guarantee: the streamed windows and {@code leftOpen} hold every window exactly once. A window ending at or
 * before the watermark was written by the stream (or all its rows came too late and were dropped, which Spark
 * counts in {@code numRowsDroppedByWatermark}); a window ending after it was not written, and no row of it was
 * dropped (Spark drops only rows of windows that ended before the watermark), so the batch computes it from the
 * same rows the stream would have used. One exception: {@code trendingTopics} scores a window against the windows
 * before it, and its batch run sees the rows the stream dropped as late; with a watermark longer than the input's
 * disorder nothing is dropped and the rows are the same.
 *
 * @since 0.3.0
 */
public final class EndOfInput {

  /** What Spark reports as the watermark before any micro-batch has set one. */
  private static final String NO_WATERMARK = "1970-01-01T00:00:00.000Z";

  private EndOfInput() {
  }

  /**
   * The watermark the query's last micro-batch ran with: windows ending after it were not written.
   *
   * @param query a query that has ended (or at least run a micro-batch)
   * @return the watermark, or {@link Optional#empty()} when no micro-batch set one (then no window was written)
   * @throws IllegalArgumentException when {@code query} is null
   */
  public static Optional<Instant> lastWatermark(StreamingQuery query) {
    if (query == null) {
      throw new IllegalArgumentException("lastWatermark needs a StreamingQuery, got null");
    }
    return watermarkOf(query.lastProgress());
  }

  /**
   * The watermark a micro-batch ran with, as its progress reports it.
   *
   * @param progress a micro-batch's progress, or null (no batch yet)
   * @return the watermark, or empty when none was set
   */
  public static Optional<Instant> watermarkOf(StreamingQueryProgress progress) {
    if (progress == null || progress.eventTime() == null) {
      return Optional.empty();
    }
    String watermark = progress.eventTime().get("watermark");
    if (watermark == null || NO_WATERMARK.equals(watermark)) {
      return Optional.empty();
    }
    return Optional.of(Instant.parse(watermark));
  }

  /**
   * Keeps the rows whose {@code window.end} is after {@code watermark}: all rows when it is empty.
   *
   * <table>
   *   <caption>Columns</caption>
   *   <tr><th>in</th><th>out</th></tr>
   *   <tr><td>{@code window} (struct of {@code start}, {@code end} timestamps) and any others</td>
   *       <td>the same columns, fewer rows</td></tr>
   * </table>
   *
   * <p>Rows with a null window are left out.
   *
   * @param watermark the watermark of {@link #lastWatermark(StreamingQuery)}
   * @return the filter, for {@code Dataset.transform}
   * @throws IllegalArgumentException when {@code watermark} is null, or (at {@code .transform}) when the input has
   *     no {@code window} struct with an {@code end} timestamp
   */
  public static Function1<Dataset<Row>, Dataset<Row>> windowsLeftOpen(Optional<Instant> watermark) {
    if (watermark == null) {
      throw new IllegalArgumentException("windowsLeftOpen needs an Optional watermark, got null");
    }
    return input -> {
      ColumnChecks.requireColumns(input, "windowsLeftOpen", "window");
      if (!(input.schema().apply("window").dataType() instanceof StructType)
          || !java.util.Arrays.asList(((StructType) input.schema().apply("window").dataType()).fieldNames())
              .contains("end")) {
        throw new IllegalArgumentException("windowsLeftOpen needs 'window' to be a struct with an 'end' timestamp, "
            + "but it is " + input.schema().apply("window").dataType().simpleString());
      }
      if (watermark.isEmpty()) {
        return input.where(col("window.end").isNotNull());
      }
      return input.where(col("window.end").gt(lit(Timestamp.from(watermark.get())).cast(DataTypes.TimestampType)));
    };
  }
}
