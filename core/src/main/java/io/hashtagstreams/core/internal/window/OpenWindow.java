package io.hashtagstreams.core.internal.window;

import java.util.List;

/** One open window of {@code trendingTopics}: counts still growing, exact or sketched. */
interface OpenWindow {

  /** Adds {@code n} to {@code topic}'s count. */
  void add(String topic, long n);

  /** All occurrences counted in this window. */
  long total();

  /** The topics whose count (exact, or the sketch's lower bound) is at least {@code minCount}, in no order. */
  List<TopicCount> candidates(long minCount);

  /** This window, closed, as history. */
  HistoryWindow toHistory();

  /** A topic and its count in a window. */
  record TopicCount(String topic, long count) {
  }
}
