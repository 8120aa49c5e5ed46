package io.hashtagstreams.kafka.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** {@link Backoff}: the schedules' ceilings (exponential, linear, X's documented values), jitter and reset. */
class BackoffTest {

  @Test
  void exponentialDoublesUpToTheCap() {
    Backoff backoff = Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(3));
    assertThat(backoff.ceiling(Disconnect.Cause.NETWORK, 1)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.ceiling(Disconnect.Cause.NETWORK, 2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.ceiling(Disconnect.Cause.NETWORK, 3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.ceiling(Disconnect.Cause.NETWORK, 4)).isEqualTo(Duration.ofSeconds(3));
    assertThat(backoff.ceiling(Disconnect.Cause.NETWORK, 500)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void xScheduleFollowsXsDocumentation() {
    Backoff x = Backoff.xDocumented();
    assertThat(x.ceiling(Disconnect.Cause.NETWORK, 1)).isEqualTo(Duration.ofMillis(250));
    assertThat(x.ceiling(Disconnect.Cause.NETWORK, 3)).isEqualTo(Duration.ofMillis(750));
    assertThat(x.ceiling(Disconnect.Cause.NETWORK, 100)).isEqualTo(Duration.ofSeconds(16));
    assertThat(x.ceiling(Disconnect.Cause.HTTP, 1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(x.ceiling(Disconnect.Cause.HTTP, 7)).isEqualTo(Duration.ofSeconds(320));
    assertThat(x.ceiling(Disconnect.Cause.HTTP, 8)).isEqualTo(Duration.ofSeconds(320));
    assertThat(x.ceiling(Disconnect.Cause.RATE_LIMITED, 1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(x.ceiling(Disconnect.Cause.RATE_LIMITED, 2)).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void delaysAreJitteredBetweenHalfAndTheCeilingAndStartOverAfterReset() {
    Backoff backoff = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(10));
    for (int attempt = 1; attempt <= 6; attempt++) {
      Duration ceiling = backoff.ceiling(Disconnect.Cause.HTTP, attempt);
      assertThat(backoff.next(Disconnect.Cause.HTTP)).isBetween(ceiling.dividedBy(2), ceiling);
    }
    backoff.reset();
    assertThat(backoff.next(Disconnect.Cause.HTTP)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
  }
}
