package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.apache.spark.sql.streaming.SinkProgress;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

  private static StateOperatorProgress state(long rows, long late) {
    return new StateOperatorProgress("stateStoreSave", rows, 0, 0, 0, 0, 0, 0, late, 2, 2, Map.of());
  }

  private static StreamingQueryProgress progress(String name, Map<String, String> eventTime,
      StateOperatorProgress... operators) {
    SourceProgress source = new SourceProgress("KafkaV2[Subscribe[tweets]]", "{}", "{}", "{}", 4000, 1999.6,
        5120.4, Map.of());
    return new StreamingQueryProgress(ID, ID, name, "2026-11-24T01:00:00.000Z", 7, 781, Map.of(), eventTime,
        operators, new SourceProgress[] {source}, new SinkProgress("ForeachBatchSink", 10L, Map.of()), Map.of());
  }

  @Test
  void printsOneCompactLinePerBatch() {
    StreamingQueryProgress progress = progress("top", Map.of("watermark", "2026-11-24T01:03:30.000Z"),
        state(1500, 3), state(34, 1));
    assertThat(ProgressPrinter.format(progress)).isEqualTo("[top] batch 7: in 2000 rows/s, processed 5120 rows/s,"
        + " 781 ms, watermark 2026-11-24T01:03:30.000Z, state 1534 rows, 4 late (windows ending by"
        + " 2026-11-24T01:03:30.000Z)");
  }

  @Test
  void placesLateRowsBetweenTheBatchsOldestRowAndThePreviousBatchsWatermark() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressPrinter printer = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    printer.onQueryProgress(new StreamingQueryListener.QueryProgressEvent(progress("top",
        Map.of("watermark", "2021-01-01T07:27:30.000Z", "min", "2021-01-01T07:25:00.000Z"), state(40, 0))));
    printer.onQueryProgress(new StreamingQueryListener.QueryProgressEvent(progress("top",
        Map.of("watermark", "2021-01-01T07:28:15.000Z", "min", "2016-08-05T23:00:01.000Z"), state(41, 300))));

    assertThat(bytes.toString(StandardCharsets.UTF_8).split("\\R")).containsExactly(
        "[top] batch 7: in 2000 rows/s, processed 5120 rows/s, 781 ms, watermark 2021-01-01T07:27:30.000Z,"
            + " state 40 rows, 0 late",
        "[top] batch 7: in 2000 rows/s, processed 5120 rows/s, 781 ms, watermark 2021-01-01T07:28:15.000Z,"
            + " state 41 rows, 300 late (oldest row 2016-08-05T23:00:01.000Z, windows ending by"
            + " 2021-01-01T07:27:30.000Z)");
  }

  @Test
  void showsADashBeforeTheFirstWatermarkAndTheIdWithoutAName() {
    assertThat(ProgressPrinter.format(progress(null, Map.of()))).isEqualTo("[" + ID + "] batch 7: in 2000 rows/s,"
        + " processed 5120 rows/s, 781 ms, watermark -, state 0 rows, 0 late");
  }

  @Test
  void saysSoWhenAReplayedBatchWasSkippedInsteadOfShowingEmptyState() {
    SourceProgress replayed = new SourceProgress("KafkaV2[Subscribe[tweets]]", "{\"tweets\":{\"0\":250}}",
        "{\"tweets\":{\"0\":500}}", "{\"tweets\":{\"0\":1000}}", 0, 0.0, 0.0, Map.of());
    StreamingQueryProgress progress = new StreamingQueryProgress(ID, ID, "to-kafka", "2026-11-24T01:00:00.000Z", 3,
        40, Map.of(), Map.of("watermark", "2026-11-24T01:03:30.000Z"), new StateOperatorProgress[] {state(0, 0)},
        new SourceProgress[] {replayed}, new SinkProgress("ForeachBatchSink", -1L, Map.of()), Map.of());

    assertThat(ProgressPrinter.format(progress)).isEqualTo("[to-kafka] batch 3: input offsets advanced but no row"
        + " was read (a replayed batch the sink had already written, or only transaction markers): state not updated,"
        + " 40 ms, watermark 2026-11-24T01:03:30.000Z");
  }

  @Test
  void anEmptyBatchWithoutNewOffsetsKeepsTheUsualLine() {
    SourceProgress idle = new SourceProgress("KafkaV2[Subscribe[tweets]]", "{\"tweets\":{\"0\":500}}",
        "{\"tweets\":{\"0\":500}}", "{\"tweets\":{\"0\":500}}", 0, 0.0, 0.0, Map.of());
    StreamingQueryProgress progress = new StreamingQueryProgress(ID, ID, "to-kafka", "2026-11-24T01:00:00.000Z", 4,
        12, Map.of(), Map.of(), new StateOperatorProgress[] {state(75, 0)}, new SourceProgress[] {idle},
        new SinkProgress("ForeachBatchSink", -1L, Map.of()), Map.of());

    assertThat(ProgressPrinter.format(progress)).isEqualTo("[to-kafka] batch 4: in 0 rows/s, processed 0 rows/s,"
        + " 12 ms, watermark -, state 75 rows, 0 late");
  }

  @Test
  void showsADashWhileSparkReportsTheEpochAsTheWatermark() {
    // Spark reports batchWatermarkMs = 0 formatted as the epoch until the first batch with data sets a watermark.
    StreamingQueryProgress progress = progress("top", Map.of("watermark", "1970-01-01T00:00:00.000Z"), state(0, 0));
    assertThat(ProgressPrinter.format(progress)).isEqualTo("[top] batch 7: in 2000 rows/s, processed 5120 rows/s,"
        + " 781 ms, watermark -, state 0 rows, 0 late");
  }

  @Test
  void writesTheLineOnProgressEvents() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressPrinter printer = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    StreamingQueryProgress progress = progress("counts", Map.of());
    printer.onQueryProgress(new StreamingQueryListener.QueryProgressEvent(progress));
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("[counts] batch 7: in 2000 rows/s, processed 5120"
        + " rows/s, 781 ms, watermark -, state 0 rows, 0 late" + System.lineSeparator());
  }

  @Test
  void endsWithTheRejectionsPerReasonWhenTheBatchObservedThem() {
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType();
    Object[] values = new Object[io.hashtagstreams.core.RejectReason.values().length];
    int i = 0;
    for (io.hashtagstreams.core.RejectReason reason : io.hashtagstreams.core.RejectReason.values()) {
      schema = schema.add(reason.code(), "long");
      values[i++] = reason == io.hashtagstreams.core.RejectReason.DELETE_NOTICE ? 2L
          : reason == io.hashtagstreams.core.RejectReason.LIMIT_NOTICE ? 1L : 0L;
    }
    org.apache.spark.sql.Row observed = new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(values,
        schema);
    SourceProgress source = new SourceProgress("KafkaV2[Subscribe[tweets]]", "{}", "{}", "{}", 4000, 1999.6,
        5120.4, Map.of());
    StreamingQueryProgress progress = new StreamingQueryProgress(ID, ID, "top", "2026-11-24T01:00:00.000Z", 7, 781,
        Map.of(), Map.of(), new StateOperatorProgress[] {state(10, 5)}, new SourceProgress[] {source},
        new SinkProgress("ForeachBatchSink", 10L, Map.of()), Map.of(RejectionCounts.NAME, observed));

    assertThat(ProgressPrinter.format(progress)).isEqualTo("[top] batch 7: in 2000 rows/s, processed 5120 rows/s,"
        + " 781 ms, watermark -, state 10 rows, 5 late, rejected 3 (delete_notice 2, limit_notice 1)");
  }
}
