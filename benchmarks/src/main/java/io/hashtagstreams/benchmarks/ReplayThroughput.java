package io.hashtagstreams.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.sample.TweetGenerator;
import io.hashtagstreams.kafka.replay.ArchiveLines;
import io.hashtagstreams.kafka.replay.ReplayProgress;
import io.hashtagstreams.kafka.replay.Replayer;
import io.hashtagstreams.kafka.testing.EmbeddedKafka;
import io.hashtagstreams.kafka.testing.TweetArchives;

/**
 * Speed of the replay ({@link Replayer}, {@link ArchiveLines}) side by side with {@code bzip2 -dc} on the same data,
 * on an in-process broker ({@link EmbeddedKafka}) sharing the machine's cores with the replay.
 *
 * <p>Data: {@code --tweets} generator lines (default 50,000, seed 1, ~4.2 KB each, 50 tweets per event-time
 * second), written as plain JSON lines ({@code tweets.json}), as one bzip2 file of the same lines
 * ({@code tweets.json.bz2}) and as a tar of per-minute {@code YYYY/MM/DD/HH/MM.json.bz2} entries, the Internet
 * Archive's layout ({@code stream.tar}). Rows, each the best of {@code --repeat} runs (default 2):
 * <ol>
 *   <li>reading {@code tweets.json} with {@link ArchiveLines} (split only, no Kafka);</li>
 *   <li>replaying {@code tweets.json} into a 2-partition topic (acks=all, idempotence, lz4);</li>
 *   <li>{@code bzip2 -dc tweets.json.bz2 > /dev/null} (skipped when no {@code bzip2} is on the PATH);</li>
 *   <li>reading {@code tweets.json.bz2} with {@link ArchiveLines} (decompress and split, no Kafka);</li>
 *   <li>replaying {@code stream.tar} into the topic.</li>
 * </ol>
 * The bzip2 rows show their time relative to {@code bzip2 -dc}.
 *
 * <p>Run:
 * <pre>
 * mvn -B -ntp -o -pl benchmarks -am verify -Prun -DskipTests \
 *     -Dbench.main=io.hashtagstreams.benchmarks.ReplayThroughput -Dbench.args="--tweets=50000 --repeat=2"
 * </pre>
 */
public final class ReplayThroughput {

  private ReplayThroughput() {
  }

  /**
   * The harness settings.
   *
   * @param tweets lines of data
   * @param repeat runs per row; the best is reported
   */
  public record Config(int tweets, int repeat) {

    /** Parses {@code --tweets=N --repeat=N}; throws IllegalArgumentException naming a bad argument. */
    public static Config parse(String... args) {
      int tweets = 50_000;
      int repeat = 2;
      for (String arg : args) {
        if (arg.startsWith("--tweets=")) {
          tweets = positive(arg, "--tweets=");
        } else if (arg.startsWith("--repeat=")) {
          repeat = positive(arg, "--repeat=");
        } else {
          throw new IllegalArgumentException("unknown argument '" + arg + "'; known: --tweets=N --repeat=N");
        }
      }
      return new Config(tweets, repeat);
    }

    private static int positive(String arg, String prefix) {
      try {
        int value = Integer.parseInt(arg.substring(prefix.length()));
        if (value >= 1) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("'" + arg + "' needs a whole number of at least 1");
    }
  }

  /**
   * One measured row.
   *
   * @param name what was measured
   * @param seconds the best wall time
   * @param lines lines handled per run
   * @param bytes uncompressed bytes per run
   */
  public record Row(String name, double seconds, long lines, long bytes) {

    double linesPerSecond() {
      return lines / seconds;
    }
  }

  /** Runs the harness and prints the table. */
  public static void main(String[] args) throws Exception {
    Config config = Config.parse(args);
    System.out.println(toTable(run(config), Machine.loadAverage()));
  }

  /**
   * Writes the data to a temporary directory, measures every row and removes the directory.
   *
   * @param config the settings
   * @return the rows in the order of the class description ({@code bzip2 -dc} missing without bzip2)
   */
  public static List<Row> run(Config config) throws Exception {
    Path dir = Files.createTempDirectory("replay-bench");
    try (EmbeddedKafka kafka = new EmbeddedKafka()) {
      List<GeneratedRecord> records = TweetGenerator.builder().seed(1)
          .start(Instant.parse("2016-07-01T00:00:00Z")).tweetsPerSecond(50).build().next(config.tweets());
      List<byte[]> lines = records.stream().map(GeneratedRecord::bytes).toList();
      long bytes = lines.stream().mapToLong(line -> line.length).sum();
      Path plain = dir.resolve("tweets.json");
      try (OutputStream out = Files.newOutputStream(plain)) {
        for (byte[] line : lines) {
          out.write(line);
          out.write('\n');
        }
      }
      Path bz2 = dir.resolve("tweets.json.bz2");
      Files.write(bz2, TweetArchives.bzip2(Files.readAllBytes(plain)));
      Path tar = dir.resolve("stream.tar");
      TweetArchives.writeMinuteTar(tar, records);
      kafka.start();

      List<Row> rows = new ArrayList<>();
      long count = lines.size();
      rows.add(best(config, "read tweets.json (ArchiveLines, no Kafka)", count, bytes, () -> read(plain, count)));
      rows.add(best(config, "replay tweets.json -> embedded broker", count, bytes,
          () -> replay(kafka, plain, count)));
      if (hasBzip2()) {
        rows.add(best(config, "bzip2 -dc tweets.json.bz2 > /dev/null", count, bytes, () -> bunzip(bz2)));
      }
      rows.add(best(config, "read tweets.json.bz2 (ArchiveLines, no Kafka)", count, bytes, () -> read(bz2, count)));
      rows.add(best(config, "replay stream.tar (per-minute .bz2) -> embedded broker", count, bytes,
          () -> replay(kafka, tar, count)));
      return rows;
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /**
   * The rows as Markdown, with lines/s, MB/s and the time relative to {@code bzip2 -dc} where it was measured.
   *
   * @param rows the measured rows
   * @param load the machine's load averages, printed under the table
   * @return the table text
   */
  public static String toTable(List<Row> rows, String load) {
    double bunzip = rows.stream().filter(row -> row.name().startsWith("bzip2 -dc")).mapToDouble(Row::seconds)
        .findFirst().orElse(Double.NaN);
    Table table = new Table("measurement", "seconds", "lines/s", "MB/s (uncompressed)", "time vs bzip2 -dc");
    for (Row row : rows) {
      boolean bzip = row.name().contains(".bz2") || row.name().startsWith("bzip2");
      table.row(row.name(), Table.fixed(row.seconds(), 2), Table.count(row.linesPerSecond()),
          Table.fixed(row.bytes() / 1e6 / row.seconds(), 1),
          bzip && !Double.isNaN(bunzip) ? Table.fixed(row.seconds() / bunzip, 2) + "x" : "");
    }
    return table + "\nlines: " + (rows.isEmpty() ? 0 : rows.get(0).lines()) + ", load average (1/5/15 min) at"
        + " the end: " + load + " on " + Runtime.getRuntime().availableProcessors() + " cores\n";
  }

  private interface Work {
    void run() throws Exception;
  }

  private static Row best(Config config, String name, long lines, long bytes, Work work) throws Exception {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < config.repeat(); i++) {
      long start = System.nanoTime();
      work.run();
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    return new Row(name, best, lines, bytes);
  }

  private static void read(Path file, long expected) {
    long lines = 0;
    try (ArchiveLines archive = ArchiveLines.open(List.of(file.toString()))) {
      while (archive.next() != null) {
        lines++;
      }
    }
    check(lines, expected, file);
  }

  private static int topics;

  private static void replay(EmbeddedKafka kafka, Path file, long expected) {
    String topic = "replay-" + (++topics);
    kafka.createTopic(topic, 2);
    ReplayProgress done = Replayer.builder().bootstrapServers(kafka.bootstrapServers()).topic(topic)
        .inputs(List.of(file.toString())).build().run();
    check(done.acknowledged(), expected, file);
  }

  private static void check(long lines, long expected, Path file) {
    if (lines != expected) {
      throw new IllegalStateException(file + ": expected " + expected + " lines, got " + lines);
    }
  }

  static boolean hasBzip2() {
    try {
      Process process = new ProcessBuilder("bzip2", "--help").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void bunzip(Path file) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("bzip2", "-dc", file.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("bzip2 -dc " + file + " failed");
    }
  }
}
