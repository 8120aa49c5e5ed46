package io.hashtagstreams.kafka.internal.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The regular entries of a tar, in archive order, with compressed entries ({@code .bz2}, {@code .gz}) decompressed
 * on worker threads a few entries ahead of the reader, so that bzip2 decoding uses more than one core.
 *
 * <p>Memory stays bounded: at most {@code threads + 1} entries are read ahead, and only entries of at most
 * {@link #MAX_PREFETCH} compressed bytes; a larger or uncompressed entry is streamed from the tar as it is read,
 * after the entries before it. A decompression error is kept with the bytes decoded before it and thrown when the
 * reader reaches that point, so line numbers in error messages stay right.
 */
public final class ParallelEntries implements AutoCloseable {

  /** Compressed entries up to this size are read ahead. */
  public static final long MAX_PREFETCH = 32L << 20;

  /** One entry: its name and its decompressed bytes. */
  public record Entry(String name, InputStream text) {
  }

  private final TarArchiveInputStream tar;
  private final ExecutorService workers;
  private final int window;
  private final Deque<Object> ahead = new ArrayDeque<>();
  private boolean ended;

  /** Reads {@code tar} with {@code threads} decompression threads. */
  public ParallelEntries(TarArchiveInputStream tar, int threads) {
    this.tar = tar;
    this.window = threads + 1;
    this.workers = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "replay-decompress");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * The next regular entry, or null at the end of the tar.
   *
   * @throws IOException when the tar itself cannot be read (a corrupt header, a truncated archive)
   */
  public Entry next() throws IOException {
    fill();
    Object head = ahead.poll();
    if (head == null) {
      return null;
    }
    if (head instanceof IOException error) {
      throw error;
    }
    if (head instanceof TarArchiveEntry direct) {
      // Streamed: nothing after it was read yet, so the tar stands at its data.
      return new Entry(direct.getName(), Decompression.open(direct.getName(), tar, true));
    }
    @SuppressWarnings("unchecked")
    Future<Entry> decoded = (Future<Entry>) head;
    try {
      return decoded.get();
    } catch (ExecutionException e) {
      throw new IOException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
  }

  private void fill() throws IOException {
    while (!ended && ahead.size() < window && !(ahead.peekLast() instanceof TarArchiveEntry)) {
      TarArchiveEntry entry;
      try {
        entry = tar.getNextTarEntry();
      } catch (IOException | RuntimeException e) {
        // Thrown when the reader gets here, after the entries before it.
        ahead.add(e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        ended = true;
        return;
      }
      if (entry == null) {
        ended = true;
        return;
      }
      if (!entry.isFile()) {
        continue;
      }
      String name = entry.getName();
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      boolean compressed = lower.endsWith(".bz2") || lower.endsWith(".gz");
      if (!compressed || entry.getSize() > MAX_PREFETCH || Decompression.isTar(name)) {
        ahead.add(entry);
        return;
      }
      byte[] raw;
      try {
        raw = tar.readNBytes((int) entry.getSize());
      } catch (IOException e) {
        ahead.add(workers.submit(() -> new Entry(name, new FailingStream(new byte[0], e))));
        ended = true;
        return;
      }
      ahead.add(workers.submit(() -> decode(name, raw)));
    }
  }

  private static Entry decode(String name, byte[] raw) {
    ByteArrayOutputStream text = new ByteArrayOutputStream(raw.length * 8);
    try (InputStream in = Decompression.open(name, new java.io.ByteArrayInputStream(raw), false)) {
      in.transferTo(text);
      return new Entry(name, new FailingStream(text.toByteArray(), null));
    } catch (IOException | RuntimeException e) {
      IOException error = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
      return new Entry(name, new FailingStream(text.toByteArray(), error));
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  /** The bytes decoded, then the error that stopped decoding (if any) instead of the end. */
  private static final class FailingStream extends InputStream {
    private final java.io.ByteArrayInputStream bytes;
    private final IOException error;

    FailingStream(byte[] bytes, IOException error) {
      this.bytes = new java.io.ByteArrayInputStream(bytes);
      this.error = error;
    }

    @Override
    public int read() throws IOException {
      int b = bytes.read();
      if (b < 0 && error != null) {
        throw error;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = bytes.read(b, off, len);
      if (n < 0 && error != null) {
        throw error;
      }
      return n;
    }
  }
}
