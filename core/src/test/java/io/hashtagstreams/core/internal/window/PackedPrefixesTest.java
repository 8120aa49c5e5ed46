package io.hashtagstreams.core.internal.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link PackedPrefixes} against a set of the same 48-bit prefixes computed with plain shifts. */
class PackedPrefixesTest {

  @Test
  void findsExactlyThePrefixesItWasGivenIncludingExtremes() {
    SplittableRandom random = new SplittableRandom(11);
    long[] fingerprints = new long[5_000];
    Set<Long> prefixes = new HashSet<>();
    for (int i = 0; i < fingerprints.length; i++) {
      fingerprints[i] = i == 0 ? Long.MIN_VALUE : i == 1 ? -1L : i == 2 ? 0L : random.nextLong();
      prefixes.add(fingerprints[i] >>> 16);
    }
    byte[] packed = PackedPrefixes.pack(fingerprints, fingerprints.length);
    assertThat(packed).hasSize(5_000 * 6);
    for (long fingerprint : fingerprints) {
      assertThat(PackedPrefixes.contains(packed, fingerprint)).isTrue();
      // the low 16 bits are not kept: another fingerprint with the same prefix is found too
      assertThat(PackedPrefixes.contains(packed, fingerprint ^ 0x5A5AL)).isTrue();
    }
    for (int i = 0; i < 5_000; i++) {
      long other = random.nextLong();
      assertThat(PackedPrefixes.contains(packed, other)).isEqualTo(prefixes.contains(other >>> 16));
    }
    assertThat(PackedPrefixes.contains(PackedPrefixes.pack(new long[0], 0), 42L)).isFalse();
  }
}
