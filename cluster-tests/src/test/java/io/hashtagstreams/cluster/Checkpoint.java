package io.hashtagstreams.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Reads a streaming query's checkpoint directory: which micro-batches Spark has committed. */
final class Checkpoint {

  private Checkpoint() {
  }

  /** The highest batch id with a {@code commits/<id>} file, or -1 when none is committed yet. */
  static long lastCommittedBatch(Path checkpoint) {
    Path commits = checkpoint.resolve("commits");
    if (!Files.isDirectory(commits)) {
      return -1;
    }
    try (Stream<Path> files = Files.list(commits)) {
      return files.map(path -> path.getFileName().toString()).filter(name -> name.matches("[0-9]+"))
          .mapToLong(Long::parseLong).max().orElse(-1);
    } catch (IOException e) {
      return -1;
    }
  }
}
