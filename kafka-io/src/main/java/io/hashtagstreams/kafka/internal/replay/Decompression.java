package io.hashtagstreams.kafka.internal.replay;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/** Chooses the decompressor by the file or entry name: {@code .gz}, {@code .bz2}, else plain. */
public final class Decompression {

  private static final int BUFFER = 1 << 16;

  private Decompression() {
  }

  /** Whether {@code name} is a tar archive: {@code .tar}, {@code .tar.gz}, {@code .tgz}, {@code .tar.bz2}. */
  public static boolean isTar(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".tar") || lower.endsWith(".tar.gz") || lower.endsWith(".tgz")
        || lower.endsWith(".tar.bz2");
  }

  /**
   * {@code in} decompressed as its name says ({@code .gz}/{@code .tgz}: gzip, {@code .bz2}: bzip2, concatenated
   * streams included); closing the result does not close {@code in} when {@code shield} is true.
   */
  public static InputStream open(String name, InputStream in, boolean shield) throws IOException {
    InputStream source = shield ? new FilterInputStream(in) {
      @Override
      public void close() {
        // The tar stream stays open for its next entry.
      }
    } : in;
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".gz") || lower.endsWith(".tgz")) {
      return new GZIPInputStream(source, BUFFER);
    }
    if (lower.endsWith(".bz2")) {
      return new BZip2CompressorInputStream(new BufferedInputStream(source, BUFFER), true);
    }
    return source;
  }
}
