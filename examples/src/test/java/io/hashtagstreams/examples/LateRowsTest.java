package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.apache.spark.sql.streaming.SinkProgress;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.junit.jupiter.api.Test;

/**
 * Reading late rows and their place from a batch's progress. That Spark's figures mean what {@link LateRows} says
 * they mean is checked end to end, against a second computation, in
 * {@code FiniteInputTest.withTheDefaultWatermarkTopAndTrendingReportExactlyTheRowsTheyDroppedAndWhereTheyWere}.
 */
class LateRowsTest {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000003");

  private static StreamingQueryProgress progress(Map<String, String> eventTime, long... late) {
    StateOperatorProgress[] operators = new StateOperatorProgress[late.length];
    for (int i = 0; i < late.length; i++) {
      operators[i] = new StateOperatorProgress("stateStoreSave", 0, 0, 0, 0, 0, 0, 0, late[i], 2, 2, Map.of());
    }
    return new StreamingQueryProgress(ID, ID, "top", "2026-11-24T01:00:00.000Z", 3, 5, Map.of(), eventTime,
        operators, new SourceProgress[0], new SinkProgress("x", 0L, Map.of()), Map.of());
  }

  @Test
  void sumsTheOperatorsAndPlacesTheRowsWithTheOldestRowAndThePreviousWatermark() {
    LateRows late = LateRows.of(progress(Map.of("watermark", "2021-01-01T07:28:15.000Z",
        "min", "2015-03-14T15:00:00.000Z", "max", "2021-01-01T07:29:00.000Z"), 7, 5), "2021-01-01T07:27:30.000Z");

    assertThat(late).isEqualTo(new LateRows(12, "2015-03-14T15:00:00.000Z", "2021-01-01T07:27:30.000Z"));
    assertThat(late.describe())
        .isEqualTo("12 late (oldest row 2015-03-14T15:00:00.000Z, windows ending by 2021-01-01T07:27:30.000Z)");
  }

  @Test
  void boundsByTheBatchsOwnWatermarkWhenThePreviousIsUnknown() {
    Map<String, String> eventTime = Map.of("watermark", "2021-01-01T07:28:15.000Z", "min", "2016-08-05T23:00:01.000Z");
    String expected = "3 late (oldest row 2016-08-05T23:00:01.000Z, windows ending by 2021-01-01T07:28:15.000Z)";

    assertThat(LateRows.of(progress(eventTime, 3), null).describe()).isEqualTo(expected);
    assertThat(LateRows.of(progress(eventTime, 3), "1970-01-01T00:00:00.000Z").describe()).isEqualTo(expected);
  }

  @Test
  void saysOnlyTheCountWhenNothingWasDroppedOrSparkReportedNoEventTime() {
    assertThat(LateRows.of(progress(Map.of("watermark", "2021-01-01T07:28:15.000Z", "min",
        "2016-08-05T23:00:01.000Z"), 0, 0), "2021-01-01T07:27:30.000Z").describe()).isEqualTo("0 late");
    assertThat(LateRows.of(progress(Map.of(), 4), null).describe()).isEqualTo("4 late");
    assertThat(LateRows.of(progress(Map.of()), null).describe()).isEqualTo("0 late");
  }

  @Test
  void addsStretchesKeepingTheEarliestRowAndTheLatestBound() {
    LateRows first = new LateRows(300, "2016-08-05T23:00:01.000Z", "2021-01-01T07:27:30.000Z");
    LateRows second = new LateRows(200, "2015-03-14T15:00:00.000Z", "2021-01-01T07:28:15.000Z");
    LateRows none = new LateRows(0, null, null);

    assertThat(first.plus(second)).isEqualTo(new LateRows(500, "2015-03-14T15:00:00.000Z",
        "2021-01-01T07:28:15.000Z"));
    assertThat(second.plus(first)).isEqualTo(first.plus(second));
    assertThat(none.plus(first)).isEqualTo(first);
    assertThat(none.plus(none).where()).isEmpty();
  }
}
