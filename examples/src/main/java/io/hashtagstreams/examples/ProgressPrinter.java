package io.hashtagstreams.examples;

import java.io.PrintStream;
import java.util.Locale;

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
 * (Spark's {@code numRowsDroppedByWatermark}: the window operators drop no row themselves), and, for queries that
 * read tweets, the records the batch rejected per reason ({@link RejectionCounts}), e.g.
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

  /**
   * Creates the listener.
   *
   * @param out where lines go
   */
  public ProgressPrinter(PrintStream out) {
    this.out = out;
  }

  /**
   * One progress line, without a line separator.
   *
   * @param progress a batch's progress
   * @return the line
   */
  public static String format(StreamingQueryProgress progress) {
    long stateRows = 0;
    long late = 0;
    for (StateOperatorProgress operator : progress.stateOperators()) {
      stateRows += operator.numRowsTotal();
      late += operator.numRowsDroppedByWatermark();
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
        "[%s] batch %d: in %.0f rows/s, processed %.0f rows/s, %d ms, watermark %s, state %d rows, %d late",
        name, progress.batchId(),
        finite(progress.inputRowsPerSecond()), finite(progress.processedRowsPerSecond()), progress.batchDuration(),
        watermark == null ? "-" : watermark, stateRows, late)
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
    out.println(format(event.progress()));
  }

  /** Prints why a query failed; a clean stop prints nothing. */
  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {
    if (event.exception().isDefined()) {
      out.println("[" + event.id() + "] failed: " + event.exception().get());
    }
  }

  private static double finite(double rate) {
    return Double.isFinite(rate) ? rate : 0;
  }
}
