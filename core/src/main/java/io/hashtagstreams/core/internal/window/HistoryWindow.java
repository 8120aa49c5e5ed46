package io.hashtagstreams.core.internal.window;

/** One closed window of {@code trendingTopics}, kept as history: asked only for its total and one topic's count. */
interface HistoryWindow {

  /** All occurrences counted in the window. */
  long total();

  /** {@code topic}'s count in the window: exact (0 when absent), or the sketch's upper bound. */
  long count(String topic);
}
