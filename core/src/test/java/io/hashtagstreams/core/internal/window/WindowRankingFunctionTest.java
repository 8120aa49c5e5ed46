package io.hashtagstreams.core.internal.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.GroupState;
import org.junit.jupiter.api.Test;


import io.hashtagstreams.core.testing.GroupStates;

/**
 * Calls the state function directly with Spark's own {@code GroupStateImpl} (through {@link GroupStates}), as
 * FlatMapGroupsWithStateExec does; the whole streaming behaviour is tested in {@link TopTopicsRankingTest}.
 */
class WindowRankingFunctionTest {

  private static final long MINUTE = 60_000L;
  private static final long START = Instant.parse("2016-07-29T12:00:00Z").toEpochMilli();

  private final WindowRankingFunction function = new WindowRankingFunction(2, MINUTE);

  @Test
  void countsNewRowsIntoTheStateAndTimesOutAtTheWindowsEnd() {
    GroupState<TopKState> state = state(null, START - 5_000, false);

    Iterator<Row> out = function.call(START, topics("rio", "oly", "rio"), state);

    assertThat(out.hasNext()).isFalse();
    assertThat(state.get().toMap()).isEqualTo(Map.of("rio", 2L, "oly", 1L));
    // the timeout fires when the watermark is past end - 1 ms, i.e. at the window's end
    assertThat(GroupStates.timeoutTimestampMs(state)).isEqualTo(START + MINUTE - 1);
  }

  @Test
  void mergesLaterRowsIntoTheCountsSoFar() {
    GroupState<TopKState> state = state(TopKState.of(Map.of("rio", 2L)), START + 10_000, false);

    function.call(START, topics("oly", "rio"), state);

    assertThat(state.get().toMap()).isEqualTo(Map.of("rio", 3L, "oly", 1L));
  }

  @Test
  void emitsTheTopKAndRemovesTheStateWhenTimedOut() {
    GroupState<TopKState> state = state(TopKState.of(Map.of("rio", 3L, "oly", 1L, "bra", 3L)),
        START + MINUTE, true);

    List<Row> out = new ArrayList<>();
    function.call(START, topics(), state).forEachRemaining(out::add);

    assertThat(out).containsExactly(row(START, 1, "bra", 3L), row(START, 2, "rio", 3L));
    assertThat(state.exists()).isFalse();
    assertThat(GroupStates.isRemoved(state)).isTrue();
  }

  @Test
  void ranksAndRemovesAWindowWhoseEndTheWatermarkReachedWithItsNewRows() {
    // Spark let these rows through (their window ended after the previous batch's watermark): the window closes
    // in this batch, with them.
    GroupState<TopKState> state = state(TopKState.of(Map.of("rio", 1L)), START + MINUTE, false);

    List<Row> out = new ArrayList<>();
    function.call(START, topics("oly", "oly", "bra"), state).forEachRemaining(out::add);

    assertThat(out).containsExactly(row(START, 1, "oly", 2L), row(START, 2, "bra", 1L));
    assertThat(state.exists()).isFalse();
  }

  @Test
  void ranksAWindowFirstSeenAfterTheWatermarkPassedItsEnd() {
    GroupState<TopKState> state = state(null, START + 5 * MINUTE, false);

    List<Row> out = new ArrayList<>();
    function.call(START, topics("rio"), state).forEachRemaining(out::add);

    assertThat(out).containsExactly(row(START, 1, "rio", 1L));
    assertThat(state.exists()).isFalse();
  }

  private static GroupState<TopKState> state(TopKState value, long watermarkMs, boolean timedOut) {
    return GroupStates.eventTime(value, watermarkMs, timedOut);
  }

  private static Iterator<WindowedTopic> topics(String... topics) {
    List<WindowedTopic> list = new ArrayList<>();
    for (String topic : topics) {
      WindowedTopic value = new WindowedTopic();
      value.setStartMs(START);
      value.setTopic(topic);
      list.add(value);
    }
    return list.iterator();
  }

  private static Row row(long start, int rank, String topic, long count) {
    return org.apache.spark.sql.RowFactory.create(start, rank, topic, count);
  }
}
