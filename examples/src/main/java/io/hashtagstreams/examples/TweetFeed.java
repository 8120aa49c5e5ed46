package io.hashtagstreams.examples;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.hashtagstreams.core.PostFormat;
import io.hashtagstreams.core.sample.TweetGenerator;

/**
 * The generated posts an embedded run feeds its input topic with, in the formats of {@code --format}: a
 * {@link TweetGenerator} whose event-time clock
 * starts now and advances {@code speedup} event seconds per wall-clock second when the producer sends {@code rate}
 * lines per second, so windows close while the demo runs. A burst of {@code #FlashMob2016} starts
 * {@link #BURST_AFTER} of event time after the start, for {@code trending} to show.
 */
final class TweetFeed {

  /** The tag of the demo's scheduled burst. */
  static final String BURST_TAG = "FlashMob2016";
  /** When, in event time after the start, the demo's burst begins (after enough one-minute windows of history). */
  static final Duration BURST_AFTER = Duration.ofMinutes(5);
  /** How long the demo's burst lasts, in event time. */
  static final Duration BURST_LENGTH = Duration.ofMinutes(3);

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
        .formats(common.formats().toArray(new PostFormat[0]))
        // one tweet in twenty carries the burst tag while it lasts: a quiet tag jumping to hundreds per minute
        .burst(BURST_TAG, start.plus(BURST_AFTER), BURST_LENGTH, (double) common.rate() / common.speedup() / 20)
        .build();
    return () -> generator.next().bytes();
  }
}
