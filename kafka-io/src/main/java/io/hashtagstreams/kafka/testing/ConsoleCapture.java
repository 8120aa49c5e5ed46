package io.hashtagstreams.kafka.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Keeps a copy of everything the JVM writes to {@link System#out} and {@link System#err} from {@link #start()} until
 * {@link #close()}, while still writing it to the real streams: for tests that search the console output of code
 * they do not own (log appenders, Spark, Kafka clients) for a secret.
 *
 * <pre>{@code
 * try (ConsoleCapture console = ConsoleCapture.start()) {
 *   runTheQuery();
 *   assertThat(console.stderr()).doesNotContain(password);
 * }
 * }</pre>
 *
 * <p>Not for parallel use: it replaces the JVM-wide streams, and {@link #close()} puts back the ones it found.
 *
 * @since 0.3.0
 */
public final class ConsoleCapture implements AutoCloseable {

  private final PrintStream realOut;
  private final PrintStream realErr;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private ConsoleCapture() {
    realOut = System.out;
    realErr = System.err;
  }

  /**
   * Starts copying {@code System.out} and {@code System.err}.
   *
   * @return the capture, to be closed
   */
  public static ConsoleCapture start() {
    ConsoleCapture capture = new ConsoleCapture();
    System.setOut(new PrintStream(new Tee(capture.realOut, capture.out), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(capture.realErr, capture.err), true, StandardCharsets.UTF_8));
    return capture;
  }

  /**
   * What was written to {@code System.out} so far, as UTF-8.
   *
   * @return the text
   */
  public String stdout() {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  /**
   * What was written to {@code System.err} so far, as UTF-8.
   *
   * @return the text
   */
  public String stderr() {
    synchronized (err) {
      return err.toString(StandardCharsets.UTF_8);
    }
  }

  /** Puts back the streams found at {@link #start()}; what was captured stays readable. */
  @Override
  public void close() {
    System.setOut(realOut);
    System.setErr(realErr);
  }

  /** Writes to the real stream and keeps a copy. */
  private static final class Tee extends OutputStream {
    private final OutputStream real;
    private final ByteArrayOutputStream copy;

    Tee(OutputStream real, ByteArrayOutputStream copy) {
      this.real = real;
      this.copy = copy;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (copy) {
        copy.write(b, off, len);
      }
      try {
        real.write(b, off, len);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void flush() throws IOException {
      real.flush();
    }
  }
}
