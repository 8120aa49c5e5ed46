package io.hashtagstreams.examples;

/**
 * A command line that cannot be run: unknown subcommand or option, missing or malformed value.
 * {@link HashtagStreamsApp#run} prints its message with the usage and exits with code 2, never a stack trace.
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
