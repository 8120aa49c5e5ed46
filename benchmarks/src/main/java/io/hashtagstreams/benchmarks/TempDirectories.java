package io.hashtagstreams.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes the temporary directories (checkpoints, broker work directories) a harness creates, on every outcome:
 * {@code try { ... } finally { TempDirectories.delete(dir); }}.
 */
public final class TempDirectories {

  private TempDirectories() {
  }

  /**
   * Deletes {@code dir} and everything below it; nothing when it does not exist.
   *
   * @param dir the directory
   * @throws UncheckedIOException when it cannot be listed
   */
  public static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }
}
