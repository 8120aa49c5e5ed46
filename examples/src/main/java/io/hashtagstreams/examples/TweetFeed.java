package io.hashtagstreams.examples;

import java.time.Instant;
import java.util.function.Supplier;

import io.hashtagstreams.core.sample.TweetGenerator;

/**
 * The generated tweets an embedded run feeds its input topic with: a {@link TweetGenerator} whose event-time clock
 * starts now and advances {@code speedup} event seconds per wall-clock second when the producer sends {@code rate}
 * lines per second, so windows close while the demo runs.
 */
final class TweetFeed {

  private TweetFeed() {
  }

  /**
   * The values for {@link PacedProducer}; call from one thread only (the generator is not thread-safe).
   *
   * @param common rate, speedup and seed
   * @return a supplier of tweet JSON bytes
   */
  static Supplier<byte[]> create(CommonConfig common) {
    return create(common, Instant.now());
  }

  static Supplier<byte[]> create(CommonConfig common, Instant start) {
    TweetGenerator generator = TweetGenerator.builder()
        .seed(common.seed())
        .start(start)
        .tweetsPerSecond((double) common.rate() / common.speedup())
        .build();
    return () -> generator.next().bytes();
  }
}
