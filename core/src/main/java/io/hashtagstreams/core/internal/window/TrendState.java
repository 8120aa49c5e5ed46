package io.hashtagstreams.core.internal.window;

import java.io.Serializable;

/**
 * The state streaming {@code trendingTopics} keeps per group: a {@link TrendBook} as flat primitive and string arrays,
 * so that Spark's bean encoder stores arrays (copied as blocks) rather than one struct per entry. Exact mode keeps the
 * open windows' fingerprints and counts (text only for topics that reached {@code minCount}), and the closed windows
 * as {@link HashedHistoryWindow} fingerprint arrays; bounded
 * mode ({@code maxTracked}) keeps every window as a DataSketches sketch image. {@link TrendStateCodec} converts.
 *
 * <p>Only the bean accessors start with {@code get}/{@code set}: Spark's bean encoder reads every getter.
 */
public final class TrendState implements Serializable {

  private static final long serialVersionUID = 2L;

  private long firstStartMs;
  private long lastClosedStartMs;
  private long[] openStarts = new long[0];
  private int[] openSizes = new int[0];
  private long[] openHashes = new long[0];
  private int[] openOnceSizes = new int[0];
  private long[] openOnce = new long[0];
  private int[] openNamedSizes = new int[0];
  private long[] openNamedHashes = new long[0];
  private String[] openNames = new String[0];
  private long[] openCounts = new long[0];
  private long[] historyStarts = new long[0];
  private long[] historyTotals = new long[0];
  private int[] historyOnceSizes = new int[0];
  private byte[] historyOnce = new byte[0];
  private int[] historyCountedSizes = new int[0];
  private long[] historyHashes = new long[0];
  private long[] historyCounts = new long[0];
  private long[] sketchStarts = new long[0];
  private int[] sketchSizes = new int[0];
  private byte[] sketchBytes = new byte[0];

  /** An empty state (needed by the bean encoder). */
  public TrendState() {
  }

  /** Bean accessor: the start of the group's first window, {@link Long#MIN_VALUE} for none. */
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

  /** Bean accessor: exact mode: the open windows' starts. */
  public long[] getOpenStarts() {
    return openStarts;
  }

  /** Bean accessor. */
  public void setOpenStarts(long[] openStarts) {
    this.openStarts = openStarts;
  }

  /** Bean accessor: exact mode: each open window's number of topics seen more than once ({@code openHashes}). */
  public int[] getOpenSizes() {
    return openSizes;
  }

  /** Bean accessor. */
  public void setOpenSizes(int[] openSizes) {
    this.openSizes = openSizes;
  }

  /** Bean accessor: exact mode: the open windows' topic fingerprints. */
  public long[] getOpenHashes() {
    return openHashes;
  }

  /** Bean accessor. */
  public void setOpenHashes(long[] openHashes) {
    this.openHashes = openHashes;
  }

  /** Bean accessor: exact mode: each open window's number of topics seen once so far, in {@code openOnce}. */
  public int[] getOpenOnceSizes() {
    return openOnceSizes;
  }

  /** Bean accessor. */
  public void setOpenOnceSizes(int[] openOnceSizes) {
    this.openOnceSizes = openOnceSizes;
  }

  /** Bean accessor: exact mode: the fingerprints of the open windows' topics seen once so far. */
  public long[] getOpenOnce() {
    return openOnce;
  }

  /** Bean accessor. */
  public void setOpenOnce(long[] openOnce) {
    this.openOnce = openOnce;
  }

  /** Bean accessor: exact mode: each open window's entry count in {@code openNamedHashes}, {@code openNames}. */
  public int[] getOpenNamedSizes() {
    return openNamedSizes;
  }

  /** Bean accessor. */
  public void setOpenNamedSizes(int[] openNamedSizes) {
    this.openNamedSizes = openNamedSizes;
  }

  /** Bean accessor: exact mode: fingerprints of the topics that reached {@code minCount}. */
  public long[] getOpenNamedHashes() {
    return openNamedHashes;
  }

  /** Bean accessor. */
  public void setOpenNamedHashes(long[] openNamedHashes) {
    this.openNamedHashes = openNamedHashes;
  }

  /** Bean accessor: exact mode: those topics' text. */
  public String[] getOpenNames() {
    return openNames;
  }

  /** Bean accessor. */
  public void setOpenNames(String[] openNames) {
    this.openNames = openNames;
  }

  /** Bean accessor: exact mode: the open windows' counts. */
  public long[] getOpenCounts() {
    return openCounts;
  }

  /** Bean accessor. */
  public void setOpenCounts(long[] openCounts) {
    this.openCounts = openCounts;
  }

  /** Bean accessor: exact mode: the closed windows' starts, ascending. */
  public long[] getHistoryStarts() {
    return historyStarts;
  }

  /** Bean accessor. */
  public void setHistoryStarts(long[] historyStarts) {
    this.historyStarts = historyStarts;
  }

  /** Bean accessor: exact mode: the closed windows' totals. */
  public long[] getHistoryTotals() {
    return historyTotals;
  }

  /** Bean accessor. */
  public void setHistoryTotals(long[] historyTotals) {
    this.historyTotals = historyTotals;
  }

  /** Bean accessor: exact mode: each closed window's number of prefixes in {@code historyOnce}. */
  public int[] getHistoryOnceSizes() {
    return historyOnceSizes;
  }

  /** Bean accessor. */
  public void setHistoryOnceSizes(int[] historyOnceSizes) {
    this.historyOnceSizes = historyOnceSizes;
  }

  /** Bean accessor: exact mode: 48-bit prefixes of the topics seen once, 6 bytes each, sorted within a window. */
  public byte[] getHistoryOnce() {
    return historyOnce;
  }

  /** Bean accessor. */
  public void setHistoryOnce(byte[] historyOnce) {
    this.historyOnce = historyOnce;
  }

  /** Bean accessor: exact mode: each closed window's entry count in {@code historyHashes}, {@code historyCounts}. */
  public int[] getHistoryCountedSizes() {
    return historyCountedSizes;
  }

  /** Bean accessor. */
  public void setHistoryCountedSizes(int[] historyCountedSizes) {
    this.historyCountedSizes = historyCountedSizes;
  }

  /** Bean accessor: exact mode: fingerprints of the topics seen more than once, sorted within a window. */
  public long[] getHistoryHashes() {
    return historyHashes;
  }

  /** Bean accessor. */
  public void setHistoryHashes(long[] historyHashes) {
    this.historyHashes = historyHashes;
  }

  /** Bean accessor: exact mode: their counts. */
  public long[] getHistoryCounts() {
    return historyCounts;
  }

  /** Bean accessor. */
  public void setHistoryCounts(long[] historyCounts) {
    this.historyCounts = historyCounts;
  }

  /** Bean accessor: bounded mode: the starts of all windows (closed: at or before {@code lastClosedStartMs}). */
  public long[] getSketchStarts() {
    return sketchStarts;
  }

  /** Bean accessor. */
  public void setSketchStarts(long[] sketchStarts) {
    this.sketchStarts = sketchStarts;
  }

  /** Bean accessor: bounded mode: each window's number of bytes in {@code sketchBytes}. */
  public int[] getSketchSizes() {
    return sketchSizes;
  }

  /** Bean accessor. */
  public void setSketchSizes(int[] sketchSizes) {
    this.sketchSizes = sketchSizes;
  }

  /** Bean accessor: bounded mode: the windows' sketch images, one after another. */
  public byte[] getSketchBytes() {
    return sketchBytes;
  }

  /** Bean accessor. */
  public void setSketchBytes(byte[] sketchBytes) {
    this.sketchBytes = sketchBytes;
  }

}
