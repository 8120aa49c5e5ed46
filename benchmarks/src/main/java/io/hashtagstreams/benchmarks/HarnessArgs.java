package io.hashtagstreams.benchmarks;

/** Argument checks the harnesses share: every bad value fails with the argument as given. */
public final class HarnessArgs {

  private HarnessArgs() {
  }

  /**
   * {@code value} as an integer of at least {@code min}.
   *
   * @param value the text after {@code =}
   * @param min the smallest allowed value
   * @param arg the whole argument, for the message
   * @return the integer
   * @throws IllegalArgumentException naming {@code arg} when {@code value} is not such an integer
   */
  public static int atLeast(String value, int min, String arg) {
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the bad value
    }
    throw new IllegalArgumentException("expected an integer >= " + min + ": " + arg);
  }

  /**
   * A comma-separated list of integers, such as {@code 1024,16384}.
   *
   * @param value the text after {@code =}
   * @return the integers in order
   * @throws NumberFormatException when an element is not an integer
   */
  public static int[] ints(String value) {
    return java.util.Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  /**
   * A comma-separated list of longs, such as {@code 10000,1000000}.
   *
   * @param value the text after {@code =}
   * @return the longs in order
   * @throws NumberFormatException when an element is not a long
   */
  public static long[] longs(String value) {
    return java.util.Arrays.stream(value.split(",")).mapToLong(Long::parseLong).toArray();
  }
}
