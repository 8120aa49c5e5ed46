package io.hashtagstreams.core.internal.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import io.hashtagstreams.core.TrendOptions;

/**
 * Everything {@code trendingTopics} remembers for one group, in plain Java, shared by the batch and the streaming plan
 * so that both give the same rows: the counts of the windows still open, the last {@code history} closed windows as
 * {@link HistoryWindow}s, and the start of the group's first window.
 *
 * <p>Closing a window ranks it against the closed windows in {@code [start - history * window, start)} (windows
 * without rows count as empty) with {@link TrendScore}, then keeps it as history and forgets closed windows that no
 * later window can need. Windows close in start order, so a window's history is complete when it closes. Only
 * topics of the closing window with at least {@code minCount} are looked up in the history, so closing costs the
 * window's topics plus a lookup per candidate and history window; the history itself is kept compact (exact:
 * fingerprints, see {@link ExactOpenWindow} and {@link HashedHistoryWindow}; bounded: {@link SketchedWindow}).
 *
 * <p>A window is ranked only when the group's first window started at least {@link TrendOptions#warmUpWindows()}
 * windows before it; earlier windows are closed silently and serve as history.
 */
final class TrendBook {

  static final long NONE = Long.MIN_VALUE;

  private final TrendOptions options;
  private final long windowMillis;
  long firstStartMs = NONE;
  long lastClosedStartMs = NONE;
  final TreeMap<Long, OpenWindow> open = new TreeMap<>();
  final TreeMap<Long, HistoryWindow> closed = new TreeMap<>();

  TrendBook(TrendOptions options) {
    this.options = options;
    this.windowMillis = options.window().toMillis();
  }

  TrendOptions options() {
    return options;
  }

  /**
   * Adds {@code n} occurrences of {@code topic} to the window starting at {@code startMs}.
   *
   * @return false, adding nothing, when that window is already closed
   */
  boolean add(long startMs, String topic, long n) {
    if (lastClosedStartMs != NONE && startMs <= lastClosedStartMs) {
      return false;
    }
    open.computeIfAbsent(startMs, start -> newWindow()).add(topic, n);
    if (firstStartMs == NONE || startMs < firstStartMs) {
      firstStartMs = startMs;
    }
    return true;
  }

  /** Whether the window starting at {@code startMs} is closed already. */
  boolean isClosed(long startMs) {
    return lastClosedStartMs != NONE && startMs <= lastClosedStartMs;
  }

  private OpenWindow newWindow() {
    return options.maxTracked() > 0 ? SketchedWindow.empty(options.maxTracked())
        : new ExactOpenWindow(options.minCount());
  }

  /** Closes, in start order, every open window whose end is at or before {@code watermarkMs}; their rankings. */
  List<RankedTrend> closeUpTo(long watermarkMs) {
    List<RankedTrend> rows = new ArrayList<>();
    while (!open.isEmpty() && open.firstKey() + windowMillis <= watermarkMs) {
      Map.Entry<Long, OpenWindow> window = open.pollFirstEntry();
      close(window.getKey(), window.getValue(), rows);
    }
    return rows;
  }

  /** Closes every open window (the end of a batch input); their rankings. */
  List<RankedTrend> closeAll() {
    return closeUpTo(Long.MAX_VALUE);
  }

  /** The end of the earliest open window, or {@link Long#MIN_VALUE} when none is open. */
  long earliestOpenEndMs() {
    return open.isEmpty() ? NONE : open.firstKey() + windowMillis;
  }

  /**
   * The watermark at which no window that can still get rows needs any of the history: the last closed window's start
   * plus {@code history + 1} windows; {@link Long#MIN_VALUE} when there is no history.
   */
  long historyExpiryMs() {
    return closed.isEmpty() ? NONE : closed.lastKey() + (options.history() + 1L) * windowMillis;
  }

  /** Whether the book holds no window at all. */
  boolean isEmpty() {
    return open.isEmpty() && closed.isEmpty();
  }

  /**
   * Streaming only: forgets the closed windows that no window still able to get rows can have in its history. Under a
   * watermark {@code w}, a window that can still get rows ends after {@code w} (Spark drops rows of windows that
   * ended earlier), so it starts after {@code w - window} and its history after {@code w - (history + 1) window}.
   * Without this, a group that stops getting rows would keep its last history windows for ever. The group's first
   * start and last closed start stay, so the warm-up and the rows the book refuses are those of the batch plan.
   */
  void forgetHistoryUnneededAt(long watermarkMs) {
    long cutoff = watermarkMs - (options.history() + 1L) * windowMillis;
    while (!closed.isEmpty() && closed.firstKey() <= cutoff) {
      closed.pollFirstEntry();
    }
  }

  private void close(long startMs, OpenWindow window, List<RankedTrend> rows) {
    long total = window.total();
    if (startMs - firstStartMs >= options.warmUpWindows() * windowMillis) {
      rank(startMs, window, total, rows);
    }
    closed.put(startMs, window.toHistory());
    lastClosedStartMs = startMs;
    long oldestNeeded = startMs + windowMillis - options.history() * windowMillis;
    while (!closed.isEmpty() && closed.firstKey() < oldestNeeded) {
      closed.pollFirstEntry();
    }
  }

  private void rank(long startMs, OpenWindow window, long total, List<RankedTrend> rows) {
    NavigableMap<Long, HistoryWindow> history = closed.subMap(startMs - options.history() * windowMillis, true,
        startMs, false);
    long historyTotal = 0;
    for (HistoryWindow past : history.values()) {
      historyTotal += past.total();
    }
    List<RankedTrend> candidates = new ArrayList<>();
    for (OpenWindow.TopicCount candidate : window.candidates(options.minCount())) {
      long count = candidate.count();
      double peakShare = 0;
      for (HistoryWindow past : history.values()) {
        long pastCount = past.count(candidate.topic());
        if (pastCount > 0) {
          peakShare = Math.max(peakShare, (double) pastCount / past.total());
        }
      }
      double baseline = TrendScore.baseline(TrendScore.expectedShare(peakShare, historyTotal), total);
      double score = TrendScore.score(count, baseline);
      if (score > 0 && score >= options.minScore()) {
        candidates.add(new RankedTrend(startMs, 0, candidate.topic(), count, baseline, score));
      }
    }
    candidates.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score())
        : a.topic().compareTo(b.topic()));
    for (int i = 0; i < Math.min(options.k(), candidates.size()); i++) {
      RankedTrend candidate = candidates.get(i);
      rows.add(new RankedTrend(startMs, i + 1, candidate.topic(), candidate.count(), candidate.baseline(),
          candidate.score()));
    }
  }
}
