package io.hashtagstreams.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.hashtagstreams.core.Hashtags;
import io.hashtagstreams.core.RejectReason;
import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.sample.TweetGenerator;

/**
 * A file shaped like the one of issue 23: stream minutes of three years concatenated in directory order of the
 * archives (2021, then 2016, then 2015), with the stream's delete and limit notices, malformed lines and two lines
 * of garbage; and its ground truth, computed from the generator's own records (never by the code under test).
 */
final class RealShapedSample {

  /** The two garbage lines and the reason each must be rejected with (RejectReason's documented codes). */
  private static final List<String> GARBAGE = List.of("this is not json at all", "[1,2,3]");
  private static final List<RejectReason> GARBAGE_REASONS =
      List.of(RejectReason.MALFORMED_JSON, RejectReason.NOT_AN_OBJECT);

  private final List<GeneratedRecord> records;

  private RealShapedSample(List<GeneratedRecord> records) {
    this.records = records;
  }

  /** About 2,100 lines: 700 per year at 4 per second of event time, 5% notices and 1% malformed lines. */
  static RealShapedSample create() {
    List<GeneratedRecord> all = new ArrayList<>();
    all.addAll(year(21, "2021-01-01T07:25:00Z"));
    all.addAll(year(16, "2016-08-05T23:00:00Z"));
    all.addAll(year(15, "2015-03-14T15:00:00Z"));
    return new RealShapedSample(Collections.unmodifiableList(all));
  }

  private static List<GeneratedRecord> year(long seed, String start) {
    return TweetGenerator.builder().seed(seed).start(Instant.parse(start)).tweetsPerSecond(4).noticeShare(0.05)
        .malformedShare(0.01).build().next(700);
  }

  /** Writes the lines (the garbage last) to {@code file}. */
  Path write(Path file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (GeneratedRecord record : records) {
        out.write(record.bytes());
        out.write('\n');
      }
      for (String line : GARBAGE) {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
      Files.write(file, out.toByteArray());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many lines the file has. */
  int lines() {
    return records.size() + GARBAGE.size();
  }

  /** Ground truth: the hashtag count of every (one-minute window start, topic), as "start topic" -> count. */
  Map<String, Long> windowTopicCounts(Duration window) {
    Map<String, Long> counts = new TreeMap<>();
    long size = window.toMillis();
    for (GeneratedRecord record : records) {
      if (record.isTweet()) {
        long millis = record.createdAt().toEpochMilli();
        Instant start = Instant.ofEpochMilli(millis - Math.floorMod(millis, size));
        for (String tag : record.hashtags()) {
          counts.merge(start + " " + Hashtags.normalize(tag), 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  /** Ground truth: rejected lines per reason code. */
  Map<String, Long> rejections() {
    Map<String, Long> counts = new TreeMap<>();
    for (GeneratedRecord record : records) {
      if (!record.isTweet()) {
        counts.merge(record.expectedRejectReason().code(), 1L, Long::sum);
      }
    }
    for (RejectReason reason : GARBAGE_REASONS) {
      counts.merge(reason.code(), 1L, Long::sum);
    }
    return counts;
  }

  /** The records in file order (tweets and others), for a second computation of what the stream drops. */
  List<GeneratedRecord> records() {
    return records;
  }
}
