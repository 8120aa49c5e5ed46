package io.hashtagstreams.core.internal.json;

/**
 * Parses an RFC 3339 / ISO 8601 instant with a zone ({@code 2023-02-01T19:00:31.000Z},
 * {@code 2024-11-21T16:09:27.095+01:00}) into epoch milliseconds without allocating: the form of X API v2
 * {@code created_at}, Bluesky {@code createdAt} (atproto's {@code datetime} format) and Mastodon
 * {@code created_at}.
 *
 * <p>Accepted: {@code YYYY-MM-DDTHH:MM:SS}, an optional fraction of any length (digits beyond milliseconds are
 * dropped, not rounded), then {@code Z}, {@code z} or {@code ±HH:MM}; {@code t} and a space are accepted for
 * {@code T}, as RFC 3339 allows. Years 0000-9999, calendar-valid days, hours to 23, seconds to 59 (a leap second
 * {@code 60} is refused). Anything else gives {@link #INVALID}.
 */
final class IsoInstantParser {

  /** Returned when the text is not such an instant. */
  static final long INVALID = Long.MIN_VALUE;

  private IsoInstantParser() {
  }

  /** Epoch milliseconds of {@code chars[offset, offset + length)}, or {@link #INVALID}. */
  static long parse(char[] chars, int offset, int length) {
    if (length < 20) {
      return INVALID;
    }
    int p = offset;
    int end = offset + length;
    int year = digits(chars, p, 4);
    if (year < 0 || chars[p + 4] != '-' || chars[p + 7] != '-') {
      return INVALID;
    }
    int month = digits(chars, p + 5, 2);
    int day = digits(chars, p + 8, 2);
    char t = chars[p + 10];
    if (t != 'T' && t != 't' && t != ' ') {
      return INVALID;
    }
    int hour = digits(chars, p + 11, 2);
    int minute = digits(chars, p + 14, 2);
    int second = digits(chars, p + 17, 2);
    if (chars[p + 13] != ':' || chars[p + 16] != ':' || month < 1 || month > 12 || day < 1
        || day > CreatedAtParser.daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59) {
      return INVALID;
    }
    p += 19;
    int millis = 0;
    if (chars[p] == '.') {
      p++;
      int start = p;
      while (p < end && chars[p] >= '0' && chars[p] <= '9') {
        if (p - start < 3) {
          millis = millis * 10 + (chars[p] - '0');
        }
        p++;
      }
      if (p == start) {
        return INVALID;
      }
      for (int i = p - start; i < 3; i++) {
        millis *= 10;
      }
    }
    if (p >= end) {
      return INVALID;
    }
    int offsetMinutes;
    char zone = chars[p];
    if ((zone == 'Z' || zone == 'z') && p + 1 == end) {
      offsetMinutes = 0;
    } else if ((zone == '+' || zone == '-') && p + 6 == end && chars[p + 3] == ':') {
      int offsetHours = digits(chars, p + 1, 2);
      int offsetMins = digits(chars, p + 4, 2);
      if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59) {
        return INVALID;
      }
      offsetMinutes = (zone == '+' ? 1 : -1) * (offsetHours * 60 + offsetMins);
    } else {
      return INVALID;
    }
    long seconds = CreatedAtParser.epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second
        - offsetMinutes * 60L;
    return seconds * 1000L + millis;
  }

  private static int digits(char[] chars, int p, int count) {
    int value = 0;
    for (int i = p; i < p + count; i++) {
      int digit = chars[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }
}
