package io.hashtagstreams.core.internal.window;

import java.io.Serializable;

/**
 * The state streaming {@code trendingTopics} keeps under its single key: a {@link TrendBook} as flat arrays, so
 * that Spark's bean encoder stores primitive and string arrays (no per-entry struct, no opaque blob). Window
 * {@code i} starts at {@code windowStarts[i]} and owns the next {@code windowSizes[i]} entries of the parallel
 * arrays {@code topics} and {@code counts}; windows starting at or before {@code lastClosedStartMs} are closed
 * history, the others are open.
 *
 * <p>Only the bean accessors start with {@code get}/{@code set}: Spark's bean encoder reads every getter.
 */
public final class TrendState implements Serializable {

  private static final long serialVersionUID = 1L;

  private long firstStartMs;
  private long lastClosedStartMs;
  private long[] windowStarts = new long[0];
  private int[] windowSizes = new int[0];
  private String[] topics = new String[0];
  private long[] counts = new long[0];

  /** An empty state (needed by the bean encoder). */
  public TrendState() {
  }

  /** Bean accessor: the start of the stream's first window, {@link Long#MIN_VALUE} for none. */
  public long getFirstStartMs() {
    return firstStartMs;
  }

  /** Bean accessor. */
  public void setFirstStartMs(long firstStartMs) {
    this.firstStartMs = firstStartMs;
  }

  /** Bean accessor: the start of the last closed window, {@link Long#MIN_VALUE} for none. */
  public long getLastClosedStartMs() {
    return lastClosedStartMs;
  }

  /** Bean accessor. */
  public void setLastClosedStartMs(long lastClosedStartMs) {
    this.lastClosedStartMs = lastClosedStartMs;
  }

  /** Bean accessor: window starts in epoch milliseconds, ascending within closed and within open windows. */
  public long[] getWindowStarts() {
    return windowStarts;
  }

  /** Bean accessor. */
  public void setWindowStarts(long[] windowStarts) {
    this.windowStarts = windowStarts;
  }

  /** Bean accessor: how many entries each window owns. */
  public int[] getWindowSizes() {
    return windowSizes;
  }

  /** Bean accessor. */
  public void setWindowSizes(int[] windowSizes) {
    this.windowSizes = windowSizes;
  }

  /** Bean accessor: the entries' topics. */
  public String[] getTopics() {
    return topics;
  }

  /** Bean accessor. */
  public void setTopics(String[] topics) {
    this.topics = topics;
  }

  /** Bean accessor: the entries' counts. */
  public long[] getCounts() {
    return counts;
  }

  /** Bean accessor. */
  public void setCounts(long[] counts) {
    this.counts = counts;
  }
}
