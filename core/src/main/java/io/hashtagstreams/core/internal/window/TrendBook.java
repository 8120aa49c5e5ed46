package io.hashtagstreams.core.internal.window;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.hashtagstreams.core.TrendOptions;

/**
 * Everything {@code trendingTopics} remembers, in plain Java, shared by the batch and the streaming plan so that
 * both give the same rows: the counts of the windows still open, the counts of the last {@code history} closed
 * windows, and the start of the stream's first window.
 *
 * <p>Closing a window ranks it against the closed windows in {@code [start - history * window, start)} (windows
 * without rows count as empty) with {@link TrendScore}, then keeps it as history and forgets closed windows that
 * no later window can need. A topic therefore lives in the book only while it has a count in an open window or in
 * one of the last {@code history} closed ones. Windows close in start order, so a window's history is complete
 * when it closes.
 *
 * <p>A window is ranked only when the stream's first window started at least {@link TrendOptions#warmUpWindows()}
 * windows before it; earlier windows are closed silently and serve as history.
 */
final class TrendBook {

  private static final long NONE = Long.MIN_VALUE;

  private final TrendOptions options;
  private final long windowMillis;
  private long firstStartMs = NONE;
  private long lastClosedStartMs = NONE;
  private final TreeMap<Long, Map<String, Long>> open = new TreeMap<>();
  private final TreeMap<Long, Map<String, Long>> closed = new TreeMap<>();
  private final Map<Long, Long> closedTotals = new HashMap<>();

  TrendBook(TrendOptions options) {
    this.options = options;
    this.windowMillis = options.window().toMillis();
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
    open.computeIfAbsent(startMs, start -> new HashMap<>()).merge(topic, n, Long::sum);
    if (firstStartMs == NONE || startMs < firstStartMs) {
      firstStartMs = startMs;
    }
    return true;
  }

  /** Closes, in start order, every open window whose end is at or before {@code watermarkMs}; their rankings. */
  List<RankedTrend> closeUpTo(long watermarkMs) {
    List<RankedTrend> rows = new ArrayList<>();
    while (!open.isEmpty() && open.firstKey() + windowMillis <= watermarkMs) {
      Map.Entry<Long, Map<String, Long>> window = open.pollFirstEntry();
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

  /** Whether the book holds no window at all. */
  boolean isEmpty() {
    return open.isEmpty() && closed.isEmpty();
  }

  private void close(long startMs, Map<String, Long> counts, List<RankedTrend> rows) {
    long total = 0;
    for (long count : counts.values()) {
      total += count;
    }
    if (startMs - firstStartMs >= options.warmUpWindows() * windowMillis) {
      rank(startMs, counts, total, rows);
    }
    closed.put(startMs, counts);
    closedTotals.put(startMs, total);
    lastClosedStartMs = startMs;
    long oldestNeeded = startMs + windowMillis - options.history() * windowMillis;
    while (!closed.isEmpty() && closed.firstKey() < oldestNeeded) {
      closedTotals.remove(closed.pollFirstEntry().getKey());
    }
  }

  private void rank(long startMs, Map<String, Long> counts, long total, List<RankedTrend> rows) {
    Map<Long, Map<String, Long>> history = closed.subMap(startMs - options.history() * windowMillis, startMs);
    long historyTotal = 0;
    for (long historyStart : history.keySet()) {
      historyTotal += closedTotals.get(historyStart);
    }
    List<RankedTrend> candidates = new ArrayList<>();
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      long count = entry.getValue();
      if (count < options.minCount()) {
        continue;
      }
      double peakShare = 0;
      for (Map.Entry<Long, Map<String, Long>> past : history.entrySet()) {
        long pastCount = past.getValue().getOrDefault(entry.getKey(), 0L);
        if (pastCount > 0) {
          peakShare = Math.max(peakShare, (double) pastCount / closedTotals.get(past.getKey()));
        }
      }
      double baseline = TrendScore.baseline(TrendScore.expectedShare(peakShare, historyTotal), total);
      double score = TrendScore.score(count, baseline);
      if (score > 0 && score >= options.minScore()) {
        candidates.add(new RankedTrend(startMs, 0, entry.getKey(), count, baseline, score));
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

  /** The book as a Spark state bean. */
  TrendState toState() {
    int windows = open.size() + closed.size();
    int entries = 0;
    for (Map<String, Long> counts : open.values()) {
      entries += counts.size();
    }
    for (Map<String, Long> counts : closed.values()) {
      entries += counts.size();
    }
    long[] starts = new long[windows];
    int[] sizes = new int[windows];
    String[] topics = new String[entries];
    long[] counts = new long[entries];
    int w = 0;
    int e = 0;
    for (TreeMap<Long, Map<String, Long>> part : List.of(closed, open)) {
      for (Map.Entry<Long, Map<String, Long>> window : part.entrySet()) {
        starts[w] = window.getKey();
        sizes[w] = window.getValue().size();
        w++;
        for (Map.Entry<String, Long> entry : window.getValue().entrySet()) {
          topics[e] = entry.getKey();
          counts[e] = entry.getValue();
          e++;
        }
      }
    }
    TrendState state = new TrendState();
    state.setFirstStartMs(firstStartMs);
    state.setLastClosedStartMs(lastClosedStartMs);
    state.setWindowStarts(starts);
    state.setWindowSizes(sizes);
    state.setTopics(topics);
    state.setCounts(counts);
    return state;
  }

  /** A book holding what {@code state} holds. */
  static TrendBook fromState(TrendState state, TrendOptions options) {
    TrendBook book = new TrendBook(options);
    book.firstStartMs = state.getFirstStartMs();
    book.lastClosedStartMs = state.getLastClosedStartMs();
    long[] starts = state.getWindowStarts();
    int[] sizes = state.getWindowSizes();
    String[] topics = state.getTopics();
    long[] counts = state.getCounts();
    int e = 0;
    for (int w = 0; w < starts.length; w++) {
      Map<String, Long> window = new HashMap<>(Math.max(16, sizes[w] * 2));
      long total = 0;
      for (int i = 0; i < sizes[w]; i++, e++) {
        window.put(topics[e], counts[e]);
        total += counts[e];
      }
      boolean isClosed = book.lastClosedStartMs != NONE && starts[w] <= book.lastClosedStartMs;
      if (isClosed) {
        book.closed.put(starts[w], window);
        book.closedTotals.put(starts[w], total);
      } else {
        book.open.put(starts[w], window);
      }
    }
    return book;
  }
}
