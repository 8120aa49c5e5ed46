package io.hashtagstreams.kafka.internal;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Decides which option values are secrets and hides them. Used by every builder for {@code toString()}, exception
 * messages and log lines.
 *
 * <p>A value is secret when its key, compared case-insensitively, contains {@code password}, {@code jaas},
 * {@code secret} or {@code token}, or starts with {@code ssl.key} (after an optional {@code kafka.} prefix). Keys
 * such as {@code ssl.keystore.location} are hidden too: a path is not a secret, but over-hiding is the safe side.
 */
public final class Redaction {

  /** What a secret value is replaced with. */
  public static final String REDACTED = "[redacted]";

  private static final String[] SECRET_WORDS = {"password", "jaas", "secret", "token"};

  private Redaction() {
  }

  /** Whether the value of option {@code key} must never be printed. */
  public static boolean isSecret(String key) {
    if (key == null) {
      return false;
    }
    String lower = key.toLowerCase(Locale.ROOT);
    for (String word : SECRET_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    String bare = lower.startsWith("kafka.") ? lower.substring("kafka.".length()) : lower;
    return bare.startsWith("ssl.key");
  }

  /** The value as it may be printed: {@link #REDACTED} for a secret key, otherwise the value itself. */
  public static String printable(String key, Object value) {
    return isSecret(key) ? REDACTED : String.valueOf(value);
  }

  /** {@code {a=1, b=[redacted]}}, sorted by key, secrets hidden. */
  public static String printable(Map<String, String> options) {
    StringJoiner joined = new StringJoiner(", ", "{", "}");
    new TreeMap<>(options).forEach((key, value) -> joined.add(key + "=" + printable(key, value)));
    return joined.toString();
  }

  /**
   * {@code text} with every occurrence of a secret value from {@code options} replaced by {@link #REDACTED}; for
   * messages that come from elsewhere (Spark, Kafka) and may echo a setting.
   */
  public static String scrub(String text, Map<String, String> options) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (Map.Entry<String, String> option : options.entrySet()) {
      String value = option.getValue();
      if (isSecret(option.getKey()) && value != null && !value.isEmpty()) {
        result = result.replace(value, REDACTED);
      }
    }
    return result;
  }
}
