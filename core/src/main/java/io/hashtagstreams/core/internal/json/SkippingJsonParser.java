package io.hashtagstreams.core.internal.json;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;

/**
 * Jackson's byte parser with a faster {@link #skipChildren()}: a nested object or array is skipped by scanning
 * its raw bytes for the matching close instead of tokenizing it.
 *
 * <p>The raw scan follows strings (a backslash escapes the next byte) and checks that every <code>}</code> closes
 * a <code>{</code> and every <code>]</code> closes a <code>[</code>; input that ends inside the value fails like a
 * truncated document. It does not check what Jackson's tokenizer would inside the skipped value: separators
 * (commas, colons), that keys are strings, number and literal syntax, number length limits, escape sequences,
 * and control characters inside strings. Deeper than {@value #MAX_FAST_DEPTH} levels below the value, the scan
 * gives up and Jackson's own {@code skipChildren()} skips the value from its start (which also enforces
 * Jackson's nesting limit).
 *
 * <p>Afterwards the parser is in exactly the state Jackson leaves after the value's END token: the input pointer
 * just past the close, the enclosing parsing context restored and the current token END_OBJECT or END_ARRAY.
 * Only token locations (line and column, used in error messages) are not advanced. Built only over a whole
 * in-memory UTF-8 buffer by {@link SkippingJsonFactory}.
 */
final class SkippingJsonParser extends UTF8StreamJsonParser {

  /** Nesting levels below the skipped value that the bit stack holds. */
  static final int MAX_FAST_DEPTH = 64;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';

  SkippingJsonParser(IOContext context, int features, ObjectCodec codec, ByteQuadsCanonicalizer symbols,
      byte[] buffer, int start, int end) {
    super(context, features, null, codec, symbols, buffer, start, end, 0, false);   // 0 bytes processed before start
  }

  /** The index just past the closing quote of the string whose content starts at {@code p}. */
  private int skipString(byte[] buf, int p, int end) throws JsonParseException {
    while (true) {
      // Eight bytes at a time up to the first quote or backslash.
      while (p <= end - Long.BYTES) {
        long word = (long) LONGS.get(buf, p);
        long found = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES);
        if (found != 0) {
          p += Long.numberOfTrailingZeros(found) >>> 3;
          break;
        }
        p += Long.BYTES;
      }
      if (p >= end) {
        throw new JsonParseException(this, "unexpected end of input inside a string");
      }
      byte c = buf[p++];
      if (c == '"') {
        return p;
      }
      if (c == '\\') {
        p++;
      }
    }
  }

  /**
   * The high bit of each zero byte of {@code x}. Bits above the lowest may be false positives (a borrow carries
   * into the next byte), so only the lowest set bit is used.
   */
  private static long zeroBytes(long x) {
    return (x - ONES) & ~x & HIGH_BITS;
  }

  @Override
  public JsonParser skipChildren() throws IOException {
    JsonToken token = _currToken;
    if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
      return this;
    }
    return skipRaw(token == JsonToken.START_OBJECT) ? this : super.skipChildren();
  }

  /**
   * Skips the rest of the object the parser is in (on a field name, or on a field's value, read or not) with the
   * same raw scan; afterwards the current token is that object's END_OBJECT. Values nested too deep for the raw
   * scan are skipped by the tokenizer.
   */
  JsonParser skipRestOfObject() throws IOException {
    if (_currToken == JsonToken.FIELD_NAME) {
      nextToken();
    }
    if (_currToken == JsonToken.START_OBJECT || _currToken == JsonToken.START_ARRAY) {
      skipChildren();
    } else if (_tokenIncomplete) {
      _tokenIncomplete = false;
      _skipString();
    }
    if (!_parsingContext.inObject()) {
      throw new JsonParseException(this, "skipRestOfObject outside an object");
    }
    if (!skipRaw(true)) {
      // Too deep for the raw scan, which left the parser unchanged: let the tokenizer skip the rest.
      for (JsonToken token = nextToken(); token != JsonToken.END_OBJECT; token = nextToken()) {
        if (token == null) {
          throw new JsonParseException(this, "unexpected end of input inside an object");
        }
        skipChildren();
      }
    }
    return this;
  }

  /**
   * The raw scan to the close of the level the parser is in; false, with nothing changed, when the value nests
   * deeper than {@value #MAX_FAST_DEPTH} levels.
   */
  private boolean skipRaw(boolean object) throws IOException {
    byte[] buf = _inputBuffer;
    int end = _inputEnd;
    int p = _inputPtr;
    // Bit i set: level i (0 = the skipped value) is an object. The lowest bit is the innermost open level.
    long kinds = object ? 1L : 0L;
    int depth = 1;
    while (true) {
      if (p >= end) {
        throw new JsonParseException(this, "unexpected end of input inside a skipped value");
      }
      int b = buf[p++];
      switch (b) {
        case '"':
          p = skipString(buf, p, end);
          break;
        case '{':
        case '[':
          if (depth == MAX_FAST_DEPTH) {
            return false;
          }
          kinds = (kinds << 1) | (b == '{' ? 1L : 0L);
          depth++;
          break;
        case '}':
        case ']':
          if (((kinds & 1L) != 0) != (b == '}')) {
            throw new JsonParseException(this, "mismatched close marker '" + (char) b + "' in a skipped value");
          }
          kinds >>>= 1;
          if (--depth == 0) {
            _inputPtr = p;
            _parsingContext = _parsingContext.clearAndGetParent();
            _currToken = b == '}' ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
            return true;
          }
          break;
        default:
          break;
      }
    }
  }
}
