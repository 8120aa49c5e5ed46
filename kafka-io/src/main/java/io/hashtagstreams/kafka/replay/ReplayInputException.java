package io.hashtagstreams.kafka.replay;

/**
 * An input of a replay that cannot be read: a missing or unreadable path, a corrupt {@code .gz} or {@code .bz2},
 * a truncated or corrupt tar. The message names the file, the tar entry (when inside a tar) and the line being
 * read, e.g. {@code archive.tar, entry 2016/07/01/00/01.json.bz2, line 118: unexpected end of bzip2 data}.
 *
 * @since 0.2.0
 */
public final class ReplayInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final String entry;
  private final long line;

  /**
   * A new exception.
   *
   * @param file the file or input as given
   * @param entry the tar entry, or null
   * @param line the line being read (1-based), or 0 when no line was being read
   * @param problem what is wrong
   */
  public ReplayInputException(String file, String entry, long line, String problem) {
    super(describe(file, entry, line) + ": " + problem);
    this.file = file;
    this.entry = entry;
    this.line = line;
  }

  /**
   * The file or input as given.
   *
   * @return the path text
   */
  public String file() {
    return file;
  }

  /**
   * The tar entry being read.
   *
   * @return the entry name, or null outside a tar
   */
  public String entry() {
    return entry;
  }

  /**
   * The line being read when it failed.
   *
   * @return the 1-based line number, or 0 when no line was being read
   */
  public long line() {
    return line;
  }

  static String describe(String file, String entry, long line) {
    return file + (entry == null ? "" : ", entry " + entry) + (line > 0 ? ", line " + line : "");
  }
}
