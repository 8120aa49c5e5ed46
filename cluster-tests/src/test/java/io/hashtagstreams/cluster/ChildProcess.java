package io.hashtagstreams.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM (or any program) started by the tier, with its standard output and error in files under the run's
 * directory, stopped by its own process id (and its descendants') in all outcomes.
 */
final class ChildProcess implements AutoCloseable {

  private static final Duration GRACE = Duration.ofSeconds(20);

  private final String name;
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private ChildProcess(String name, Process process, Path stdout, Path stderr) {
    this.name = name;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Starts {@code command} with {@code environment} added, writing {@code <dir>/<name>.out} and {@code .err}. */
  static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path dir) {
    try {
      Files.createDirectories(dir);
      Path out = dir.resolve(name + ".out");
      Path err = dir.resolve(name + ".err");
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(environment);
      Files.writeString(dir.resolve(name + ".cmd"), String.join(" ", command) + System.lineSeparator(),
          StandardCharsets.UTF_8);
      return new ChildProcess(name, builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name + ": " + command, e);
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path stdout() {
    return stdout;
  }

  Path stderr() {
    return stderr;
  }

  String stdoutText() {
    return read(stdout);
  }

  String stderrText() {
    return read(stderr);
  }

  /** Waits for the process to end by itself; fails (after stopping it) when it has not within {@code timeout}. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        close();
        throw new AssertionError(name + " (pid " + pid() + ") did not end within " + timeout + "; see " + stderr);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new AssertionError("interrupted waiting for " + name, e);
    }
    return process.exitValue();
  }

  /** SIGKILL to the process and its descendants, as a crash would; waits (bounded) until it is gone. */
  void kill() {
    end(Duration.ZERO);
  }

  /** SIGTERM, then SIGKILL after a bounded grace period; descendants are killed too. Idempotent. */
  @Override
  public void close() {
    end(GRACE);
  }

  private void end(Duration grace) {
    List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
    if (process.isAlive() && !grace.isZero()) {
      process.destroy();
      try {
        process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    process.destroyForcibly();
    family.forEach(ProcessHandle::destroyForcibly);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL for 30 s");
      }
      for (ProcessHandle child : family) {
        child.onExit().get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("a child of " + name + " did not end after SIGKILL", e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole command line of a running process; ProcessHandle.Info drops long ones, Linux keeps them in /proc. */
  static List<String> commandLine(ProcessHandle process) {
    try {
      String raw = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"),
          StandardCharsets.UTF_8);
      return List.of(raw.split("\0"));
    } catch (IOException e) {
      return List.of();
    }
  }
}
