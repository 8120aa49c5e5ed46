package io.hashtagstreams.core.checkpoint;

import org.apache.hadoop.fs.LocalFileSystem;

/**
 * The {@code file:} Hadoop file system without child processes: Hadoop's {@link LocalFileSystem} (checksummed,
 * same files, same {@code .crc} side files) over a raw local file system that sets permissions and reads link
 * status through {@code java.nio} instead of running {@code chmod} and {@code readlink}.
 *
 * <p>Why: Hadoop 3.3 (the version Spark 3.5 ships) forks a {@code chmod} for every file it creates and a
 * {@code readlink} for every rename through {@code FileContext} unless its native library ({@code libhadoop.so})
 * is installed, which Spark's distribution and a Maven build do not do. A Structured Streaming query on a local
 * checkpoint creates and renames several files per micro-batch (offset log, commit log, one state-store delta per
 * stateful partition, each with a checksum file), so a large JVM spends tens of milliseconds per batch starting
 * processes. {@link LocalCheckpoints} sets this class up; see it for the measured effect.
 *
 * <p>Configured as {@code fs.file.impl}; it needs a public no-argument constructor, which is its only API.
 *
 * @since 0.2.0
 */
public final class ForklessLocalFileSystem extends LocalFileSystem {

  /** The file system Hadoop instantiates for {@code fs.file.impl}. */
  public ForklessLocalFileSystem() {
    super(new ForklessRawLocalFileSystem());
  }
}
