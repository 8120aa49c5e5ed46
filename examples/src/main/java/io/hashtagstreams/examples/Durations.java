package io.hashtagstreams.examples;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the short durations of the command line: {@code 500ms}, {@code 30s}, {@code 1m}, {@code 2h}.
 *
 * <pre>{@code
 * Duration window = Durations.parse("--window", "1m");   // PT1M
 * String text = Durations.format(Duration.ofSeconds(90)); // "90s"
 * }</pre>
 */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private Durations() {
  }

  /**
   * Parses a positive duration: digits followed by {@code ms}, {@code s}, {@code m} or {@code h}.
   *
   * @param option the option the value belongs to, for the message
   * @param text the value, for example {@code 30s}
   * @return the duration, never zero or negative
   * @throws UsageException when the text is null, malformed or zero
   */
  public static Duration parse(String option, String text) {
    Matcher m = text == null ? null : SHORT.matcher(text.trim());
    if (m == null || !m.matches()) {
      throw new UsageException(option + " must be a duration like 500ms, 30s, 1m or 2h, got '" + text + "'");
    }
    long amount = Long.parseLong(m.group(1));
    Duration duration;
    switch (m.group(2)) {
      case "ms":
        duration = Duration.ofMillis(amount);
        break;
      case "s":
        duration = Duration.ofSeconds(amount);
        break;
      case "m":
        duration = Duration.ofMinutes(amount);
        break;
      default:
        duration = Duration.ofHours(amount);
        break;
    }
    if (duration.isZero()) {
      throw new UsageException(option + " must be greater than zero, got '" + text + "'");
    }
    return duration;
  }

  /**
   * Formats a duration in the largest unit that represents it exactly, the inverse of {@link #parse}.
   *
   * @param duration a positive duration
   * @return for example {@code 90s}, {@code 1m} or {@code 250ms}
   */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
