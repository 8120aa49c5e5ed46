package io.hashtagstreams.core.internal.window;

/**
 * One output row of {@code trendingTopics} before it becomes a Spark row: the window's start in epoch milliseconds,
 * the rank (1..k), the topic, its count in the window, its baseline and its score (see {@link TrendScore}).
 */
record RankedTrend(long startMs, int rank, String topic, long count, double baseline, double score) {
}
