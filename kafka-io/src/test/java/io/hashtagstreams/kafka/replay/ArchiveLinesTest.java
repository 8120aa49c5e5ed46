package io.hashtagstreams.kafka.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.sample.TweetGenerator;
import io.hashtagstreams.kafka.testing.TweetArchives;

/**
 * Reading archives without a broker: line splitting, decompression, tar entries, directory and glob order, and the
 * errors for bad input. Replaying into Kafka is covered by {@link ReplayerTest}.
 */
class ArchiveLinesTest {

  @TempDir
  Path dir;

  static List<GeneratedRecord> tweets(long seed, int count) {
    return TweetGenerator.builder().seed(seed).start(Instant.parse("2016-07-01T00:00:00Z")).tweetsPerSecond(2)
        .build().next(count);
  }

  static List<String> readAll(List<String> inputs) {
    List<String> lines = new ArrayList<>();
    try (ArchiveLines archive = ArchiveLines.open(inputs)) {
      for (byte[] line = archive.next(); line != null; line = archive.next()) {
        lines.add(new String(line, StandardCharsets.ISO_8859_1));
      }
    }
    return lines;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  @Test
  void removesLineTerminatorsOnlyAndCountsEmptyLines() throws IOException {
    Path plain = dir.resolve("a.json");
    Files.write(plain, "{\"a\":1}\r\n\r\n{\"b\":\"x\ry\"}\n\n\n{\"c\":3}".getBytes(StandardCharsets.UTF_8));

    try (ArchiveLines lines = ArchiveLines.open(List.of(plain.toString()))) {
      assertThat(text(lines.next())).isEqualTo("{\"a\":1}");
      assertThat(text(lines.next())).isEqualTo("{\"b\":\"x\ry\"}");
      assertThat(lines.lineNumber()).isEqualTo(3);
      assertThat(text(lines.next())).isEqualTo("{\"c\":3}");
      assertThat(lines.next()).isNull();
      assertThat(lines.emptyLines()).isEqualTo(3);
      assertThat(lines.lines()).isEqualTo(3);
      assertThat(lines.sources()).isEqualTo(1);
      assertThat(lines.inputBytesRead()).isEqualTo(lines.inputBytesTotal()).isEqualTo(Files.size(plain));
    }
  }

  @Test
  void readsTarEntriesGzipAndBzip2ByteForByte() throws IOException {
    List<GeneratedRecord> records = tweets(3, 400);
    List<byte[]> tarLines = TweetArchives.writeMinuteTar(dir.resolve("stream.tar"), records);
    List<byte[]> gzLines = tweets(4, 50).stream().map(GeneratedRecord::bytes).toList();
    Files.write(dir.resolve("more.json.gz"), TweetArchives.gzip(TweetArchives.join(gzLines, "\r\n")));
    Files.write(dir.resolve("one.json.bz2"), TweetArchives.bzip2(TweetArchives.join(gzLines, "\n")));

    List<String> expected = new ArrayList<>();
    tarLines.forEach(line -> expected.add(text(line)));
    gzLines.forEach(line -> expected.add(text(line)));
    gzLines.forEach(line -> expected.add(text(line)));
    assertThat(readAll(List.of(dir.resolve("stream.tar").toString(), dir.resolve("more.json.gz").toString(),
        dir.resolve("one.json.bz2").toString()))).containsExactlyElementsOf(expected);
    assertThat(TweetArchives.byMinute(records)).hasSizeGreaterThan(2);
  }

  @Test
  void keepsArchiveOrderAcrossReadAheadAndStreamedEntries() throws IOException {
    Path tar = dir.resolve("mixed.tar");
    List<String> expected = new ArrayList<>();
    try (org.apache.commons.compress.archivers.tar.TarArchiveOutputStream out =
        new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(Files.newOutputStream(tar))) {
      for (int i = 0; i < 9; i++) {
        String name = "b/" + (9 - i) + (i % 3 == 0 ? ".json" : i % 3 == 1 ? ".json.bz2" : ".json.gz");
        List<byte[]> lines = new ArrayList<>();
        for (int j = 0; j < 50; j++) {
          String line = "{\"entry\":" + i + ",\"line\":" + j + "}";
          lines.add(line.getBytes(StandardCharsets.UTF_8));
          expected.add(line);
        }
        byte[] plain = TweetArchives.join(lines, "\n");
        byte[] content = name.endsWith(".bz2") ? TweetArchives.bzip2(plain)
            : name.endsWith(".gz") ? TweetArchives.gzip(plain) : plain;
        org.apache.commons.compress.archivers.tar.TarArchiveEntry entry =
            new org.apache.commons.compress.archivers.tar.TarArchiveEntry(name);
        entry.setSize(content.length);
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
      }
    }

    assertThat(readAll(List.of(tar.toString()))).containsExactlyElementsOf(expected);
  }

  @Test
  void walksDirectoriesAndGlobsInPathOrder() throws IOException {
    Files.createDirectories(dir.resolve("d/2016/07/02"));
    Files.createDirectories(dir.resolve("d/2016/07/01"));
    Files.write(dir.resolve("d/2016/07/02/00.json"), "c\n".getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("d/2016/07/01/01.json"), "b\n".getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("d/2016/07/01/00.json"), "a\n".getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("d/2016/07/01/notes.txt"), "n\n".getBytes(StandardCharsets.UTF_8));

    assertThat(readAll(List.of(dir.resolve("d").toString()))).containsExactly("a", "b", "n", "c");
    assertThat(readAll(List.of(dir.resolve("d").toString() + "/**/*.json"))).containsExactly("a", "b", "c");
    assertThat(readAll(List.of(dir.resolve("d/2016/07/02").toString(), dir.resolve("d/2016/07/01/0?.json")
        .toString()))).containsExactly("c", "a", "b");
  }

  @Test
  void namesAMissingPathOrAGlobMatchingNothing() {
    String missing = dir.resolve("nope.tar").toString();
    assertThatThrownBy(() -> ArchiveLines.open(List.of(missing)))
        .isInstanceOf(ReplayInputException.class)
        .hasMessage(missing + ": no such file or directory");
    String glob = dir.resolve("*.bz2").toString();
    assertThatThrownBy(() -> ArchiveLines.open(List.of(glob)))
        .isInstanceOf(ReplayInputException.class)
        .hasMessage(glob + ": no file matches");
  }

  @Test
  void namesTheFileAndLineOfATruncatedBzip2() throws IOException {
    List<byte[]> lines = tweets(5, 1000).stream().map(GeneratedRecord::bytes).toList();
    byte[] compressed = TweetArchives.bzip2(TweetArchives.join(lines, "\n"), 1);
    Path cut = dir.resolve("cut.json.bz2");
    Files.write(cut, Arrays.copyOf(compressed, compressed.length / 2));

    List<String> read = new ArrayList<>();
    assertThatThrownBy(() -> {
      try (ArchiveLines archive = ArchiveLines.open(List.of(cut.toString()))) {
        for (byte[] line = archive.next(); line != null; line = archive.next()) {
          read.add(text(line));
        }
      }
    }).isInstanceOf(ReplayInputException.class)
        .hasMessageStartingWith(cut + ", line ")
        .satisfies(e -> assertThat(((ReplayInputException) e).line()).isEqualTo(read.size() + 1));
    assertThat(read).isNotEmpty().hasSizeLessThan(lines.size());
    for (int i = 0; i < read.size(); i++) {
      assertThat(read.get(i)).isEqualTo(text(lines.get(i)));
    }
  }

  @Test
  void namesTheEntryOfACorruptTar() throws IOException {
    Path tar = dir.resolve("stream.tar");
    TweetArchives.writeMinuteTar(tar, tweets(6, 400));
    byte[] bytes = Files.readAllBytes(tar);
    Path truncated = dir.resolve("truncated.tar");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(() -> readAll(List.of(truncated.toString())))
        .isInstanceOf(ReplayInputException.class)
        .hasMessageMatching("\\Q" + truncated + ", entry 2016/07/01/00/\\E\\d\\d\\.json\\.bz2, line \\d+: .+");
    byte[] garbled = bytes.clone();
    int secondEntryHeader = indexOf(bytes, "2016/07/01/00/01.json.bz2");
    garbled[secondEntryHeader + 148] ^= 0x55;
    Path corrupt = dir.resolve("corrupt.tar");
    Files.write(corrupt, garbled);
    assertThatThrownBy(() -> readAll(List.of(corrupt.toString())))
        .isInstanceOf(ReplayInputException.class)
        .hasMessage(corrupt + ": after entry 2016/07/01/00/00.json.bz2: Corrupted TAR archive.");
  }

  private static int indexOf(byte[] bytes, String text) {
    byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError(text + " not found");
  }
}
