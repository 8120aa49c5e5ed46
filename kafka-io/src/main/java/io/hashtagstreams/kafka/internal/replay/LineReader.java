package io.hashtagstreams.kafka.internal.replay;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at {@code \n}, removing the {@code \n} and one {@code \r} before it; every other
 * byte is kept as it is (no charset decoding). A last line without {@code \n} is a line too.
 */
public final class LineReader {

  /** Lines longer than this are an error rather than a way to run out of memory. */
  public static final int MAX_LINE = 64 << 20;

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private boolean ended;
  private byte[] pending = new byte[1024];

  /** Reads {@code in}; does not close it. */
  public LineReader(InputStream in) {
    this.in = in;
  }

  /** The next line without its terminator, or null at the end of the stream. */
  public byte[] next() throws IOException {
    int pendingLength = 0;
    while (true) {
      if (position == limit) {
        if (ended || !fill()) {
          return pendingLength > 0 ? trimCarriageReturn(pending, pendingLength) : null;
        }
      }
      int newline = indexOfNewline(position, limit);
      if (newline >= 0) {
        byte[] line;
        if (pendingLength == 0) {
          line = trimCarriageReturn(buffer, position, newline - position);
        } else {
          pending = append(pending, pendingLength, buffer, position, newline - position);
          line = trimCarriageReturn(pending, pendingLength + newline - position);
        }
        position = newline + 1;
        return line;
      }
      pending = append(pending, pendingLength, buffer, position, limit - position);
      pendingLength += limit - position;
      position = limit;
    }
  }

  private boolean fill() throws IOException {
    int read;
    do {
      read = in.read(buffer, 0, buffer.length);
    } while (read == 0);
    if (read < 0) {
      ended = true;
      position = 0;
      limit = 0;
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }

  private int indexOfNewline(int from, int to) {
    byte[] b = buffer;
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static byte[] append(byte[] target, int length, byte[] source, int from, int count) throws IOException {
    if ((long) length + count > MAX_LINE) {
      throw new IOException("a line is longer than " + (MAX_LINE >> 20) + " MB (no newline)");
    }
    byte[] result = target;
    if (length + count > target.length) {
      result = Arrays.copyOf(target, Math.max(length + count, Math.min(MAX_LINE, target.length * 2)));
    }
    System.arraycopy(source, from, result, length, count);
    return result;
  }

  private static byte[] trimCarriageReturn(byte[] bytes, int length) {
    return trimCarriageReturn(bytes, 0, length);
  }

  private static byte[] trimCarriageReturn(byte[] bytes, int from, int length) {
    int end = length > 0 && bytes[from + length - 1] == '\r' ? length - 1 : length;
    return Arrays.copyOfRange(bytes, from, from + end);
  }
}
