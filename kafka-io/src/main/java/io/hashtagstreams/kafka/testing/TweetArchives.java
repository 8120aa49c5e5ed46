package io.hashtagstreams.kafka.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

import io.hashtagstreams.core.sample.GeneratedRecord;

/**
 * Writes tweet archives in the layout of the Internet Archive's Twitter stream dumps, for tests and benchmarks of
 * the replay: a tar of per-minute {@code YYYY/MM/DD/HH/MM.json.bz2} entries (directory entries included, in name
 * order), one tweet JSON per line; and single {@code .bz2}, {@code .gz} or plain files.
 *
 * <pre>{@code
 * List<GeneratedRecord> tweets = TweetGenerator.builder().seed(1).build().next(1000);
 * TweetArchives.writeMinuteTar(dir.resolve("stream.tar"), tweets);
 * }</pre>
 *
 * <p>Needs commons-compress on the classpath (Spark brings it).
 *
 * @since 0.2.0
 */
public final class TweetArchives {

  private TweetArchives() {
  }

  /**
   * The records' lines grouped into per-minute entry names by their {@code timestamp_ms} (UTC), in name order.
   *
   * @param records generated records
   * @return entry name such as {@code 2016/07/01/00/05.json.bz2} to the lines of that minute, in record order
   */
  public static Map<String, List<byte[]>> byMinute(List<GeneratedRecord> records) {
    Map<String, List<byte[]>> minutes = new TreeMap<>();
    for (GeneratedRecord record : records) {
      ZonedDateTime time = record.timestamp().atZone(ZoneOffset.UTC);
      String name = String.format("%04d/%02d/%02d/%02d/%02d.json.bz2", time.getYear(), time.getMonthValue(),
          time.getDayOfMonth(), time.getHour(), time.getMinute());
      minutes.computeIfAbsent(name, key -> new ArrayList<>()).add(record.bytes());
    }
    return minutes;
  }

  /**
   * Writes a tar of per-minute bzip2 entries (see {@link #byMinute(List)}), each line ending in {@code \n}.
   *
   * @param tar the file to write
   * @param records the records, whose order within a minute is kept
   * @return the lines in the order a replay reads them (entry by entry)
   */
  public static List<byte[]> writeMinuteTar(Path tar, List<GeneratedRecord> records) {
    Map<String, List<byte[]>> minutes = byMinute(records);
    List<byte[]> order = new ArrayList<>();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TreeSet<String> directories = new TreeSet<>();
      for (String name : minutes.keySet()) {
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
          directories.add(name.substring(0, slash + 1));
        }
      }
      TreeSet<String> all = new TreeSet<>(directories);
      all.addAll(minutes.keySet());
      for (String name : all) {
        if (name.endsWith("/")) {
          out.putArchiveEntry(new TarArchiveEntry(name));
          out.closeArchiveEntry();
          continue;
        }
        byte[] content = bzip2(join(minutes.get(name), "\n"));
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
        order.addAll(minutes.get(name));
      }
      out.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return order;
  }

  /**
   * Each line followed by {@code terminator}.
   *
   * @param lines the lines
   * @param terminator e.g. {@code "\n"} or {@code "\r\n"}
   * @return the joined bytes
   */
  public static byte[] join(List<byte[]> lines, String terminator) {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    byte[] end = terminator.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (byte[] line : lines) {
      joined.writeBytes(line);
      joined.writeBytes(end);
    }
    return joined.toByteArray();
  }

  /**
   * {@code content} compressed with bzip2.
   *
   * @param content the bytes
   * @return the compressed bytes
   */
  public static byte[] bzip2(byte[] content) {
    return bzip2(content, 9);
  }

  /**
   * {@code content} compressed with bzip2 in blocks of {@code blockSize} times 100 kB (smaller blocks make a
   * truncated file fail in the middle rather than at its first block).
   *
   * @param content the bytes
   * @param blockSize 1 to 9
   * @return the compressed bytes
   */
  public static byte[] bzip2(byte[] content, int blockSize) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new BZip2CompressorOutputStream(bytes, blockSize)) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * {@code content} compressed with gzip.
   *
   * @param content the bytes
   * @return the compressed bytes
   */
  public static byte[] gzip(byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
