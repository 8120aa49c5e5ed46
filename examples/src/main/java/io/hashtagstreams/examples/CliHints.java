package io.hashtagstreams.examples;

/**
 * Rewrites the hints of library messages that name Java builder methods into the command line's options, so that a
 * user of the app is told what to type: {@code failFast(false)} becomes {@code --kafka-timeout} (the check cannot be
 * turned off from the command line, only given more or less time),
 * {@code createTopic(2)} becomes {@code --create-topic 2}, {@code skip N} becomes {@code --skip N}.
 *
 * <pre>{@code
 * err.println("error: top failed: " + CliHints.forCommandLine(message));
 * }</pre>
 */
final class CliHints {

  private CliHints() {
  }

  /**
   * The message with its Java hints replaced.
   *
   * @param message a library message; null gives "null"
   * @return the message for a command-line user
   */
  static String forCommandLine(String message) {
    if (message == null) {
      return "null";
    }
    return message
        .replace("(turn this check off with failFast(false))",
            "(--kafka-timeout sets how long this check waits, default 30s)")
        .replace("use createTopic(partitions)", "use --create-topic PARTITIONS")
        .replaceAll("createTopic\\((\\d+)\\)", "--create-topic $1")
        .replace("(resume with skip ", "(resume with --skip ");
  }
}
