package io.hashtagstreams.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreatedAtParserTest {

  private static final DateTimeFormatter TWITTER =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

  private static long parse(String text) {
    char[] padded = ("xx" + text + "yy").toCharArray();
    return CreatedAtParser.parse(padded, 2, text.length());
  }

  @Test
  void parsesTheStreamExample() {
    assertThat(parse("Fri Jul 29 12:46:00 +0000 2016"))
        .isEqualTo(Instant.parse("2016-07-29T12:46:00Z").toEpochMilli());
  }

  @Test
  void appliesPositiveAndNegativeOffsets() {
    assertThat(parse("Fri Jul 29 12:46:00 +0530 2016"))
        .isEqualTo(Instant.parse("2016-07-29T07:16:00Z").toEpochMilli());
    assertThat(parse("Thu Dec 31 20:00:00 -0800 2015"))
        .isEqualTo(Instant.parse("2016-01-01T04:00:00Z").toEpochMilli());
  }

  @Test
  void parsesEveryMonthAndWeekdayAsJavaTimeDoes() {
    OffsetDateTime day = OffsetDateTime.of(2016, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    for (int i = 0; i < 366; i++) {
      OffsetDateTime time = day.plusDays(i).plusSeconds(i * 233L);
      String text = TWITTER.format(time);
      assertThat(parse(text)).as(text).isEqualTo(time.toInstant().toEpochMilli());
    }
  }

  @Test
  void matchesJavaTimeOnRandomInstantsAndOffsets() {
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      long second = (long) (random.nextDouble() * 4_000_000_000L) - 100_000_000L;
      int offsetMinutes = (random.nextInt(37) - 18) * 30;
      OffsetDateTime time = Instant.ofEpochSecond(second)
          .atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
      String text = TWITTER.format(time);
      assertThat(parse(text)).as(text).isEqualTo(second * 1000L);
    }
  }

  @Test
  void ignoresTheDefaultLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.JAPAN);
    try {
      assertThat(parse("Mon Feb 29 23:59:59 +0000 2016"))
          .isEqualTo(Instant.parse("2016-02-29T23:59:59Z").toEpochMilli());
    } finally {
      Locale.setDefault(before);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "Fri Jul 29 12:46:00 +0000 201", "Fri Jul 29 12:46:00 +0000 20166", "fri Jul 29 12:46:00 +0000 2016",
      "Fri jul 29 12:46:00 +0000 2016", "Fry Jul 29 12:46:00 +0000 2016", "Fri Jux 29 12:46:00 +0000 2016",
      "Fri Jul 32 12:46:00 +0000 2016", "Fri Jul 00 12:46:00 +0000 2016", "Tue Feb 29 12:46:00 +0000 2015",
      "Fri Apr 31 12:46:00 +0000 2016", "Fri Jul 29 24:46:00 +0000 2016", "Fri Jul 29 12:60:00 +0000 2016",
      "Fri Jul 29 12:46:60 +0000 2016", "Fri Jul 29 12:46:00 0000 +2016", "Fri Jul 29 12:46:00 +1900 2016",
      "Fri Jul 29 12:46:00 +0060 2016", "Fri Jul 29 12-46-00 +0000 2016", "Fri Jul 2a 12:46:00 +0000 2016",
      "Fri Jul 29 12:46:00 Z     2016", "2016-07-29T12:46:00Z          ", "Fri,Jul 29 12:46:00 +0000 2016",
      // Found by TweetExtractionFuzzTest: a bad last pair of year digits was read as year 1000 or so.
      "Sat Mar 10 14:03:15 +0000 201,", "Fri Jul 29 12:46:00 +0000 20x6", "Fri Jul 29 12:46:00 +0000 19:0"})
  void rejectsWhatIsNotCreatedAt(String text) {
    assertThat(parse(text)).isEqualTo(CreatedAtParser.INVALID);
  }

  @Test
  void acceptsLeapDaysOnlyInLeapYears() {
    assertThat(parse("Tue Feb 29 00:00:00 +0000 2000"))
        .isEqualTo(Instant.parse("2000-02-29T00:00:00Z").toEpochMilli());
    assertThat(parse("Thu Feb 29 00:00:00 +0000 2100")).isEqualTo(CreatedAtParser.INVALID);
  }
}
