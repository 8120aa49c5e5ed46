package io.hashtagstreams.examples;

import java.util.Map;
import java.util.Stack;
import java.util.function.Function;

import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The value converters of the command line, and the check that flags take no value ({@link Flag}). Each converter
 * rejects a bad value with an {@link InvalidValue} whose message says what is wrong without the option's name
 * ({@code must be at least 1, got '0'}); {@link UsageErrors} puts the name in front
 * ({@code --k must be at least 1, got '0'}).
 *
 * <pre>
 * &#64;Option(names = "--k", paramLabel = "N", defaultValue = "10", converter = OptionConverters.PositiveInt.class)
 * int k;
 * </pre>
 */
public final class OptionConverters {

  private OptionConverters() {
  }

  /** A value an option cannot take; the message repeats the value and leaves out the option's name. */
  public static final class InvalidValue extends TypeConversionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, e.g. {@code must be at least 1, got '0'}
     */
    public InvalidValue(String message) {
      super(message);
    }
  }

  /**
   * A converter that takes no word starting with {@code --} as a value: {@code --window --k 3} means the value of
   * {@code --window} is missing, not that it is {@code --k}.
   *
   * @param <T> the option's type
   */
  public abstract static class Base<T> implements ITypeConverter<T> {

    private final Function<String, T> parse;

    /**
     * Creates the converter.
     *
     * @param parse converts a value that does not start with {@code --}; throws {@link InvalidValue}
     */
    protected Base(Function<String, T> parse) {
      this.parse = parse;
    }

    @Override
    public final T convert(String value) {
      if (value.startsWith("--")) {
        throw new InvalidValue("needs a value");
      }
      return parse.apply(value);
    }
  }

  /** A whole number of at least 1: {@code must be a whole number, got 'ten'}, {@code must be at least 1, ...}. */
  public static final class PositiveInt extends Base<Integer> {

    /** Creates the converter. */
    public PositiveInt() {
      super(value -> {
        int number = WholeLong.parse(value, Integer::parseInt);
        if (number < 1) {
          throw new InvalidValue("must be at least 1, got '" + value + "'");
        }
        return number;
      });
    }
  }

  /** Any whole number, for seeds. */
  public static final class WholeLong extends Base<Long> {

    /** Creates the converter. */
    public WholeLong() {
      super(value -> parse(value, Long::parseLong));
    }

    static <N> N parse(String value, Function<String, N> parser) {
      try {
        return parser.apply(value.trim());
      } catch (NumberFormatException e) {
        throw new InvalidValue("must be a whole number, got '" + value + "'");
      }
    }
  }

  /** Text that is not blank: {@code must not be blank}. */
  public static final class NonBlank extends Base<String> {

    /** Creates the converter. */
    public NonBlank() {
      super(value -> {
        if (value.isBlank()) {
          throw new InvalidValue("must not be blank");
        }
        return value;
      });
    }
  }

  /** {@code host:port[,host:port...]}, each port from 1 to 65535. */
  public static final class BootstrapServers extends Base<String> {

    /** Creates the converter. */
    public BootstrapServers() {
      super(BootstrapServers::check);
    }

    private static String check(String servers) {
      if (servers.isBlank()) {
        throw new InvalidValue("must not be blank");
      }
      for (String server : servers.split(",", -1)) {
        int colon = server.lastIndexOf(':');
        boolean ok = colon > 0 && colon < server.length() - 1;
        if (ok) {
          try {
            int port = Integer.parseInt(server.substring(colon + 1));
            ok = port > 0 && port < 65536;
          } catch (NumberFormatException e) {
            ok = false;
          }
        }
        if (!ok) {
          throw new InvalidValue("must be host:port[,host:port...], got '" + servers + "'");
        }
      }
      return servers;
    }
  }

  /**
   * Refuses a value attached to a flag ({@code --exactly-once=yes}: {@code --exactly-once takes no value, got
   * '--exactly-once=yes'}); use it as the {@code preprocessor} of every {@code arity = "0"} option.
   */
  public static final class Flag implements IParameterPreprocessor {

    @Override
    public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec arg, Map<String, Object> info) {
      // With "=" the attached value is on top of the stack; picocli's own error would not name the flag.
      if ("=".equals(info.get("separator")) && !args.isEmpty() && arg instanceof OptionSpec option) {
        String word = option.longestName() + "=" + args.peek();
        throw new ParameterException(command.commandLine(), option.longestName() + " takes no value, got '" + word
            + "'", arg, args.peek());
      }
      return false;
    }
  }

  /**
   * The micro-batch interval: a duration as {@link DurationConverter} reads it, or {@code available-now}, which
   * converts to null (process what is in the topic now, then stop).
   */
  public static final class TriggerInterval extends Base<java.time.Duration> {

    /** The word for {@code Trigger.AvailableNow()}. */
    public static final String AVAILABLE_NOW = "available-now";

    /** Creates the converter. */
    public TriggerInterval() {
      super(value -> AVAILABLE_NOW.equals(value) ? null : DurationConverter.parse(value));
    }
  }

  /** A positive decimal number such as {@code 60} or {@code 0.5}: {@code must be a positive number, got 'x'}. */
  public static final class PositiveDouble extends Base<Double> {

    /** Creates the converter. */
    public PositiveDouble() {
      super(value -> {
        double number;
        try {
          number = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
          throw new InvalidValue("must be a positive number, got '" + value + "'");
        }
        if (!(number > 0) || Double.isInfinite(number)) {
          throw new InvalidValue("must be a positive number, got '" + value + "'");
        }
        return number;
      });
    }
  }

  /** A whole number of at least 0: {@code must not be negative, got '-1'}. */
  public static final class NonNegativeLong extends Base<Long> {

    /** Creates the converter. */
    public NonNegativeLong() {
      super(value -> {
        long number = WholeLong.parse(value, Long::parseLong);
        if (number < 0) {
          throw new InvalidValue("must not be negative, got '" + value + "'");
        }
        return number;
      });
    }
  }

  /** A whole number of at least 1, as a long. */
  public static final class PositiveLong extends Base<Long> {

    /** Creates the converter. */
    public PositiveLong() {
      super(value -> {
        long number = WholeLong.parse(value, Long::parseLong);
        if (number < 1) {
          throw new InvalidValue("must be at least 1, got '" + value + "'");
        }
        return number;
      });
    }
  }

  /**
   * The generator's {@code --format}: {@code twitter} (v1.1), {@code x} (X API v2), {@code bluesky} (Jetstream),
   * {@code mastodon}, or {@code mixed} (all four, each line's drawn at random).
   */
  public static final class GeneratorFormats extends Base<java.util.List<io.hashtagstreams.core.PostFormat>> {

    /** Creates the converter. */
    public GeneratorFormats() {
      super(value -> {
        switch (value) {
          case "twitter":
            return java.util.List.of(io.hashtagstreams.core.PostFormat.TWITTER_V1);
          case "x":
            return java.util.List.of(io.hashtagstreams.core.PostFormat.X_V2);
          case "bluesky":
            return java.util.List.of(io.hashtagstreams.core.PostFormat.BLUESKY_JETSTREAM);
          case "mastodon":
            return java.util.List.of(io.hashtagstreams.core.PostFormat.MASTODON);
          case "mixed":
            return java.util.List.of(io.hashtagstreams.core.PostFormat.values());
          default:
            throw new InvalidValue("must be one of twitter, x, bluesky, mastodon, mixed, got '" + value + "'");
        }
      });
    }
  }
}
