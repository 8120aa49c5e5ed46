package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.testing.SparkTestSession;

/**
 * {@code top} and {@code trending} on a finite {@code --input} read with {@code --trigger available-now}: the whole
 * file is read, every window is printed once (the last ones as closed by the end of input), rejected lines are
 * counted per reason, and the same on every run.
 */
class FiniteInputTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  /** A table row of top: window_start, window_end, rank, topic, count. */
  private static final Pattern TOP_ROW = Pattern.compile(
      "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)  (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d) +(\\d+)  (\\S+) +(\\d+)$");
  private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private static RealShapedSample sample;
  private static Path file;

  @TempDir
  static Path dir;

  @BeforeAll
  static void writeSample() {
    SparkTestSession.get();
    sample = RealShapedSample.create();
    file = sample.write(dir.resolve("real-shaped.jsonl"));
  }

  @Test
  void availableNowPrintsEveryWindowOnceWithTheRejectionsTheSameOnThreeRuns() {
    List<String> finalLines = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      Fixtures.Capture out = new Fixtures.Capture();
      Fixtures.Capture err = new Fixtures.Capture();
      int code = HashtagStreamsApp.run(new String[] {"top", "--input", file.toString(), "--trigger",
          "available-now", "--k", "1000", "--window", "1m", "--watermark", "60000h", "--rows", "100000",
          "--max-offsets-per-trigger", "300", "--partitions", "1", "--rate", "100000", "--duration", "4m",
          "--no-ui"}, out.stream(), err.stream());

      assertThat(code).as("exit code; stderr: %s", err.text()).isZero();
      assertThat(printedCounts(out.text())).as("run %d", run)
          .containsExactlyEntriesOf(sample.windowTopicCounts(MINUTE));
      assertThat(out.text()).contains("== top | closed by the end of input ==");
      finalLines.add(lastLine(err.text()));
    }
    String expected = "[app] top finished; " + sample.lines() + " records replayed; 0 rows dropped behind the"
        + " watermark, " + rejected(sample.rejections());
    assertThat(finalLines).containsExactly(expected, expected, expected);
  }

  @Test
  void withTheDefaultWatermarkTopAndTrendingReportExactlyTheRowsTheyDroppedAndWhereTheyWere() {
    Drops drops = Drops.model(sample.records(), 300, MINUTE.toMillis(), 30_000);
    // the file goes 2021, 2016, 2015: once 2021 has set the watermark, the older years' rows are all late
    assertThat(drops.total()).isGreaterThan(1000);
    for (String command : List.of("top", "trending")) {
      Fixtures.Capture out = new Fixtures.Capture();
      Fixtures.Capture err = new Fixtures.Capture();
      int code = HashtagStreamsApp.run(new String[] {command, "--input", file.toString(), "--trigger",
          "available-now", "--max-offsets-per-trigger", "300", "--partitions", "1", "--rate", "100000",
          "--duration", "4m", "--no-ui"}, out.stream(), err.stream());

      assertThat(code).as("exit code; stderr: %s", err.text()).isZero();
      assertThat(lastLine(err.text())).isEqualTo("[app] " + command + " finished; " + sample.lines()
          + " records replayed; " + drops.total() + " rows dropped behind the watermark (oldest row "
          + printed(drops.oldestOverall()) + ", windows ending by " + printed(drops.latestBound()) + "), "
          + rejected(sample.rejections()));
      Map<Long, String> lateParts = lateParts(out.text(), command);
      assertThat(lateParts).as("progress lines of %s", command).containsKey(drops.firstBatchWithDrops());
      lateParts.forEach((batch, part) -> assertThat(part).as("%s batch %d", command, batch)
          .isEqualTo(drops.latePart(batch)));
    }
  }

  @Test
  void readsArchiveMinutesListedOutOfOrderInEventTimeOrder() throws java.io.IOException {
    List<io.hashtagstreams.core.sample.GeneratedRecord> all = sample.records();
    Path root = dir.resolve("minutes");
    // the three years of the sample as archive minutes (each file starting at its first tweet's minute), the two
    // garbage lines of RealShapedSample in a minute of their own before them
    Path y2021 = writeLines(root.resolve("2021/01/01/07/25.json"), all.subList(0, 700), List.of());
    writeLines(root.resolve("2016/08/05/23/00.json"), all.subList(700, 1400), List.of());
    Path y2015 = writeLines(root.resolve("2015/03/14/15/00.json"), all.subList(1400, 2100), List.of());
    Path garbage = writeLines(root.resolve("2015/03/14/14/59.json"), List.of(),
        List.of("this is not json at all", "[1,2,3]"));
    List<io.hashtagstreams.core.sample.GeneratedRecord> eventOrder = new ArrayList<>(all.subList(1400, 2100));
    eventOrder.addAll(all.subList(700, 1400));
    eventOrder.addAll(all.subList(0, 700));
    // the garbage minute comes first: its 2 lines shift the 300-record batches
    List<io.hashtagstreams.core.sample.GeneratedRecord> asRead = new ArrayList<>();
    asRead.add(null);
    asRead.add(null);
    asRead.addAll(eventOrder);
    Drops drops = Drops.model(asRead, 300, MINUTE.toMillis(), 30_000);
    assertThat(drops.total()).as("in event-time order, far fewer than the 1000+ rows of the file order")
        .isLessThan(100);

    Fixtures.Capture out = new Fixtures.Capture();
    Fixtures.Capture err = new Fixtures.Capture();
    int code = HashtagStreamsApp.run(new String[] {"top", "--input", y2021.toString(),
        root.resolve("2016").toString(), y2015.toString(), garbage.toString(), "--trigger", "available-now",
        "--max-offsets-per-trigger", "300", "--partitions", "1", "--rate", "100000", "--duration", "4m", "--no-ui"},
        out.stream(), err.stream());

    assertThat(code).as("exit code; stderr: %s", err.text()).isZero();
    assertThat(lastLine(err.text())).isEqualTo("[app] top finished; " + sample.lines() + " records replayed; "
        + drops.total() + (drops.total() == 1 ? " row" : " rows") + " dropped behind the watermark"
        + (drops.total() == 0 ? "" : " (oldest row " + printed(drops.oldestOverall()) + ", windows ending by "
            + printed(drops.latestBound()) + ")")
        + ", " + rejected(sample.rejections()));
  }

  private static Path writeLines(Path file, List<io.hashtagstreams.core.sample.GeneratedRecord> records,
      List<String> extra) throws java.io.IOException {
    java.nio.file.Files.createDirectories(file.getParent());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (io.hashtagstreams.core.sample.GeneratedRecord record : records) {
      bytes.write(record.bytes());
      bytes.write('\n');
    }
    for (String line : extra) {
      bytes.write(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      bytes.write('\n');
    }
    return java.nio.file.Files.write(file, bytes.toByteArray());
  }

  /** The late part ("0 late", "12 late (oldest row ...)") of every progress line of {@code query}, by batch id. */
  static Map<Long, String> lateParts(String out, String query) {
    Pattern line = Pattern.compile("^\\[" + query + "\\] batch (\\d+): .*, state \\d+ rows, (\\d+ late[^,]*(?:, windows"
        + " ending by [^)]*\\))?)(?:, rejected .*)?$");
    Map<Long, String> parts = new TreeMap<>();
    for (String text : out.split("\\R")) {
      Matcher matcher = line.matcher(text);
      if (matcher.matches()) {
        parts.put(Long.parseLong(matcher.group(1)), matcher.group(2));
      }
    }
    return parts;
  }

  /** Spark's way of printing an instant in progress reports, written out here: UTC, milliseconds, 'Z'. */
  static String printed(long epochMillis) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC)
        .format(java.time.Instant.ofEpochMilli(epochMillis));
  }

  /**
   * A second computation of what Spark drops: micro-batches of {@code batchSize} records in file order (one
   * partition); batch k runs with the watermark computed from the rows of batches 0..k-1 (the latest event time minus
   * the delay, never decreasing) and drops the topic rows whose window ended at or before the watermark the
   * previous batch ran with. Per batch it keeps the count, the oldest dropped row and that watermark. A null
   * record stands for a line that is not a post (it takes an offset, nothing else).
   */
  record Drops(List<Long> counts, List<Long> oldest, List<Long> bounds) {

    static Drops model(List<io.hashtagstreams.core.sample.GeneratedRecord> records, int batchSize, long windowMs,
        long delayMs) {
      List<Long> counts = new ArrayList<>();
      List<Long> oldest = new ArrayList<>();
      List<Long> bounds = new ArrayList<>();
      long previousWatermark = 0;
      long watermark = 0;
      long maxEventTime = Long.MIN_VALUE;
      for (int from = 0; from < records.size(); from += batchSize) {
        List<io.hashtagstreams.core.sample.GeneratedRecord> batch =
            records.subList(from, Math.min(records.size(), from + batchSize));
        long lateBefore = from == 0 ? 0 : previousWatermark;
        long dropped = 0;
        long oldestDropped = Long.MAX_VALUE;
        for (io.hashtagstreams.core.sample.GeneratedRecord record : batch) {
          if (record != null && record.isTweet() && !record.hashtags().isEmpty()) {
            long millis = record.createdAt().toEpochMilli();
            long end = millis - Math.floorMod(millis, windowMs) + windowMs;
            if (from > 0 && end <= lateBefore) {
              dropped += record.hashtags().size();
              oldestDropped = Math.min(oldestDropped, millis);
            }
          }
        }
        counts.add(dropped);
        oldest.add(oldestDropped);
        bounds.add(lateBefore);
        for (io.hashtagstreams.core.sample.GeneratedRecord record : batch) {
          if (record != null && record.isTweet() && !record.hashtags().isEmpty()) {
            maxEventTime = Math.max(maxEventTime, record.createdAt().toEpochMilli());
          }
        }
        previousWatermark = watermark;
        if (maxEventTime != Long.MIN_VALUE) {
          watermark = Math.max(watermark, maxEventTime - delayMs);
        }
      }
      return new Drops(counts, oldest, bounds);
    }

    long total() {
      return counts.stream().mapToLong(Long::longValue).sum();
    }

    long oldestOverall() {
      return oldest.stream().mapToLong(Long::longValue).min().getAsLong();
    }

    long latestBound() {
      long latest = Long.MIN_VALUE;
      for (int i = 0; i < counts.size(); i++) {
        if (counts.get(i) > 0) {
          latest = Math.max(latest, bounds.get(i));
        }
      }
      return latest;
    }

    long firstBatchWithDrops() {
      for (int i = 0; i < counts.size(); i++) {
        if (counts.get(i) > 0) {
          return i;
        }
      }
      throw new AssertionError("no batch drops a row");
    }

    /** The progress line's late part for batch {@code id} (a batch past the input, such as a no-data one: none). */
    String latePart(long id) {
      int batch = (int) id;
      if (batch >= counts.size() || counts.get(batch) == 0) {
        return "0 late";
      }
      return counts.get(batch) + " late (oldest row " + printed(oldest.get(batch)) + ", windows ending by "
          + printed(bounds.get(batch)) + ")";
    }
  }

  /** The (window start, topic) counts of every printed table row; fails on a pair printed twice. */
  static Map<String, Long> printedCounts(String out) {
    Map<String, Long> counts = new TreeMap<>();
    for (String line : out.split("\\R")) {
      Matcher row = TOP_ROW.matcher(line);
      if (row.matches()) {
        String key = LocalDateTime.parse(row.group(1), PRINTED).toInstant(ZoneOffset.UTC) + " " + row.group(4);
        Long before = counts.put(key, Long.parseLong(row.group(5)));
        assertThat(before).as("printed twice: %s", key).isNull();
      }
    }
    return counts;
  }

  /** "rejected 110 (delete_notice 80, ...)" in RejectReason order, written out independently of the app. */
  static String rejected(Map<String, Long> perCode) {
    List<String> parts = new ArrayList<>();
    long total = 0;
    for (io.hashtagstreams.core.RejectReason reason : io.hashtagstreams.core.RejectReason.values()) {
      Long n = perCode.get(reason.code());
      if (n != null && n > 0) {
        parts.add(reason.code() + " " + n);
        total += n;
      }
    }
    return "rejected " + total + " (" + String.join(", ", parts) + ")";
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\\R");
    return lines[lines.length - 1];
  }
}
