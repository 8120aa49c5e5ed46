package io.hashtagstreams.core.internal.window;

import java.time.Duration;

/**
 * Validates the window, slide and watermark of a windowed operator before any Spark plan is built, so that a bad
 * value fails at {@code .transform(...)} with the operator, the parameter and the value in the message.
 *
 * <p>Spark works in microseconds and this library in whole milliseconds: a duration with a sub-millisecond part
 * would be silently truncated by {@link Duration#toMillis()}, so it is rejected instead.
 */
public final class DurationChecks {

  /** Largest duration whose microseconds still fit a long, with room for adding a window to a start time. */
  private static final long MAX_MILLIS = Long.MAX_VALUE / 1000 / 4;

  private DurationChecks() {
  }

  /**
   * Checks a window specification.
   *
   * @param operator the operator name used as message prefix, e.g. {@code windowedCounts}
   * @param window the window length: positive, whole milliseconds
   * @param slide the slide: positive, whole milliseconds, at most {@code window}
   * @param watermark the watermark delay: zero or positive, whole milliseconds
   * @throws IllegalArgumentException naming the first bad parameter and its value
   */
  public static void requireWindowSpec(String operator, Duration window, Duration slide, Duration watermark) {
    requireChecked(operator, "window", window, false);
    requireChecked(operator, "slide", slide, false);
    requireChecked(operator, "watermark", watermark, true);
    if (slide.compareTo(window) > 0) {
      throw new IllegalArgumentException(operator + ": slide " + slide + " must not exceed window " + window);
    }
  }

  /** Spark's interval text for a checked duration, e.g. {@code "60000 milliseconds"}. */
  public static String sparkInterval(Duration checked) {
    return checked.toMillis() + " milliseconds";
  }

  private static void requireChecked(String operator, String name, Duration value, boolean zeroAllowed) {
    if (value == null) {
      throw new IllegalArgumentException(operator + ": " + name + " must not be null");
    }
    if (value.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException(operator + ": " + name + " must be a whole number of milliseconds, but it is "
          + value);
    }
    if (value.isNegative() || (value.isZero() && !zeroAllowed)) {
      throw new IllegalArgumentException(operator + ": " + name + " must be " + (zeroAllowed ? "zero or " : "")
          + "positive, but it is " + value);
    }
    Duration max = Duration.ofMillis(MAX_MILLIS);
    if (value.compareTo(max) > 0) {
      throw new IllegalArgumentException(operator + ": " + name + " must be at most " + max + ", but it is " + value);
    }
  }
}
