package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.streaming.SinkProgress;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.RejectReason;

class RunTotalsTest {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000002");

  @Test
  void sumsDroppedRowsAndRejectionsOverBatchesCountingEachBatchOnce() {
    RunTotals totals = new RunTotals("top");
    StreamingQueryProgress first = progress(0, 5, 2, 1);
    StreamingQueryProgress second = progress(1, 7, 0, 3);

    totals.add(first);
    totals.catchUp(new StreamingQueryProgress[] {first, second});  // the first again: not counted twice
    totals.add(second);

    assertThat(totals.dropped()).isEqualTo(12);
    assertThat(totals.describe())
        .isEqualTo("12 rows dropped behind the watermark, rejected 6 (delete_notice 2, limit_notice 4)");
  }

  @Test
  void saysNothingAboutRejectionsForAQueryThatDoesNotReadTweets() {
    RunTotals totals = new RunTotals("peek");
    assertThat(totals.describe()).isEqualTo("0 rows dropped behind the watermark");
    totals.add(new StreamingQueryProgress(ID, ID, "peek", "2026-11-24T01:00:00.000Z", 0, 5, Map.of(), Map.of(),
        new StateOperatorProgress[] {state(1)}, new SourceProgress[0], new SinkProgress("x", 0L, Map.of()),
        Map.of()));
    assertThat(totals.describe()).isEqualTo("1 row dropped behind the watermark");
  }

  @Test
  void placesTheRunsDroppedRowsFromTheOldestToTheLatestWatermarkTheyWereDroppedWith() {
    RunTotals totals = new RunTotals("top");
    totals.add(withEventTime(0, 0, "2021-01-01T07:27:30.000Z", "2021-01-01T07:25:00.000Z"));
    totals.add(withEventTime(1, 300, "2021-01-01T07:28:15.000Z", "2016-08-05T23:00:01.000Z"));
    totals.add(withEventTime(2, 200, "2021-01-01T07:28:15.000Z", "2015-03-14T15:00:00.000Z"));
    totals.add(withEventTime(3, 0, "2021-01-01T07:29:00.000Z", "2021-01-01T07:28:00.000Z"));

    assertThat(totals.describe()).isEqualTo("500 rows dropped behind the watermark (oldest row"
        + " 2015-03-14T15:00:00.000Z, windows ending by 2021-01-01T07:28:15.000Z)");
  }

  private static StreamingQueryProgress withEventTime(long batch, long late, String watermark, String min) {
    return new StreamingQueryProgress(ID, ID, "top", "2026-11-24T01:00:00.000Z", batch, 5, Map.of(),
        Map.of("watermark", watermark, "min", min), new StateOperatorProgress[] {state(late)}, new SourceProgress[0],
        new SinkProgress("x", 0L, Map.of()), Map.of());
  }

  private static StreamingQueryProgress progress(long batch, long late, long deletes, long limits) {
    StructType schema = new StructType();
    Object[] values = new Object[RejectReason.values().length];
    int i = 0;
    for (RejectReason reason : RejectReason.values()) {
      schema = schema.add(reason.code(), "long");
      values[i++] = reason == RejectReason.DELETE_NOTICE ? deletes : reason == RejectReason.LIMIT_NOTICE ? limits
          : 0L;
    }
    Row observed = new GenericRowWithSchema(values, schema);
    return new StreamingQueryProgress(ID, ID, "top", "2026-11-24T01:00:00.000Z", batch, 5, Map.of(), Map.of(),
        new StateOperatorProgress[] {state(late)}, new SourceProgress[0], new SinkProgress("x", 0L, Map.of()),
        Map.of(RejectionCounts.NAME, observed));
  }

  private static StateOperatorProgress state(long late) {
    return new StateOperatorProgress("stateStoreSave", 0, 0, 0, 0, 0, 0, 0, late, 2, 2, Map.of());
  }
}
