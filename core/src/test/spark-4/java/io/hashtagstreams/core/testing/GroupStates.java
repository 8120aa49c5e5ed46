package io.hashtagstreams.core.testing;

import org.apache.spark.sql.streaming.GroupState;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.execution.streaming.operators.stateful.flatmapgroupswithstate.GroupStateImpl;

import scala.Option;

/**
 * Spark's own {@code GroupStateImpl}, as {@code FlatMapGroupsWithStateExec} passes it to a state function, for
 * tests that call such a function directly. Its package differs by Spark line (Spark 4.1 and later: {@code ...operators.stateful.flatmapgroupswithstate}); one copy of this class
 * per line, in {@code core/src/test/spark-<line>/java}.
 */
public final class GroupStates {

  private GroupStates() {
  }

  /** A streaming state with an event-time timeout, holding {@code value} (null: none), at the given watermark. */
  public static <S> GroupState<S> eventTime(S value, long watermarkMs, boolean timedOut) {
    return GroupStateImpl.createForStreaming(Option.apply(value), 0L, watermarkMs,
        GroupStateTimeout.EventTimeTimeout(), timedOut, true);
  }

  /** Whether the function called {@code update} on {@code state} (from {@link #eventTime}). */
  public static boolean isUpdated(GroupState<?> state) {
    return ((GroupStateImpl<?>) state).isUpdated();
  }

  /** Whether the function called {@code remove} on {@code state} (from {@link #eventTime}). */
  public static boolean isRemoved(GroupState<?> state) {
    return ((GroupStateImpl<?>) state).isRemoved();
  }

  /** The event-time timeout the function set on {@code state} (from {@link #eventTime}). */
  public static long timeoutTimestampMs(GroupState<?> state) {
    return ((Number) ((GroupStateImpl<?>) state).getTimeoutTimestampMs().get()).longValue();
  }
}
