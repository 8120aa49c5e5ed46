package io.hashtagstreams.kafka.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An access token read from an environment variable or a file, never from a command line. Its {@link #toString()}
 * is {@code [redacted]}, and every message of this package replaces the value with {@code [redacted]}, so a token
 * reaches no log line, exception message or progress report.
 *
 * <pre>{@code
 * Secret token = Secret.fromEnvironment("X_BEARER_TOKEN");        // export X_BEARER_TOKEN=...
 * Secret token = Secret.fromFile(Path.of("/run/secrets/mastodon")); // first line of the file
 * }</pre>
 *
 * @since 0.3.0
 */
public final class Secret {

  private static final String REDACTED = "[redacted]";
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * The token in environment variable {@code name}.
   *
   * @param name the variable's name
   * @return the token
   * @throws IllegalArgumentException when the variable is unset or blank (the message names the variable only)
   */
  public static Secret fromEnvironment(String name) {
    return fromEnvironment(name, System.getenv());
  }

  /**
   * The token in {@code name} of the given environment (for tests and launchers).
   *
   * @param name the variable's name
   * @param environment the variables
   * @return the token
   * @throws IllegalArgumentException when the variable is unset or blank
   */
  public static Secret fromEnvironment(String name, Map<String, String> environment) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Secret: the environment variable's name must not be blank, but was '"
          + name + "'");
    }
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Secret: environment variable " + name + " is not set or blank");
    }
    return new Secret(value.strip());
  }

  /**
   * The token on the first line of a file (surrounding white space removed).
   *
   * @param file the file
   * @return the token
   * @throws IllegalArgumentException when the file cannot be read or its first line is blank (the message names
   *     the file only)
   */
  public static Secret fromFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("Secret: cannot read the token file " + file + " ("
          + e.getClass().getSimpleName() + ")");
    }
    String first = text.lines().findFirst().orElse("").strip();
    if (first.isEmpty()) {
      throw new IllegalArgumentException("Secret: the token file " + file + " is empty");
    }
    return new Secret(first);
  }

  /**
   * The token itself, for the {@code Authorization} header only.
   *
   * @return the token
   */
  public String reveal() {
    return value;
  }

  /**
   * {@code text} with every occurrence of the token replaced by {@code [redacted]}.
   *
   * @param text any message, or null
   * @return the scrubbed text, or null
   */
  public String scrub(String text) {
    return text == null ? null : text.replace(value, REDACTED);
  }

  /** Always {@code [redacted]}. */
  @Override
  public String toString() {
    return REDACTED;
  }
}
