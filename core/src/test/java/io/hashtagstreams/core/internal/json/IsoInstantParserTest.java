package io.hashtagstreams.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link IsoInstantParser} against {@code java.time}'s own ISO parser. */
class IsoInstantParserTest {

  private static long parse(String text) {
    return IsoInstantParser.parse(text.toCharArray(), 0, text.length());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-02-01T19:00:31.000Z", "2024-11-21T16:09:27.095Z", "2026-10-08T15:43:06.08711400Z",
      "2026-01-01T00:00:00Z", "2024-02-29T23:59:59.9+05:30", "1969-12-31T23:59:59.999-01:00",
      "2000-03-01T00:00:00.1z"})
  void agreesWithJavaTime(String text) {
    long expected = OffsetDateTime.parse(text.toUpperCase()).toInstant().toEpochMilli();
    assertThat(parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2023-02-01", "2023-02-01T19:00:31", "2023-02-30T00:00:00Z", "2023-13-01T00:00:00Z",
      "2023-02-01T24:00:00Z", "2023-02-01T19:00:60Z", "2023-02-01T19:00:31.Z", "2023-02-01T19:00:31+0100",
      "Fri Jul 29 12:46:00 +0000 2016", "2023-02-01T19:00:31Zx", "2023-02-01X19:00:31Z"})
  void refusesWhatIsNoInstant(String text) {
    assertThat(parse(text)).isEqualTo(IsoInstantParser.INVALID);
  }
}
