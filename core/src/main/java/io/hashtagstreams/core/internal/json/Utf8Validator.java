package io.hashtagstreams.core.internal.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks that bytes are well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
 *
 * <p>Jackson does not validate the bytes of strings it skips, so the scanner runs this first. Stream JSON escapes
 * non-ASCII characters as {@code \\uXXXX}, so almost every record is pure ASCII: the fast path tests eight bytes
 * per step and only falls back to decoding sequences where a high byte appears.
 */
final class Utf8Validator {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8Validator() {
  }

  /** Whether {@code bytes[offset, offset + length)} is valid UTF-8. */
  static boolean isValid(byte[] bytes, int offset, int length) {
    int i = offset;
    int end = offset + length;
    while (i < end) {
      if (i + 8 <= end) {
        long word = (long) LONGS.get(bytes, i);
        if ((word & HIGH_BITS) == 0) {
          i += 8;
          continue;
        }
      }
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      int consumed = sequenceLength(bytes, i, end);
      if (consumed == 0) {
        return false;
      }
      i += consumed;
    }
    return true;
  }

  /** The length of the valid multi-byte sequence starting at {@code i}, or 0 when it is invalid. */
  private static int sequenceLength(byte[] bytes, int i, int end) {
    int lead = bytes[i] & 0xFF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      return i + 1 < end && isContinuation(bytes[i + 1]) ? 2 : 0;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
      if (i + 2 >= end) {
        return 0;
      }
      int second = bytes[i + 1] & 0xFF;
      // E0 needs A0..BF (no overlong), ED needs 80..9F (no surrogates).
      int low = lead == 0xE0 ? 0xA0 : 0x80;
      int high = lead == 0xED ? 0x9F : 0xBF;
      return second >= low && second <= high && isContinuation(bytes[i + 2]) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
      if (i + 3 >= end) {
        return 0;
      }
      int second = bytes[i + 1] & 0xFF;
      // F0 needs 90..BF (no overlong), F4 needs 80..8F (at most U+10FFFF).
      int low = lead == 0xF0 ? 0x90 : 0x80;
      int high = lead == 0xF4 ? 0x8F : 0xBF;
      return second >= low && second <= high && isContinuation(bytes[i + 2]) && isContinuation(bytes[i + 3])
          ? 4 : 0;
    }
    return 0;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
