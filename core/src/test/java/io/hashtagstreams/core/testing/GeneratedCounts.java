package io.hashtagstreams.core.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.hashtagstreams.core.Hashtags;
import io.hashtagstreams.core.sample.GeneratedRecord;

/**
 * Ground truth for pipeline tests, computed from the generator's own record of what it wrote, independently of the
 * pipeline under test.
 */
public final class GeneratedCounts {

  private GeneratedCounts() {
  }

  /**
   * Occurrences per one-minute window (by {@code created_at}) and normalized hashtag of the records that are tweets.
   *
   * @return key {@code <window start>/<normalized tag>} to count, sorted by key
   */
  public static Map<String, Long> perMinute(List<GeneratedRecord> records) {
    Map<String, Long> counts = new TreeMap<>();
    for (GeneratedRecord record : records) {
      if (record.isTweet()) {
        Instant window = record.createdAt().truncatedTo(ChronoUnit.MINUTES);
        for (String tag : record.hashtags()) {
          counts.merge(window + "/" + Hashtags.normalize(tag), 1L, Long::sum);
        }
      }
    }
    return counts;
  }
}
