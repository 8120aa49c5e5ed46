package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.sample.TweetGenerator;

class TweetFeedTest {

  @Test
  void generatesFromTheSeedWithEventTimeRunningSpeedupTimesTheWallClock() {
    CommonConfig common = new CountsCommand().config("--rate", "100", "--speedup", "10", "--seed", "3").common();
    Instant start = Instant.parse("2026-11-24T01:00:00Z");
    Supplier<byte[]> feed = TweetFeed.create(common, start);

    // 100 lines per wall second, 10 event seconds per wall second: 10 lines per event second.
    List<GeneratedRecord> truth = TweetGenerator.builder().seed(3).start(start).tweetsPerSecond(10).build().next(21);
    for (GeneratedRecord record : truth) {
      assertThat(feed.get()).isEqualTo(record.bytes());
    }
    assertThat(truth.get(10).timestamp()).isEqualTo(start.plusSeconds(1));
    assertThat(truth.get(20).timestamp()).isEqualTo(start.plusSeconds(2));
  }

  @Test
  void writesTheGeneratorsPostsInTheChosenFormat() {
    CommonConfig common = new CountsCommand().config("--rate", "100", "--speedup", "10", "--seed", "3",
        "--format", "mastodon").common();
    Instant start = Instant.parse("2026-11-24T01:00:00Z");
    Supplier<byte[]> feed = TweetFeed.create(common, start);

    List<GeneratedRecord> truth = TweetGenerator.builder().seed(3).start(start).tweetsPerSecond(10)
        .formats(io.hashtagstreams.core.PostFormat.MASTODON).build().next(21);
    for (GeneratedRecord record : truth) {
      assertThat(record.format()).isEqualTo(io.hashtagstreams.core.PostFormat.MASTODON);
      assertThat(feed.get()).isEqualTo(record.bytes());
    }
  }
}
