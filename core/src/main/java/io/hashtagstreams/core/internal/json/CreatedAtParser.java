package io.hashtagstreams.core.internal.json;

/**
 * Parses Twitter's {@code created_at} ({@code EEE MMM dd HH:mm:ss Z yyyy}, e.g.
 * {@code Fri Jul 29 12:46:00 +0000 2016}) into epoch milliseconds without allocating.
 *
 * <p>Names are always English, whatever the JVM locale. The weekday must be a valid English name but is not
 * checked against the date (Twitter's is always consistent; a mismatch would not change the instant).
 */
final class CreatedAtParser {

  /** Returned when the text is not a valid {@code created_at}. */
  static final long INVALID = Long.MIN_VALUE;

  private static final int LENGTH = "Fri Jul 29 12:46:00 +0000 2016".length();
  private static final String DAYS = "MonTueWedThuFriSatSun";
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private CreatedAtParser() {
  }

  /** Epoch milliseconds of {@code chars[offset, offset + length)}, or {@link #INVALID}. */
  static long parse(char[] chars, int offset, int length) {
    if (length != LENGTH) {
      return INVALID;
    }
    int p = offset;
    if (indexOfName(DAYS, chars, p) < 0 || chars[p + 3] != ' ') {
      return INVALID;
    }
    int month = indexOfName(MONTHS, chars, p + 4) + 1;
    if (month == 0 || chars[p + 7] != ' ') {
      return INVALID;
    }
    int day = twoDigits(chars, p + 8);
    int hour = twoDigits(chars, p + 11);
    int minute = twoDigits(chars, p + 14);
    int second = twoDigits(chars, p + 17);
    char sign = chars[p + 20];
    int offsetHours = twoDigits(chars, p + 21);
    int offsetMinutes = twoDigits(chars, p + 23);
    int century = twoDigits(chars, p + 26);
    int yearOfCentury = twoDigits(chars, p + 28);
    // Each pair on its own: combined, a bad second pair (-1000) would still leave a positive year ("201," -> 1000).
    int year = century < 0 || yearOfCentury < 0 ? -1 : century * 100 + yearOfCentury;
    if (chars[p + 10] != ' ' || chars[p + 13] != ':' || chars[p + 16] != ':' || chars[p + 19] != ' '
        || chars[p + 25] != ' ' || (sign != '+' && sign != '-')) {
      return INVALID;
    }
    if (day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0
        || offsetMinutes > 59 || year < 0) {
      return INVALID;
    }
    long offsetSeconds = (offsetHours * 3600L + offsetMinutes * 60L) * (sign == '-' ? -1 : 1);
    long epochSeconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second
        - offsetSeconds;
    return epochSeconds * 1000L;
  }

  private static int indexOfName(String names, char[] chars, int p) {
    for (int i = 0; i < names.length(); i += 3) {
      if (names.charAt(i) == chars[p] && names.charAt(i + 1) == chars[p + 1] && names.charAt(i + 2) == chars[p + 2]) {
        return i / 3;
      }
    }
    return -1;
  }

  /** Two ASCII digits as a number, or a negative number when either is not a digit. */
  private static int twoDigits(char[] chars, int p) {
    int tens = chars[p] - '0';
    int ones = chars[p + 1] - '0';
    if (tens < 0 || tens > 9 || ones < 0 || ones > 9) {
      return -1000;
    }
    return tens * 10 + ones;
  }

  static int daysInMonth(int year, int month) {
    switch (month) {
      case 2:
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-to-days method with March-based years). */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    int shiftedMonth = month > 2 ? month - 3 : month + 9;
    long dayOfYear = (153L * shiftedMonth + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }
}
