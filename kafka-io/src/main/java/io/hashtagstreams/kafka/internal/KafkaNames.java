package io.hashtagstreams.kafka.internal;

import java.util.regex.Pattern;

/** Checks on Kafka topic names, with the rules the broker applies. */
public final class KafkaNames {

  private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");
  private static final int MAX_LENGTH = 249;

  private KafkaNames() {
  }

  /** Returns {@code topic} when it is a legal Kafka topic name, else throws IllegalArgumentException. */
  public static String requireTopic(String owner, String what, String topic) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException(owner + ": " + what + " must not be null or blank, but was "
          + (topic == null ? "null" : "'" + topic + "'"));
    }
    if (!LEGAL.matcher(topic).matches() || topic.length() > MAX_LENGTH || topic.equals(".")
        || topic.equals("..")) {
      throw new IllegalArgumentException(owner + ": " + what + " '" + topic + "' is not a legal Kafka topic name"
          + " (1-249 characters of a-z, A-Z, 0-9, '.', '_', '-'; not '.' or '..')");
    }
    return topic;
  }

  /** Whether {@code text} looks like a JSON object, as Spark's offset and assignment options expect. */
  public static boolean isJsonObject(String text) {
    String trimmed = text.trim();
    return trimmed.startsWith("{") && trimmed.endsWith("}");
  }
}
