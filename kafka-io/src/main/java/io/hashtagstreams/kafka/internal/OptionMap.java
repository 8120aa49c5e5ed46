package io.hashtagstreams.kafka.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options a builder has collected, each settable once, with secret values kept out of every message.
 *
 * <p>Kafka client settings are stored under their Spark name, {@code kafka.<client key>}: a key given without the
 * prefix gets it, a key given with it is kept. Keys that a builder sets itself are refused with a pointer to the
 * builder method that sets them.
 */
public final class OptionMap {

  private static final String KAFKA_PREFIX = "kafka.";
  private static final String[] NUMERIC_SUFFIXES = {".ms", ".bytes", ".records", ".size"};

  private final String owner;
  private final Map<String, String> values = new LinkedHashMap<>();

  /** An empty map; {@code owner} names the builder in messages. */
  public OptionMap(String owner) {
    this.owner = owner;
  }

  /** Sets {@code key} once; the value must not be null or blank. */
  public void set(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(owner + ": " + key + " must not be null or blank, but was "
          + (value == null ? "null" : "'" + Redaction.printable(key, value) + "'"));
    }
    if (values.containsKey(key)) {
      throw new IllegalStateException(owner + ": " + key + " is already set to '"
          + Redaction.printable(key, values.get(key)) + "'; each option can be set once");
    }
    values.put(key, value);
  }

  /**
   * Sets a Kafka client setting, adding the {@code kafka.} prefix when missing.
   *
   * @param key the client key, with or without {@code kafka.}
   * @param value its value
   * @param owned keys (with prefix) that the builder sets through its own methods, mapped to the method name
   * @return the stored key
   */
  public String setKafka(String key, String value, Map<String, String> owned) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException(owner + ": an option key must not be null or blank, but was "
          + (key == null ? "null" : "'" + key + "'"));
    }
    String trimmed = key.trim();
    String full = trimmed.startsWith(KAFKA_PREFIX) ? trimmed : KAFKA_PREFIX + trimmed;
    if (full.length() == KAFKA_PREFIX.length()) {
      throw new IllegalArgumentException(owner + ": option key '" + key + "' names no Kafka setting");
    }
    String method = owned.get(full.toLowerCase(Locale.ROOT));
    if (method != null) {
      throw new IllegalArgumentException(owner + ": option '" + key + "' cannot be set with option(...)"
          + (method.isEmpty() ? " (the builder sets it itself)" : "; use " + method + " instead"));
    }
    if (value != null && isNumericKey(full)) {
      try {
        Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(owner + ": option '" + full + "' needs a whole number, but was '"
            + Redaction.printable(full, value) + "'");
      }
    }
    set(full, value);
    return full;
  }

  private static boolean isNumericKey(String key) {
    if (Redaction.isSecret(key)) {
      return false;
    }
    for (String suffix : NUMERIC_SUFFIXES) {
      if (key.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /** The value of {@code key}, or null. */
  public String get(String key) {
    return values.get(key);
  }

  /** Whether {@code key} was set. */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** The keys set so far, in the order they were set. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /** An immutable copy of everything set. */
  public Map<String, String> snapshot() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  @Override
  public String toString() {
    return Redaction.printable(values);
  }
}
