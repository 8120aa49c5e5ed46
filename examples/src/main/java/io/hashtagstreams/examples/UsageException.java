package io.hashtagstreams.examples;

/**
 * A command line that cannot be run although picocli parsed it: options that contradict each other (a slide longer
 * than the window, an embedded-only option with {@code --bootstrap-servers}), or an embedded broker where none is
 * on the classpath. {@link HashtagStreamsApp#run} prints {@code error: } and the message and exits with code 2,
 * never with a stack trace; {@link Subcommand#config(String...)} also reports picocli's parse errors this way.
 */
public final class UsageException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, repeating the bad value
   */
  public UsageException(String message) {
    super(message);
  }
}
