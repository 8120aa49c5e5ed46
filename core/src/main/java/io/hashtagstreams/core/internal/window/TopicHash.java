package io.hashtagstreams.core.internal.window;

import org.apache.datasketches.hash.MurmurHash3;

/**
 * The 64-bit fingerprint under which exact {@code trendingTopics} keeps a topic in its closed windows: the first
 * half of MurmurHash3 x64 128 (Austin Appleby's algorithm, DataSketches' {@code MurmurHash3.hash(char[], long)},
 * the same on every DataSketches version) over the topic's UTF-16 code units, with a fixed seed, so that a
 * checkpoint's fingerprints stay valid across runs and Spark lines.
 *
 * <p>Why a fingerprint: a closed window is only ever asked for one topic's count, so it need not keep the strings;
 * 8 bytes per topic instead of a string object keeps the history within a small multiple of one window's exact
 * counts. The cost is a collision risk: two distinct topics of the same window share a fingerprint with probability
 * about {@code n^2 / 2^65} for {@code n} topics in that window (about 3 in 10^10 at 100,000 topics), and then
 * each reads the sum of both counts as its past count.
 */
final class TopicHash {

  private static final long SEED = 0x7472656e64L; // "trend"

  private TopicHash() {
  }

  static long of(String topic) {
    return MurmurHash3.hash(topic.toCharArray(), SEED)[0];
  }
}
