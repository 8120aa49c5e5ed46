package io.hashtagstreams.kafka.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Unique secrets for tests, and where they leaked: a test gives a fresh password to the code under test, gathers
 * every text a user or operator could read (output, logs, exception traces, progress JSON, UI pages) by name, and
 * asserts that {@link #leaks} finds none. A leak is reported by the text's name and the secret's position in the
 * list, never by the secret itself, so a failing test does not print it either.
 *
 * <pre>{@code
 * String password = SecretScan.uniqueSecret("pw-");
 * ...
 * assertThat(SecretScan.leaks(Map.of("stdout", out, "log file", log), password, jaasLine)).isEmpty();
 * }</pre>
 *
 * @since 0.3.0
 */
public final class SecretScan {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int RANDOM_LETTERS = 20;

  private SecretScan() {
  }

  /**
   * A secret no code or page contains by chance: the prefix and 20 random lower-case letters.
   *
   * @param prefix the start, to tell secrets apart when one leaks (letters, digits and '-' keep it JAAS-safe)
   * @return the secret
   * @throws IllegalArgumentException when the prefix holds something other than letters, digits and '-'
   */
  public static String uniqueSecret(String prefix) {
    if (prefix == null || !prefix.matches("[A-Za-z0-9-]*")) {
      throw new IllegalArgumentException("a secret prefix takes letters, digits and '-', got '" + prefix + "'");
    }
    StringBuilder secret = new StringBuilder(prefix);
    for (int i = 0; i < RANDOM_LETTERS; i++) {
      secret.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return secret.toString();
  }

  /**
   * Where the secrets occur: one line per text and secret found, {@code "<name> holds secret #<i>"}, with {@code i}
   * the secret's index in {@code secrets}; empty when none leaked. A null text holds nothing.
   *
   * @param texts the texts to search, by a name that says where each came from
   * @param secrets the secrets, none empty
   * @return the leaks, in the order of {@code texts}, then of {@code secrets}
   * @throws IllegalArgumentException when a secret is null or empty (it would be found everywhere)
   */
  public static List<String> leaks(Map<String, String> texts, String... secrets) {
    for (int i = 0; i < secrets.length; i++) {
      if (secrets[i] == null || secrets[i].isEmpty()) {
        throw new IllegalArgumentException("secret #" + i + " is empty; give the secrets to look for");
      }
    }
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, String> text : texts.entrySet()) {
      for (int i = 0; i < secrets.length; i++) {
        if (text.getValue() != null && text.getValue().contains(secrets[i])) {
          found.add(text.getKey() + " holds secret #" + i);
        }
      }
    }
    return found;
  }

  /**
   * The throwable's stack trace as {@link Throwable#printStackTrace()} prints it, causes and suppressed ones
   * included: what a log line or a console shows of an exception.
   *
   * @param error the throwable
   * @return the printed trace
   */
  public static String stackTrace(Throwable error) {
    StringWriter text = new StringWriter();
    error.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
