package io.hashtagstreams.core.checkpoint;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;

/**
 * Session settings that make streaming checkpoints on the local file system cheap: every checkpoint file (offset
 * log, commit log, state-store deltas and their checksums) is written without starting a {@code chmod} or
 * {@code readlink} process (see {@link ForklessLocalFileSystem}). Only {@code file:} paths change; checkpoints on
 * HDFS, S3 or ABFS are not affected. Use it for local runs ({@code local[*]}, tests, a single-machine deployment);
 * on a cluster, checkpoints live on a distributed file system anyway.
 *
 * <table>
 *   <caption>What it sets</caption>
 *   <tr><th>setting</th><th>value</th></tr>
 *   <tr><td>{@code spark.hadoop.fs.file.impl}</td><td>{@link ForklessLocalFileSystem}</td></tr>
 *   <tr><td>{@code spark.sql.streaming.checkpointFileManagerClass}</td>
 *       <td>Spark's {@code FileSystemBasedCheckpointFileManager}: renames through the {@code FileSystem} API
 *       instead of {@code FileContext}, whose rename asks for link status (a {@code readlink} per call). Spark
 *       requires an atomic {@code FileSystem.rename()} for this manager; a local POSIX rename is atomic. What it
 *       gives up is an atomic "rename unless the target exists", which matters only when two queries write the
 *       same checkpoint at once (Spark refuses a second active query on one checkpoint within a session)</td></tr>
 * </table>
 *
 * <pre>{@code
 * SparkSession spark = LocalCheckpoints.configure(SparkSession.builder().master("local[2]"))
 *     .getOrCreate();
 * }</pre>
 *
 * <p>Set it before the session's first use of the local file system: Hadoop caches one {@code file:} file system
 * per JVM and user, so a later change is not seen. Measured (BENCHMARKS.md, "Streaming"): on a 2-core machine the
 * offset and commit log writes fell from 22-24 ms to 0-1 ms each per micro-batch, the state-store commits of
 * {@code windowedCounts} from about 50 ms per batch to nothing measurable, and the whole pipeline from Kafka streamed
 * 1.27x as fast.
 *
 * @since 0.2.0
 */
public final class LocalCheckpoints {

  /**
   * Spark's checkpoint file manager that works through Hadoop's {@code FileSystem} API, by the name of each Spark
   * line: Spark 4.1 moved it into {@code ...streaming.checkpointing}; 3.5 and 4.0 have it in {@code ...streaming}.
   * The one lookup that differs between lines in this class, so one jar of a line runs on each minor of it.
   */
  static final List<String> FILE_SYSTEM_MANAGERS = List.of(
      "org.apache.spark.sql.execution.streaming.checkpointing.FileSystemBasedCheckpointFileManager",
      "org.apache.spark.sql.execution.streaming.FileSystemBasedCheckpointFileManager");

  private LocalCheckpoints() {
  }

  /**
   * The settings, as {@code SparkSession.builder().config(...)} takes them.
   *
   * @return setting name to value
   * @throws IllegalStateException when Spark's {@code FileSystemBasedCheckpointFileManager} is found under none of
   *     its known names
   * @since 0.2.0
   */
  public static Map<String, String> settings() {
    return Map.of(
        "spark.hadoop.fs.file.impl", ForklessLocalFileSystem.class.getName(),
        "spark.sql.streaming.checkpointFileManagerClass", fileSystemManager(LocalCheckpoints.class.getClassLoader()));
  }

  /**
   * The first of {@link #FILE_SYSTEM_MANAGERS} that {@code loader} finds.
   *
   * @throws IllegalStateException when it finds none (a Spark line that moved the class again)
   */
  static String fileSystemManager(ClassLoader loader) {
    for (String name : FILE_SYSTEM_MANAGERS) {
      try {
        Class.forName(name, false, loader);
        return name;
      } catch (ClassNotFoundException e) {
        // Not this line's name: try the next.
      }
    }
    throw new IllegalStateException("LocalCheckpoints: none of " + FILE_SYSTEM_MANAGERS
        + " is on the classpath; this Spark version is not one hashtag-streams was built for");
  }

  /**
   * Adds {@link #settings()} to a session builder.
   *
   * @param builder the builder, before {@code getOrCreate()}
   * @return the same builder
   * @since 0.2.0
   */
  public static SparkSession.Builder configure(SparkSession.Builder builder) {
    settings().forEach(builder::config);
    return builder;
  }
}
