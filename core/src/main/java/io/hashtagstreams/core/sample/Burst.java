package io.hashtagstreams.core.sample;

import java.time.Duration;
import java.time.Instant;

/**
 * A scheduled burst of a {@link TweetGenerator}: from {@code start} for {@code duration} of event time, extra
 * tweets carrying {@code #tag}, {@code tweetsPerSecond} of them per second, on top of the ordinary stream. Burst
 * line {@code j} has {@code timestamp_ms = start + floor(j * 1000 / tweetsPerSecond)}, for every {@code j} whose time
 * is before {@code start + duration}.
 *
 * <pre>{@code
 * TweetGenerator generator = TweetGenerator.builder()
 *     .burst("FlashMob", Instant.parse("2016-08-05T23:05:00Z"), Duration.ofMinutes(2), 5)
 *     .build();
 * Burst burst = generator.bursts().get(0);
 * boolean active = burst.isActiveIn(Instant.parse("2016-08-05T23:05:00Z"), Instant.parse("2016-08-05T23:06:00Z"));
 * }</pre>
 *
 * @param tag the hashtag without {@code #}, as written in the tweets
 * @param start the event time of the first burst line
 * @param duration how long the burst lasts
 * @param tweetsPerSecond extra tweets per second of event time while it lasts
 * @since 0.2.0
 */
public record Burst(String tag, Instant start, Duration duration, double tweetsPerSecond) {

  /**
   * The end of the burst, exclusive.
   *
   * @return {@code start + duration}
   */
  public Instant end() {
    return start.plus(duration);
  }

  /**
   * Whether the burst has lines in {@code [from, to)}.
   *
   * @param from the start of the interval, inclusive
   * @param to the end of the interval, exclusive
   * @return whether the two intervals overlap
   */
  public boolean isActiveIn(Instant from, Instant to) {
    return start.isBefore(to) && end().isAfter(from);
  }

  /**
   * How many burst lines fall in {@code [from, to)}, by the formula above.
   *
   * @param from the start of the interval, inclusive
   * @param to the end of the interval, exclusive
   * @return the number of burst lines with a timestamp in the interval
   */
  public long linesIn(Instant from, Instant to) {
    long count = 0;
    long startMs = start.toEpochMilli();
    long endMs = Math.min(end().toEpochMilli(), to.toEpochMilli());
    for (long j = 0; ; j++) {
      long at = startMs + (long) Math.floor(j * 1000.0 / tweetsPerSecond);
      if (at >= endMs) {
        return count;
      }
      if (at >= from.toEpochMilli()) {
        count++;
      }
    }
  }
}
