package io.hashtagstreams.kafka.replay;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import io.hashtagstreams.kafka.internal.replay.CountingInputStream;
import io.hashtagstreams.kafka.internal.replay.Decompression;
import io.hashtagstreams.kafka.internal.replay.InputPaths;
import io.hashtagstreams.kafka.internal.replay.LineReader;
import io.hashtagstreams.kafka.internal.replay.ParallelEntries;

/**
 * The non-empty lines of tweet archives, streamed in constant memory, each line's bytes unchanged except for the
 * removed {@code \n} or {@code \r\n}.
 *
 * <table>
 *   <caption>Inputs</caption>
 *   <tr><th>input</th><th>read as</th></tr>
 *   <tr><td>a file</td><td>JSON lines; {@code .gz} gunzipped, {@code .bz2} bunzipped first</td></tr>
 *   <tr><td>{@code .tar}, {@code .tar.gz}, {@code .tgz}, {@code .tar.bz2}</td><td>each regular entry in archive
 *       order, decompressed by its own name ({@code .json.bz2}, {@code .gz}, plain)</td></tr>
 *   <tr><td>a directory</td><td>every regular file below it, sorted by path</td></tr>
 *   <tr><td>a glob such as {@code data/2016/07/0[1-3]/**.bz2}</td><td>every regular file it matches, sorted by
 *       path</td></tr>
 * </table>
 *
 * <p>Files whose paths all end in the archive's minute layout {@code YYYY/MM/DD/HH/MM.json.bz2} are read earliest
 * minute first, however they were listed (several directories, globs or files out of order), so that a collection of
 * archive minutes arrives in event-time order; other inputs keep the order above.
 *
 * <p>A tar is streamed, so its entries come in the order they are stored; compressed entries of up to 32 MB are
 * decompressed a few entries ahead on worker threads (one per core, at most 4), the order kept; the Internet Archive's
 * {@code archiveteam-twitter-stream-2016-07} tar stores its {@code YYYY/MM/DD/HH/MM.json.bz2} entries in name order.
 * Empty lines are skipped and counted ({@link #emptyLines()}). Anything unreadable throws
 * {@link ReplayInputException} naming the file, the entry and the line; nothing is skipped silently.
 *
 * <pre>{@code
 * try (ArchiveLines lines = ArchiveLines.open(List.of("twitter-stream-2016-07.tar"))) {
 *   for (byte[] line = lines.next(); line != null; line = lines.next()) {
 *     ...   // lines.source() says "twitter-stream-2016-07.tar!2016/07/01/00/00.json.bz2"
 *   }
 * }
 * }</pre>
 *
 * <p>Not thread-safe, except {@link #inputBytesRead()}, {@link #source()} and the counters, which a progress
 * printer may read from another thread.
 *
 * @since 0.2.0
 */
public final class ArchiveLines implements AutoCloseable {

  private static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private final List<Path> files;
  private final long totalBytes;
  private int fileIndex = -1;
  private volatile long previousFilesBytes;
  private volatile CountingInputStream raw;
  private final long[] sizes;
  private boolean plainFile;
  private TarArchiveInputStream tar;
  private ParallelEntries entries;
  private InputStream text;
  private LineReader reader;
  private String file;
  private String entry;
  private volatile String source = "";
  private long lineInSource;
  private volatile long lines;
  private volatile long emptyLines;
  private volatile long sources;

  private ArchiveLines(List<Path> files) {
    this.files = files;
    long total = 0;
    this.sizes = new long[files.size()];
    for (int i = 0; i < files.size(); i++) {
      Path path = files.get(i);
      try {
        sizes[i] = Files.size(path);
        total += sizes[i];
      } catch (IOException e) {
        throw new ReplayInputException(path.toString(), null, 0, "cannot read its size: " + e.getMessage());
      }
    }
    this.totalBytes = total;
  }

  /**
   * Opens the inputs: expands directories and globs now, so that a missing path fails before anything is read.
   *
   * @param inputs files, directories and globs
   * @return the lines, positioned before the first
   * @throws ReplayInputException naming an input that does not exist, is unreadable or matches nothing
   * @throws IllegalArgumentException when {@code inputs} is empty
   */
  public static ArchiveLines open(List<String> inputs) {
    return new ArchiveLines(InputPaths.expand(inputs));
  }

  /**
   * The next non-empty line.
   *
   * @return its bytes without the line terminator, or null after the last line
   * @throws ReplayInputException when the current file or entry cannot be read
   */
  public byte[] next() {
    while (true) {
      if (reader == null && !advance()) {
        return null;
      }
      byte[] line;
      try {
        line = reader.next();
      } catch (IOException | RuntimeException e) {
        throw failure(lineInSource + 1, e);
      }
      if (line == null) {
        closeText();
        if (plainFile) {
          closeFile(true);
        }
        continue;
      }
      lineInSource++;
      if (line.length == 0) {
        emptyLines++;
        continue;
      }
      lines++;
      return line;
    }
  }

  /**
   * Where the last line came from: the file, and for a tar entry {@code file!entry}.
   *
   * @return the source, empty before the first line
   */
  public String source() {
    return source;
  }

  /**
   * The line number of the last line inside its file or entry (1-based, empty lines counted).
   *
   * @return the line number
   */
  public long lineNumber() {
    return lineInSource;
  }

  /**
   * Non-empty lines returned so far.
   *
   * @return the count
   */
  public long lines() {
    return lines;
  }

  /**
   * Empty lines skipped so far.
   *
   * @return the count
   */
  public long emptyLines() {
    return emptyLines;
  }

  /**
   * Files and tar entries opened so far.
   *
   * @return the count
   */
  public long sources() {
    return sources;
  }

  /**
   * Bytes read from disk so far (compressed bytes for compressed inputs).
   *
   * @return the count
   */
  public long inputBytesRead() {
    CountingInputStream current = raw;
    return previousFilesBytes + (current == null ? 0 : current.count());
  }

  /**
   * The size of all input files on disk.
   *
   * @return the sum of the file sizes
   */
  public long inputBytesTotal() {
    return totalBytes;
  }

  /**
   * The input files, after expanding directories and globs.
   *
   * @return the files in replay order
   */
  public List<Path> files() {
    return files;
  }

  /** Closes the file being read. */
  @Override
  public void close() {
    closeText();
    closeFile(false);
  }

  private boolean advance() {
    while (true) {
      if (tar != null) {
        if (nextEntry()) {
          return true;
        }
        closeFile(true);
      }
      if (fileIndex + 1 >= files.size()) {
        return false;
      }
      fileIndex++;
      Path path = files.get(fileIndex);
      file = path.toString();
      entry = null;
      try {
        raw = new CountingInputStream(Files.newInputStream(path));
        String name = path.getFileName().toString();
        if (Decompression.isTar(name)) {
          // .tar as is, .tar.gz/.tgz and .tar.bz2 decompressed by their outer suffix.
          InputStream decompressed = Decompression.open(name, new BufferedInputStream(raw, 1 << 16), false);
          tar = new TarArchiveInputStream(decompressed);
          entries = new ParallelEntries(tar, THREADS);
          continue;
        }
        InputStream buffered = new BufferedInputStream(raw, 1 << 16);
        startSource(file, openText(name, buffered, false));
        plainFile = true;
        return true;
      } catch (IOException | RuntimeException e) {
        if (e instanceof ReplayInputException) {
          throw (ReplayInputException) e;
        }
        throw failure(0, e);
      }
    }
  }

  private boolean nextEntry() {
    String previous = entry;
    ParallelEntries.Entry next;
    try {
      next = entries.next();
    } catch (IOException | RuntimeException e) {
      entry = null;
      throw new ReplayInputException(file, null, 0, (previous == null ? "before the first entry"
          : "after entry " + previous) + ": " + problem(e));
    }
    if (next == null) {
      return false;
    }
    entry = next.name();
    if (Decompression.isTar(entry)) {
      throw new ReplayInputException(file, entry, 0, "a tar inside a tar is not supported; extract it first");
    }
    startSource(file + "!" + entry, next.text());
    return true;
  }

  /** The decompressed text of a file or entry; a decompressor reads ahead, so its failure is on line 1. */
  private InputStream openText(String name, InputStream in, boolean shield) {
    try {
      return Decompression.open(name, in, shield);
    } catch (IOException | RuntimeException e) {
      throw failure(1, e);
    }
  }

  private void startSource(String name, InputStream stream) {
    text = stream;
    reader = new LineReader(stream);
    source = name;
    lineInSource = 0;
    sources++;
  }

  private void closeText() {
    if (text != null) {
      try {
        text.close();
      } catch (IOException e) {
        // Everything was read; a failing close loses nothing.
      }
    }
    text = null;
    reader = null;
  }

  /** Closes the current file; {@code done}: it was read to its end (tar padding counts as read). */
  private void closeFile(boolean done) {
    CountingInputStream current = raw;
    plainFile = false;
    if (current != null) {
      long size = sizes[fileIndex];
      previousFilesBytes += done ? size : current.count();
      try {
        if (entries != null) {
          entries.close();
        }
        (tar != null ? tar : current).close();
      } catch (IOException e) {
        // As above.
      }
    }
    raw = null;
    entries = null;
    tar = null;
    entry = null;
  }

  private ReplayInputException failure(long line, Exception e) {
    return new ReplayInputException(file, entry, line, problem(e));
  }

  private static String problem(Exception e) {
    String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return e instanceof java.io.EOFException ? "unexpected end of data (truncated file?): " + problem : problem;
  }
}
