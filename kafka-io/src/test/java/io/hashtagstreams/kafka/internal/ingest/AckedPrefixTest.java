package io.hashtagstreams.kafka.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link AckedPrefix}: the cursor is the last one of the prefix acknowledged from the first record on. */
class AckedPrefixTest {

  @Test
  void outOfOrderAcknowledgementsAdvanceThePrefixOnlyWhenItIsComplete() throws InterruptedException {
    AckedPrefix acks = new AckedPrefix(4);
    long a = acks.register(100, 1, () -> true);
    long b = acks.register(-1, Long.MIN_VALUE, () -> true);
    long c = acks.register(300, 3, () -> true);

    acks.acknowledge(c);
    assertThat(acks.prefix()).isZero();
    assertThat(acks.lastCursor()).isEqualTo(-1);
    acks.acknowledge(a);
    assertThat(acks.prefix()).isEqualTo(1);
    assertThat(acks.lastCursor()).isEqualTo(100);
    assertThat(acks.awaitAll(10)).isFalse();
    acks.acknowledge(b);
    assertThat(acks.prefix()).isEqualTo(3);
    assertThat(acks.lastCursor()).isEqualTo(300);
    assertThat(acks.lastEventMillis()).isEqualTo(3);
    assertThat(acks.awaitAll(10)).isTrue();
  }

  @Test
  void aFullRingWaitsAndGivesUpWhenNoLongerRunning() throws InterruptedException {
    AckedPrefix acks = new AckedPrefix(1);
    assertThat(acks.register(1, 1, () -> true)).isZero();
    assertThat(acks.register(2, 2, () -> false)).isEqualTo(-1);
  }
}
