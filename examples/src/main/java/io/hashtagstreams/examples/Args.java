package io.hashtagstreams.examples;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of one subcommand, parsed from {@code --name value}, {@code --name=value} and {@code --flag}.
 *
 * <p>Each option may appear once; anything that is not a declared option (a positional word, an unknown
 * {@code --option}, a value option without its value) is a {@link UsageException} naming the bad word.
 *
 * <pre>{@code
 * Args args = Args.parse("top", new String[] {"--k", "5", "--exactly-once"},
 *     Set.of("--k"), Set.of("--exactly-once"));
 * int k = args.positiveInt("--k", 10);            // 5
 * boolean eos = args.flag("--exactly-once");      // true
 * }</pre>
 */
public final class Args {

  private final String command;
  private final Map<String, String> values;

  private Args(String command, Map<String, String> values) {
    this.command = command;
    this.values = values;
  }

  /**
   * Parses the words after the subcommand.
   *
   * @param command the subcommand, for messages
   * @param words the words after the subcommand
   * @param valueOptions options that take a value, with their leading {@code --}
   * @param flagOptions options without a value
   * @return the parsed options
   * @throws UsageException for an unknown option, a positional word, a missing value, a value given to a flag, or
   *     an option given twice
   */
  public static Args parse(String command, String[] words, Set<String> valueOptions, Set<String> flagOptions) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      if (word == null || !word.startsWith("--")) {
        throw new UsageException("unexpected argument '" + word + "' for '" + command + "'");
      }
      String name = word;
      String value = null;
      int eq = word.indexOf('=');
      if (eq > 0) {
        name = word.substring(0, eq);
        value = word.substring(eq + 1);
      }
      if (flagOptions.contains(name)) {
        if (value != null) {
          throw new UsageException(name + " takes no value, got '" + word + "'");
        }
        value = "true";
      } else if (valueOptions.contains(name)) {
        if (value == null) {
          if (i + 1 >= words.length || words[i + 1].startsWith("--")) {
            throw new UsageException(name + " needs a value");
          }
          value = words[++i];
        }
      } else {
        Set<String> known = new TreeSet<>(valueOptions);
        known.addAll(flagOptions);
        throw new UsageException("unknown option '" + name + "' for '" + command + "'; known: "
            + String.join(" ", known));
      }
      if (values.putIfAbsent(name, value) != null) {
        throw new UsageException(name + " given twice");
      }
    }
    return new Args(command, values);
  }

  /**
   * The union of option sets, for subcommands that take the shared options and their own.
   *
   * @param sets option names
   * @return all names in one set
   */
  @SafeVarargs
  public static Set<String> union(Set<String>... sets) {
    Set<String> all = new TreeSet<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return all;
  }

  /** The subcommand these options belong to. */
  public String command() {
    return command;
  }

  /**
   * Whether the option was given.
   *
   * @param name the option with its leading {@code --}
   * @return true when present on the command line
   */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /**
   * Whether a flag was given.
   *
   * @param name the flag with its leading {@code --}
   * @return true when present
   */
  public boolean flag(String name) {
    return values.containsKey(name);
  }

  /**
   * A text value.
   *
   * @param name the option
   * @param fallback returned when the option is absent (may be null)
   * @return the value or the fallback
   * @throws UsageException when the given value is blank
   */
  public String text(String name, String fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (value.isBlank()) {
      throw new UsageException(name + " must not be blank");
    }
    return value;
  }

  /**
   * A positive duration such as {@code 30s} (see {@link Durations#parse}).
   *
   * @param name the option
   * @param fallback returned when the option is absent
   * @return the duration
   * @throws UsageException when the value is malformed or not positive
   */
  public Duration duration(String name, Duration fallback) {
    String value = values.get(name);
    return value == null ? fallback : Durations.parse(name, value);
  }

  /**
   * A whole number of at least 1.
   *
   * @param name the option
   * @param fallback returned when the option is absent
   * @return the number
   * @throws UsageException when the value is not a number or below 1
   */
  public int positiveInt(String name, int fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    int number;
    try {
      number = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number, got '" + value + "'");
    }
    if (number < 1) {
      throw new UsageException(name + " must be at least 1, got '" + value + "'");
    }
    return number;
  }

  /**
   * Any long number, for seeds.
   *
   * @param name the option
   * @param fallback returned when the option is absent
   * @return the number
   * @throws UsageException when the value is not a number
   */
  public long anyLong(String name, long fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number, got '" + value + "'");
    }
  }

  /**
   * One of a fixed set of words.
   *
   * @param name the option
   * @param fallback returned when the option is absent
   * @param allowed the accepted values
   * @return the value, one of {@code allowed}
   * @throws UsageException when the value is not among {@code allowed}
   */
  public String choice(String name, String fallback, Set<String> allowed) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (!allowed.contains(value)) {
      throw new UsageException(name + " must be one of " + String.join("|", new TreeSet<>(allowed)) + ", got '"
          + value + "'");
    }
    return value;
  }
}
