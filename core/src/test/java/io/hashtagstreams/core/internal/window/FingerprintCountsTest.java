package io.hashtagstreams.core.internal.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link FingerprintCounts} against a {@link HashMap} fed the same additions, through several resizes. */
class FingerprintCountsTest {

  @Test
  void countsEqualAHashMapsThroughGrowthAndCollidingSlots() {
    SplittableRandom random = new SplittableRandom(3);
    FingerprintCounts counts = new FingerprintCounts(4);
    Map<Long, Long> expected = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      // few distinct keys in the low bits: many land in the same slots
      long key = random.nextInt(3) == 0 ? random.nextLong() : (random.nextInt(5_000) * (1L << 40));
      long n = 1 + random.nextInt(3);
      assertThat(counts.add(key, n)).isEqualTo(expected.merge(key, n, Long::sum));
    }
    assertThat(counts.size()).isEqualTo(expected.size());
    Map<Long, Long> visited = new HashMap<>();
    counts.forEach(visited::put);
    assertThat(visited).isEqualTo(expected);
    expected.forEach((key, count) -> assertThat(counts.get(key)).isEqualTo(count));
    assertThat(counts.get(12345L)).isZero();
    assertThat(counts.get(0L)).isEqualTo(expected.getOrDefault(0L, 0L));
  }
}
