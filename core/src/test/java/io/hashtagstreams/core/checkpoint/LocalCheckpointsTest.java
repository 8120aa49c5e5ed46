package io.hashtagstreams.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.testing.SparkLine;

/**
 * {@link LocalCheckpoints} and {@link ForklessLocalFileSystem}: the file system behaves like Hadoop's local one,
 * and a stateful streaming query set up with them runs in a JVM that cannot start a process (empty {@code PATH}),
 * where the stock set-up fails. The speed it buys is measured in {@code benchmarks} (StreamingComparison).
 */
class LocalCheckpointsTest {

  private static final List<String> EXPECTED_ROWS = List.of(
      "1 2016-07-29T12:00:00Z rio 2",
      "1 2016-07-29T12:01:00Z tokyo 1",
      "2 2016-07-29T12:00:00Z rio 3",
      "2 2016-07-29T12:03:00Z rio 1",
      "3 2016-07-29T12:04:00Z tokyo 1",
      "4 2016-07-29T12:04:00Z tokyo 2",
      "4 2016-07-29T12:05:00Z rio 1",
      "done");

  @TempDir
  Path dir;

  @Test
  void namesTheFileSystemAndSparksFileSystemCheckpointManagerOfThisSparkLine() {
    assertThat(LocalCheckpoints.settings()).containsOnly(
        java.util.Map.entry("spark.hadoop.fs.file.impl", "io.hashtagstreams.core.checkpoint.ForklessLocalFileSystem"),
        java.util.Map.entry("spark.sql.streaming.checkpointFileManagerClass", SparkLine.CHECKPOINT_FILE_MANAGER));
  }

  @Test
  void failsNamingEveryKnownManagerWhenSparkHasNone() {
    ClassLoader withoutSpark = new ClassLoader(null) { };
    assertThatThrownBy(() -> LocalCheckpoints.fileSystemManager(withoutSpark))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("org.apache.spark.sql.execution.streaming.checkpointing.FileSystemBasedCheckpointFileManager")
        .hasMessageContaining("org.apache.spark.sql.execution.streaming.FileSystemBasedCheckpointFileManager");
  }

  @Test
  void writesRenamesAndSetsPermissionsLikeHadoopsLocalFileSystem() throws IOException {
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", ForklessLocalFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    try (FileSystem fs = FileSystem.get(dir.toUri(), conf)) {
      assertThat(fs).isInstanceOf(ForklessLocalFileSystem.class);
      org.apache.hadoop.fs.Path temp = new org.apache.hadoop.fs.Path(dir.toUri().toString(), "offsets/.0.tmp");
      org.apache.hadoop.fs.Path done = new org.apache.hadoop.fs.Path(dir.toUri().toString(), "offsets/0");
      try (FSDataOutputStream out = fs.create(temp, false)) {
        out.write("v1\n{}".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(fs.rename(temp, done)).isTrue();

      assertThat(Files.readString(dir.resolve("offsets/0"))).isEqualTo("v1\n{}");
      assertThat(Files.exists(dir.resolve("offsets/.0.crc"))).isTrue();
      assertThat(Files.exists(dir.resolve("offsets/.0.tmp"))).isFalse();
      fs.setPermission(done, new FsPermission((short) 0640));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("offsets/0"))))
          .isEqualTo("rw-r-----");
      fs.setPermission(done, new FsPermission((short) 0755));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("offsets/0"))))
          .isEqualTo("rwxr-xr-x");
      FileStatus status = fs.getFileLinkStatus(done);
      assertThat(status.isFile()).isTrue();
      assertThat(status.isSymlink()).isFalse();
      assertThat(status.getLen()).isEqualTo(5);
    }
  }

  @Test
  void describesASymbolicLinkAsHadoopsLocalFileSystemDoes() throws IOException {
    Files.writeString(dir.resolve("target"), "x");
    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("target"));
    org.apache.hadoop.fs.Path link = new org.apache.hadoop.fs.Path(dir.resolve("link").toUri());
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.resolve("target").toUri());
    try (ForklessLocalFileSystem forkless = new ForklessLocalFileSystem();
        LocalFileSystem stock = new LocalFileSystem()) {
      forkless.initialize(dir.toUri(), new Configuration(false));
      stock.initialize(dir.toUri(), new Configuration(false));
      for (org.apache.hadoop.fs.Path path : List.of(link, file)) {
        FileStatus ours = forkless.getFileLinkStatus(path);
        FileStatus hadoops = stock.getFileLinkStatus(path);
        assertThat(ours.isSymlink()).as(path.toString()).isEqualTo(hadoops.isSymlink());
        assertThat(ours.isFile()).as(path.toString()).isEqualTo(hadoops.isFile());
        assertThat(ours.getLen()).as(path.toString()).isEqualTo(hadoops.getLen());
        assertThat(ours.getPath()).as(path.toString()).isEqualTo(hadoops.getPath());
      }
    }
  }

  @Test
  void aStatefulQueryCheckpointsWithoutStartingAProcess() throws Exception {
    Run run = runChild("forkless");

    assertThat(run.exitCode).as(run.stderr).isZero();
    assertThat(run.stdout).isEqualTo(EXPECTED_ROWS);
    assertThat(run.stderr).contains(CheckpointChild.QUERY_STOPPED);
    assertThat(run.stderr.substring(0, run.stderr.indexOf(CheckpointChild.QUERY_STOPPED)))
        .doesNotContain("Cannot run program");
  }

  @Test
  void theStockSetUpNeedsToStartProcesses() throws Exception {
    Run run = runChild("stock");

    assertThat(run.exitCode).isNotZero();
    assertThat(run.stdout).doesNotContain("done");
    assertThat(run.stderr).containsPattern("Cannot run program \"(chmod|readlink|ls|stat)\"");
  }

  private record Run(int exitCode, List<String> stdout, String stderr) {
  }

  /** Runs {@link CheckpointChild} in a JVM of its own with an empty PATH; stops it by its id after 3 minutes. */
  private Run runChild(String setUp) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports")) {
        command.add(arg);
      }
    }
    command.add("-Duser.timezone=UTC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CheckpointChild.class.getName());
    command.add(setUp);
    command.add(dir.toString());
    Path out = dir.resolve(setUp + ".out");
    Path err = dir.resolve(setUp + ".err");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("PATH", dir.resolve("no-programs-here").toString());
    Process child = builder.start();
    try {
      if (!child.waitFor(3, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the child JVM (pid " + child.pid() + ") did not end within 3 minutes");
      }
    } finally {
      ProcessHandle.of(child.pid()).ifPresent(ProcessHandle::destroyForcibly);
    }
    return new Run(child.exitValue(), Files.readAllLines(out), Files.readString(err));
  }
}
