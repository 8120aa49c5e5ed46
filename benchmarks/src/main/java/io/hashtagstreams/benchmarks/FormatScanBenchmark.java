package io.hashtagstreams.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.internal.json.PostScanner;
import io.hashtagstreams.core.internal.json.ScanResult;

/**
 * The reader alone, per record format: {@code PostScanner.scan} (what {@code extractText} runs once per record:
 * format detection, UTF-8 check, every field, the post's own tag list) over the same generated posts as
 * {@link FormatPipelineBenchmark}, held in memory as UTF-8 lines, one thread, no Spark. Set beside that benchmark's
 * rows it separates the reader's cost per byte from Spark's cost per row; the {@code twitter_v1_minimal} row is the
 * v1.1 reader on records holding only the fields it reads ({@link MinimalTweets}), i.e. its cost per byte read
 * rather than per byte skipped.
 *
 * <p>Run (on an idle machine): {@link FormatReport} runs this and {@link FormatPipelineBenchmark} in one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC", "-Duser.timezone=UTC"})
public class FormatScanBenchmark {

  /** The record format, as in {@link FormatPipelineBenchmark#format}. */
  @Param({"twitter_v1", FormatPipelineBenchmark.MINIMAL_V1, "x_v2", "bluesky_jetstream", "mastodon"})
  public String format;

  /** How many generated lines. */
  @Param("100000")
  public int posts;

  private byte[][] records;
  private final PostScanner scanner = new PostScanner(ExtractOptions.defaults());
  private final ScanResult result = new ScanResult();

  /** Writes the lines, reads them back as bytes and drops the file. */
  @Setup(Level.Trial)
  public void loadRecords() throws IOException {
    Path file = FormatPipelineBenchmark.input(format, posts, new long[1]);
    try {
      records = lines(Files.readAllBytes(file));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The lines of {@code bytes} split at {@code \n}, byte for byte (as Spark's text source splits them). */
  static byte[][] lines(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lines.add(Arrays.copyOfRange(bytes, start, i));
        start = i + 1;
      }
    }
    if (start < bytes.length) {
      lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
    }
    return lines.toArray(new byte[0][]);
  }

  /** One pass: every record read, accepted or rejected. */
  @Benchmark
  public void scanAll(Blackhole sink) {
    for (byte[] record : records) {
      sink.consume(scanner.scan(record, 0, record.length, result).accepted());
    }
  }
}
