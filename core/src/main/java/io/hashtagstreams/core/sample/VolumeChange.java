package io.hashtagstreams.core.sample;

import java.time.Duration;
import java.time.Instant;

/**
 * A scheduled change of a {@link TweetGenerator}'s volume: from {@code start} for {@code duration} of event time
 * the ordinary stream runs at {@code factor} times its {@code tweetsPerSecond} (2 doubles it, 0.5 halves it).
 * Every share stays the same: the lines are drawn as before, only closer together or further apart in time.
 *
 * <pre>{@code
 * TweetGenerator generator = TweetGenerator.builder()
 *     .volumeChange(Instant.parse("2016-08-05T23:10:00Z"), Duration.ofMinutes(3), 2.0)
 *     .build();
 * }</pre>
 *
 * @param start when the change begins
 * @param duration how long it lasts
 * @param factor the volume multiplier while it lasts
 * @since 0.2.0
 */
public record VolumeChange(Instant start, Duration duration, double factor) {

  /**
   * The end of the change, exclusive.
   *
   * @return {@code start + duration}
   */
  public Instant end() {
    return start.plus(duration);
  }
}
