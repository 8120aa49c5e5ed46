package io.hashtagstreams.kafka.internal;

import java.util.Map;

/** Re-throws exceptions from Spark or Kafka with any secret option value removed from the message. */
public final class SecretSafeExceptions {

  private SecretSafeExceptions() {
  }

  /**
   * A copy of {@code error} whose message has every secret value of {@code options} replaced; the original is not
   * kept as the cause, since its message could still carry the secret. The stack trace is kept.
   */
  public static RuntimeException scrubbed(RuntimeException error, Map<String, String> options) {
    String message = Redaction.scrub(error.getMessage(), options);
    RuntimeException copy = error instanceof IllegalArgumentException
        ? new IllegalArgumentException(message)
        : error instanceof IllegalStateException
            ? new IllegalStateException(message)
            : new RuntimeException(error.getClass().getName() + ": " + message);
    copy.setStackTrace(error.getStackTrace());
    return copy;
  }
}
