package io.hashtagstreams.kafka.internal.ingest;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays between reconnects: per kind of failure a schedule (exponential or linear, with a cap), the attempt
 * counted per kind and reset after a connection opened; every delay gets "equal jitter" (half fixed, half random,
 * as in the AWS Architecture Blog's "Exponential Backoff And Jitter"), so that many clients do not reconnect in step.
 */
public final class Backoff {

  /** One schedule: {@code first * 2^(n-1)} (exponential) or {@code first * n} (linear), at most {@code max}. */
  public record Schedule(Duration first, Duration max, boolean linear) {

    Duration delay(int attempt) {
      long firstNanos = first.toNanos();
      long nanos = linear ? firstNanos * attempt
          : attempt >= 40 ? Long.MAX_VALUE : firstNanos * (1L << Math.min(attempt - 1, 39));
      if (nanos < 0 || nanos > max.toNanos()) {
        nanos = max.toNanos();
      }
      return Duration.ofNanos(nanos);
    }
  }

  private final Map<Disconnect.Cause, Schedule> schedules;
  private final Map<Disconnect.Cause, Integer> attempts = new EnumMap<>(Disconnect.Cause.class);

  private Backoff(Map<Disconnect.Cause, Schedule> schedules) {
    this.schedules = schedules;
  }

  /** One exponential schedule for every kind of failure. */
  public static Backoff exponential(Duration first, Duration max) {
    Map<Disconnect.Cause, Schedule> all = new EnumMap<>(Disconnect.Cause.class);
    for (Disconnect.Cause cause : Disconnect.Cause.values()) {
      all.put(cause, new Schedule(first, max, false));
    }
    return new Backoff(all);
  }

  /**
   * X's documented schedule ("Handling disconnections" of the X API v2 streaming docs): network errors (and
   * stalls, closed streams) linear from 250 ms to 16 s; HTTP errors exponential from 5 s to 320 s; HTTP 429
   * exponential from 1 minute (capped here at 16 minutes).
   */
  public static Backoff xDocumented() {
    Map<Disconnect.Cause, Schedule> all = new EnumMap<>(Disconnect.Cause.class);
    Schedule network = new Schedule(Duration.ofMillis(250), Duration.ofSeconds(16), true);
    all.put(Disconnect.Cause.NETWORK, network);
    all.put(Disconnect.Cause.CLOSED, network);
    all.put(Disconnect.Cause.STALLED, network);
    all.put(Disconnect.Cause.HTTP, new Schedule(Duration.ofSeconds(5), Duration.ofSeconds(320), false));
    all.put(Disconnect.Cause.REFUSED, new Schedule(Duration.ofSeconds(5), Duration.ofSeconds(320), false));
    all.put(Disconnect.Cause.RATE_LIMITED, new Schedule(Duration.ofMinutes(1), Duration.ofMinutes(16), false));
    return new Backoff(all);
  }

  /** The delay before the next attempt after a failure of this kind, jitter included. */
  public synchronized Duration next(Disconnect.Cause cause) {
    int attempt = attempts.merge(cause, 1, Integer::sum);
    Duration full = schedules.get(cause).delay(attempt);
    long half = full.toNanos() / 2;
    return Duration.ofNanos(half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1)));
  }

  /** The delay without jitter (for tests and messages). */
  public synchronized Duration ceiling(Disconnect.Cause cause, int attempt) {
    return schedules.get(cause).delay(attempt);
  }

  /** Starts every schedule over (a connection opened). */
  public synchronized void reset() {
    attempts.clear();
  }
}
