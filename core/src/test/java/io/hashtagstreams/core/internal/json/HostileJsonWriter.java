package io.hashtagstreams.core.internal.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;

/**
 * Writes a Jackson tree as JSON bytes in randomly chosen but legal ways, plus the illegal ones asked for: every
 * escape form ({@code \" \\ \/ \b \f \n \r \t \\uXXXX} in either hex case), raw UTF-8 or escapes for non-ASCII,
 * lone surrogates as {@code \\ud800} escapes or as raw CESU-8 bytes (not UTF-8), whitespace between tokens,
 * duplicate keys before or after the real one, and two placeholders: {@link Deep} (nested arrays, iteratively, so
 * 100,000 levels need no stack) and {@link RawNumber} (a number token of any length).
 */
final class HostileJsonWriter {

  /** {@code depth} nested empty arrays. */
  record Deep(int depth) {
  }

  /** A number token written as is. */
  record RawNumber(String token) {
  }

  private static final char[] SHORT_ESCAPES = {'"', '\\', '/', 'b', 'f', 'n', 'r', 't'};
  private static final String SHORT_ESCAPED = "\"\\/\b\f\n\r\t";

  private final Random random;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final boolean rawNonAscii;
  private final boolean cesuSurrogates;
  private final double escapeAsciiRate;
  private final double whitespaceRate;
  private final double duplicateRate;

  private HostileJsonWriter(Random random) {
    this.random = random;
    this.rawNonAscii = random.nextBoolean();
    this.cesuSurrogates = random.nextInt(8) == 0;
    this.escapeAsciiRate = random.nextInt(4) == 0 ? random.nextDouble() : 0;
    this.whitespaceRate = random.nextInt(4) == 0 ? random.nextDouble() * 0.3 : 0;
    this.duplicateRate = random.nextInt(3) == 0 ? random.nextDouble() * 0.2 : 0;
  }

  /** The tree's bytes in one randomly chosen style. */
  static byte[] write(JsonNode node, Random random) {
    HostileJsonWriter writer = new HostileJsonWriter(random);
    writer.whitespace();
    writer.value(node);
    writer.whitespace();
    return writer.out.toByteArray();
  }

  private void value(JsonNode node) {
    if (node instanceof POJONode) {
      Object pojo = ((POJONode) node).getPojo();
      if (pojo instanceof Deep) {
        int depth = ((Deep) pojo).depth();
        out.write(repeat('[', depth), 0, depth);
        out.write(repeat(']', depth), 0, depth);
      } else {
        ascii(((RawNumber) pojo).token());
      }
    } else if (node.isObject()) {
      out.write('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        boolean decoyBefore = random.nextDouble() < duplicateRate;
        boolean decoyAfter = !decoyBefore && random.nextDouble() < duplicateRate;
        if (decoyBefore) {
          first = field(first, field.getKey(), FuzzInput.scalar(random));
        }
        first = field(first, field.getKey(), field.getValue());
        if (decoyAfter) {
          first = field(first, field.getKey(), FuzzInput.scalar(random));
        }
      }
      whitespace();
      out.write('}');
    } else if (node.isArray()) {
      out.write('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        whitespace();
        value(node.get(i));
        whitespace();
      }
      out.write(']');
    } else if (node.isTextual()) {
      string(node.textValue());
    } else {
      ascii(node.toString());   // numbers, booleans, null: Jackson's own token text
    }
  }

  private boolean field(boolean first, String name, JsonNode value) {
    if (!first) {
      out.write(',');
    }
    whitespace();
    string(name);
    whitespace();
    out.write(':');
    whitespace();
    value(value);
    whitespace();
    return false;
  }

  private void string(String text) {
    out.write('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int shortIndex = SHORT_ESCAPED.indexOf(c);
      if (c == '"' || c == '\\' || c < 0x20) {
        if (shortIndex >= 0 && random.nextBoolean()) {
          out.write('\\');
          out.write(SHORT_ESCAPES[shortIndex]);
        } else {
          unicodeEscape(c);
        }
      } else if (c < 0x80) {
        if (random.nextDouble() < escapeAsciiRate) {
          if (shortIndex >= 0) {
            out.write('\\');
            out.write(SHORT_ESCAPES[shortIndex]);
          } else {
            unicodeEscape(c);
          }
        } else {
          out.write(c);
        }
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
          && rawNonAscii && !cesuSurrogates) {
        byte[] utf8 = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
        i++;
      } else if (Character.isSurrogate(c)) {
        if (cesuSurrogates) {
          // CESU-8: the surrogate code unit itself as a three-byte sequence, which UTF-8 forbids.
          out.write(0xE0 | (c >> 12));
          out.write(0x80 | ((c >> 6) & 0x3F));
          out.write(0x80 | (c & 0x3F));
        } else {
          unicodeEscape(c);
        }
      } else if (rawNonAscii) {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
      } else {
        unicodeEscape(c);
      }
    }
    out.write('"');
  }

  private void unicodeEscape(char c) {
    String digits = random.nextBoolean() ? "0123456789abcdef" : "0123456789ABCDEF";
    out.write('\\');
    out.write('u');
    for (int shift = 12; shift >= 0; shift -= 4) {
      out.write(digits.charAt((c >> shift) & 0xF));
    }
  }

  private void whitespace() {
    while (random.nextDouble() < whitespaceRate) {
      out.write(" \t\n\r".charAt(random.nextInt(4)));
    }
  }

  private void ascii(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    out.write(bytes, 0, bytes.length);
  }

  private static byte[] repeat(char c, int times) {
    byte[] bytes = new byte[times];
    java.util.Arrays.fill(bytes, (byte) c);
    return bytes;
  }
}
