package io.hashtagstreams.examples;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the short durations of the command line: {@code 500ms}, {@code 30s}, {@code 1m}, {@code 2h},
 * {@code 7d} (digits, then {@code ms}, {@code s}, {@code m}, {@code h} or {@code d} for days of 24 hours; positive).
 *
 * <pre>
 * &#64;Option(names = "--window", paramLabel = "D", defaultValue = "1m", converter = DurationConverter.class)
 * Duration window;                                                // --window 30s: PT30S
 * String text = DurationConverter.format(Duration.ofSeconds(90)); // "90s"
 * </pre>
 *
 * <p>A bad value is an {@link OptionConverters.InvalidValue}, shown to the user as
 * {@code --window must be a duration like 500ms, 30s, 1m, 2h or 7d, got '5x'} or
 * {@code --duration must be greater than zero, got '0s'}.
 */
public final class DurationConverter extends OptionConverters.Base<Duration> {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  /** Creates the converter. */
  public DurationConverter() {
    super(DurationConverter::parse);
  }

  /**
   * Parses a positive duration.
   *
   * @param text the value, for example {@code 30s}
   * @return the duration, never zero or negative
   * @throws OptionConverters.InvalidValue when the text is malformed or zero
   */
  static Duration parse(String text) {
    Matcher m = SHORT.matcher(text.trim());
    if (!m.matches()) {
      throw new OptionConverters.InvalidValue("must be a duration like 500ms, 30s, 1m, 2h or 7d, got '" + text + "'");
    }
    long amount = Long.parseLong(m.group(1));
    Duration duration = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
    if (duration.isZero()) {
      throw new OptionConverters.InvalidValue("must be greater than zero, got '" + text + "'");
    }
    return duration;
  }

  /**
   * Formats a duration in the largest unit that represents it exactly, the inverse of the conversion.
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
