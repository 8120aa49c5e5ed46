package io.hashtagstreams.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.hashtagstreams.kafka.testing.LoopbackPorts;

/**
 * A Spark Connect server in a JVM of its own, as {@code start-connect-server.sh} would run it: Spark's own main class
 * ({@code org.apache.spark.sql.connect.service.SparkConnectServer}) on a classpath of Spark SQL, the Connect server
 * and the core jar, configured by system properties only, among them
 * {@code spark.sql.extensions=io.hashtagstreams.core.sql.HashtagSqlExtensions}. It listens on 127.0.0.1 only, on a
 * port from {@link LoopbackPorts} (a new one when another process took it first), and is stopped by its process id.
 *
 * <pre>{@code
 * try (ConnectServerProcess server = ConnectServerProcess.start(dir)) {
 *   SparkSession.builder().remote(server.url()).getOrCreate();
 * }
 * }</pre>
 */
final class ConnectServerProcess implements AutoCloseable {

  /** How long the server may take to listen: a cold JVM with Spark on a loaded 2-core machine takes 10-40 s. */
  private static final long START_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(3);
  private static final long STOP_TIMEOUT_S = 30;
  /** Between two connection attempts while the server starts; the wait itself is bounded by START_TIMEOUT_MS. */
  private static final long POLL_MS = 200;

  private final Process process;
  private final int port;
  private final Path log;

  private ConnectServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the server and returns once it accepts connections.
   *
   * @param runDir where the server's output and Spark's scratch files go
   * @return the running server
   * @throws IllegalStateException when it does not listen within 3 minutes or exits first (its output attached)
   */
  static ConnectServerProcess start(Path runDir) {
    return LoopbackPorts.startWithRetry(1, ports -> launch(runDir, ports[0]));
  }

  /** {@code sc://127.0.0.1:<port>}: what a Connect client's {@code remote(...)} takes. */
  String url() {
    return "sc://127.0.0.1:" + port;
  }

  /** The server's output so far (stdout and stderr together), for failure messages. */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(could not read " + log + ": " + e + ")";
    }
  }

  /** Stops the server by its process id: a normal stop first, then forcibly after 30 s. */
  @Override
  public void close() {
    ProcessHandle.of(process.pid()).ifPresent(handle -> {
      handle.descendants().forEach(ProcessHandle::destroyForcibly);
      handle.destroy();
    });
    try {
      if (!process.waitFor(STOP_TIMEOUT_S, TimeUnit.SECONDS)) {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        process.waitFor(STOP_TIMEOUT_S, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
  }

  private static ConnectServerProcess launch(Path runDir, int port) {
    try {
      Files.createDirectories(runDir);
      Path log = Files.createTempFile(runDir, "connect-server-" + port + "-", ".log");
      Path scratch = Files.createTempDirectory(runDir, "spark-local-");
      Process process = new ProcessBuilder(command(port, scratch))
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      ConnectServerProcess server = new ConnectServerProcess(process, port, log);
      try {
        server.awaitListening();
        return server;
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the Connect server JVM", e);
    }
  }

  private static List<String> command(int port, Path scratch) throws IOException {
    String classpath = Files.readString(Path.of(property("connect.server.classpath.file")), StandardCharsets.UTF_8)
        .trim();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-XX:+UseSerialGC");
    command.addAll(List.of(property("java17.spark.flags").trim().split("\\s+")));
    command.add("-Duser.timezone=UTC");
    command.add("-Dspark.master=local[2]");
    command.add("-Dspark.app.name=hashtag-streams-connect-test");
    command.add("-Dspark.sql.extensions=io.hashtagstreams.core.sql.HashtagSqlExtensions");
    command.add("-Dspark.connect.grpc.binding.address=127.0.0.1");
    command.add("-Dspark.connect.grpc.binding.port=" + port);
    command.add("-Dspark.ui.enabled=false");
    command.add("-Dspark.sql.shuffle.partitions=2");
    command.add("-Dspark.sql.session.timeZone=UTC");
    command.add("-Dspark.driver.host=127.0.0.1");
    command.add("-Dspark.driver.bindAddress=127.0.0.1");
    command.add("-Dspark.local.dir=" + scratch);
    command.add("-cp");
    command.add(classpath);
    command.add("org.apache.spark.sql.connect.service.SparkConnectServer");
    return command;
  }

  /** Waits, at most START_TIMEOUT_MS, until the port accepts a connection; fails at once if the JVM exits. */
  private void awaitListening() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the Connect server JVM exited with " + process.exitValue()
            + " before listening on 127.0.0.1:" + port + "; its output:\n" + output());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) POLL_MS);
        return;
      } catch (IOException notYet) {
        // not listening yet: try again until the deadline
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the Connect server (pid " + process.pid() + ") did not listen on 127.0.0.1:"
            + port + " within " + START_TIMEOUT_MS + " ms; its output:\n" + output());
      }
      try {
        if (process.waitFor(POLL_MS, TimeUnit.MILLISECONDS)) {
          continue; // exited: reported at the top of the loop
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the Connect server started", e);
      }
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set (connect-tests/pom.xml sets it)");
    }
    return value;
  }
}
