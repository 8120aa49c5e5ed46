package io.hashtagstreams.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Bursts and volume changes of {@link TweetGenerator}, and their ground truth. */
class TweetGeneratorBurstTest {

  private static final Instant START = Instant.parse("2016-07-29T12:00:00Z");

  private static List<GeneratedRecord> until(TweetGenerator generator, Instant end) {
    List<GeneratedRecord> records = new ArrayList<>();
    for (GeneratedRecord record = generator.next(); record.timestamp().isBefore(end); record = generator.next()) {
      records.add(record);
    }
    return records;
  }

  @Test
  void withoutSchedulesTheLinesAreThoseOfBefore() {
    List<GeneratedRecord> plain = TweetGenerator.builder().seed(3).start(START).tweetsPerSecond(7).build().next(500);
    for (int n = 0; n < plain.size(); n++) {
      assertThat(plain.get(n).timestamp().toEpochMilli())
          .isEqualTo(START.toEpochMilli() + (long) Math.floor(n * 1000.0 / 7));
      assertThat(plain.get(n).burst()).isNull();
    }
  }

  @Test
  void burstAddsTaggedTweetsAtItsRateOnTopOfTheOrdinaryStream() {
    Instant burstStart = START.plusSeconds(30);
    TweetGenerator generator = TweetGenerator.builder().seed(3).start(START).tweetsPerSecond(10)
        .burst("Surprise_2016", burstStart, Duration.ofSeconds(20), 4).build();
    List<GeneratedRecord> records = until(generator, START.plusSeconds(90));

    List<GeneratedRecord> burstLines = records.stream().filter(r -> r.burst() != null).toList();
    assertThat(burstLines).hasSize(80);
    for (int j = 0; j < burstLines.size(); j++) {
      GeneratedRecord line = burstLines.get(j);
      assertThat(line.kind()).isEqualTo(GeneratedRecord.Kind.TWEET);
      assertThat(line.timestamp()).isEqualTo(burstStart.plusMillis(j * 250L));
      assertThat(line.hashtags()).last().isEqualTo("Surprise_2016");
      assertThat(line.json()).contains("#Surprise_2016");
    }
    // the ordinary stream is untouched: 10 lines a second, and no ordinary line carries the tag
    assertThat(records.stream().filter(r -> r.burst() == null)).hasSize(900);
    assertThat(records.stream().filter(r -> r.burst() == null && r.isTweet())
        .noneMatch(r -> r.hashtags().contains("Surprise_2016"))).isTrue();
    // lines come in time order
    for (int i = 1; i < records.size(); i++) {
      assertThat(records.get(i).timestamp()).isAfterOrEqualTo(records.get(i - 1).timestamp());
    }
    assertThat(generator.bursts()).containsExactly(new Burst("Surprise_2016", burstStart, Duration.ofSeconds(20), 4));
    assertThat(generator.burstsActiveIn(START, START.plusSeconds(30))).isEmpty();
    assertThat(generator.burstsActiveIn(START.plusSeconds(45), START.plusSeconds(60))).hasSize(1);
    assertThat(generator.burstsActiveIn(START.plusSeconds(50), START.plusSeconds(60))).isEmpty();
    assertThat(generator.bursts().get(0).linesIn(START.plusSeconds(40), START.plusSeconds(60))).isEqualTo(40);
  }

  @Test
  void volumeChangeScalesTheOrdinaryStreamForItsDuration() {
    TweetGenerator generator = TweetGenerator.builder().seed(3).start(START).tweetsPerSecond(10)
        .volumeChange(START.plusSeconds(10), Duration.ofSeconds(10), 2.0)
        .volumeChange(START.plusSeconds(30), Duration.ofSeconds(10), 0.5)
        .build();
    List<GeneratedRecord> records = until(generator, START.plusSeconds(50));
    long[] perTenSeconds = new long[5];
    records.forEach(r -> perTenSeconds[(int) ((r.timestamp().toEpochMilli() - START.toEpochMilli()) / 10_000)]++);
    assertThat(perTenSeconds).containsExactly(100, 200, 100, 50, 100);
    assertThat(generator.volumeChanges()).extracting(VolumeChange::factor).containsExactly(2.0, 0.5);
  }

  @Test
  void rejectsBadSchedules() {
    assertThatThrownBy(() -> TweetGenerator.builder().burst("two words", START, Duration.ofMinutes(1), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("burst tag must be one hashtag without '#', got two words");
    assertThatThrownBy(() -> TweetGenerator.builder().burst("ok", START, Duration.ZERO, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("burst duration must be positive whole milliseconds of at most 100 years, got PT0S");
    assertThatThrownBy(() -> TweetGenerator.builder().burst("ok", START, Duration.ofMinutes(1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("burst tweetsPerSecond must be a positive finite number, got 0.0");
    assertThatThrownBy(() -> TweetGenerator.builder().volumeChange(START, Duration.ofMinutes(1), -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("volumeChange factor must be a positive finite number, got -2.0");
    assertThatThrownBy(() -> TweetGenerator.builder()
        .volumeChange(START, Duration.ofMinutes(2), 2)
        .volumeChange(START.plusSeconds(60), Duration.ofMinutes(2), 3).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("volume changes must not overlap");
  }
}
