package io.hashtagstreams.examples;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * A listener that prints one compact line per micro-batch of every query in the session, for example:
 * <pre>
 * [top] batch 7: in 2001 rows/s, processed 5120 rows/s, 780 ms, watermark 2026-11-24T01:03:30.000Z, state 1534 rows, 0 late
 * </pre>
 * The fields are the batch id, input and processing rates, the batch duration, the watermark ({@code -} before the
 * first one), the rows held in state by all stateful operators, the rows dropped as later than the watermark
 * (Spark's {@code numRowsDroppedByWatermark}: the window operators drop no row themselves) and, when there were any,
 * where they lay in event time ({@link LateRows}), e.g.
 * {@code 1100 late (oldest row 2015-03-14T15:00:00.000Z, windows ending by 2021-01-01T07:27:30.000Z)}, and, for
 * queries that read tweets, the records the batch rejected per reason ({@link RejectionCounts}), e.g.
 * {@code , rejected 3 (delete_notice 2, limit_notice 1)}.
 *
 * <p>A batch whose input offsets advanced but which read no row did not run its query: after a restart, the
 * exactly-once Kafka sink skips a replayed batch it had already committed (a {@code read_committed} source whose new
 * offsets hold only transaction markers looks the same). Its state figures would be meaningless, so the line says
 * so instead:
 * <pre>
 * [to-kafka] batch 7: input offsets advanced but no row was read (a replayed batch the sink had already written, or
 * only transaction markers): state not updated, 40 ms, watermark 2026-11-24T01:03:30.000Z
 * </pre>
 *
 * <pre>{@code
 * spark.streams().addListener(new ProgressPrinter(System.out));
 * }</pre>
 */
public final class ProgressPrinter extends StreamingQueryListener {

  private static final long serialVersionUID = 1L;
  /** What Spark reports as the watermark until the first batch with data has set one. */
  private static final String NO_WATERMARK_YET = "1970-01-01T00:00:00.000Z";

  private final transient PrintStream out;
  /** The watermark of each query's last batch: the one its next batch filters late rows with. */
  private final transient Map<UUID, String> lastWatermarks = new ConcurrentHashMap<>();

  /**
   * Creates the listener.
   *
   * @param out where lines go
   */
  public ProgressPrinter(PrintStream out) {
    this.out = out;
  }

  /**
   * One progress line, without a line separator, for a batch whose predecessor is not known: where late rows lay is
   * bounded by the batch's own watermark (see {@link #format(StreamingQueryProgress, String)}).
   *
   * @param progress a batch's progress
   * @return the line
   */
  public static String format(StreamingQueryProgress progress) {
    return format(progress, null);
  }

  /**
   * One progress line, without a line separator.
   *
   * @param progress a batch's progress
   * @param previousWatermark the watermark the query's previous micro-batch reported (the one this batch dropped
   *     late rows with), or null when not known
   * @return the line
   */
  public static String format(StreamingQueryProgress progress, String previousWatermark) {
    long stateRows = 0;
    for (StateOperatorProgress operator : progress.stateOperators()) {
      stateRows += operator.numRowsTotal();
    }
    String watermark = progress.eventTime() == null ? null : progress.eventTime().get("watermark");
    if (NO_WATERMARK_YET.equals(watermark)) {
      watermark = null;
    }
    String name = progress.name() == null ? progress.id().toString() : progress.name();
    if (notRun(progress)) {
      return String.format(Locale.ROOT, "[%s] batch %d: input offsets advanced but no row was read (a replayed batch"
          + " the sink had already written, or only transaction markers): state not updated, %d ms, watermark %s",
          name, progress.batchId(), progress.batchDuration(), watermark == null ? "-" : watermark);
    }
    java.util.Map<String, Long> rejected = RejectionCounts.of(progress);
    return String.format(Locale.ROOT,
        "[%s] batch %d: in %.0f rows/s, processed %.0f rows/s, %d ms, watermark %s, state %d rows, %s",
        name, progress.batchId(),
        finite(progress.inputRowsPerSecond()), finite(progress.processedRowsPerSecond()), progress.batchDuration(),
        watermark == null ? "-" : watermark, stateRows, LateRows.of(progress, previousWatermark).describe())
        + (rejected.isEmpty() ? "" : ", " + RejectionCounts.format(rejected));
  }

  private static boolean notRun(StreamingQueryProgress progress) {
    if (progress.numInputRows() != 0) {
      return false;
    }
    for (SourceProgress source : progress.sources()) {
      String end = source.endOffset();
      if (end != null && !"null".equals(end) && !end.equals(source.startOffset())) {
        return true;
      }
    }
    return false;
  }

  /** Prints nothing: the first progress line follows soon. */
  @Override
  public void onQueryStarted(QueryStartedEvent event) {
  }

  /** Prints the progress line. */
  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    StreamingQueryProgress progress = event.progress();
    String previous = lastWatermarks.get(progress.id());
    out.println(format(progress, previous));
    String watermark = LateRows.watermarkOf(progress);
    if (watermark != null) {
      lastWatermarks.put(progress.id(), watermark);
    }
  }

  /** Prints why a query failed; a clean stop prints nothing. */
  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {
    lastWatermarks.remove(event.id());
    if (event.exception().isDefined()) {
      out.println("[" + event.id() + "] failed: " + event.exception().get());
    }
  }

  private static double finite(double rate) {
    return Double.isFinite(rate) ? rate : 0;
  }
}
