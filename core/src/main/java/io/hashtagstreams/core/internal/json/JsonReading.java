package io.hashtagstreams.core.internal.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The small reading steps every format scanner shares: parsers over bytes, skipping what is not needed, strings
 * and string lists, structure checks. All methods work on Jackson's plain parser too (the tests compare both).
 */
final class JsonReading {

  // Thread-safe and expensive to create: one per JVM. Hash-flooding protection would throw on hostile field
  // names; such records are rejected anyway, so the canonicalizer just stops caching instead.
  private static final JsonFactory FACTORY = new SkippingJsonFactory(factoryBuilder());
  // Jackson's own skipChildren(), for tests that compare the two.
  private static final JsonFactory PLAIN_FACTORY = factoryBuilder().build();

  private JsonReading() {
  }

  private static JsonFactoryBuilder factoryBuilder() {
    return new JsonFactoryBuilder().disable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW);
  }

  /** A parser over {@code bytes[offset, offset + length)}: the skipping one, or Jackson's own when not fast. */
  static JsonParser parser(byte[] bytes, int offset, int length, boolean fastSkip) throws IOException {
    return (fastSkip ? FACTORY : PLAIN_FACTORY).createParser(bytes, offset, length);
  }

  /** The current string value, or null when the value is of another type (which is then skipped). */
  static String stringOrNull(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    parser.skipChildren();
    return null;
  }

  /** Whether the current value is true; anything else (false, null, another type) is false and skipped. */
  static boolean isTrue(JsonParser parser, JsonToken value) throws IOException {
    parser.skipChildren();
    return value == JsonToken.VALUE_TRUE;
  }

  /** The string elements of the array the parser is on, in order; other elements are skipped. Null if no array. */
  static List<String> strings(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      parser.skipChildren();
      return null;
    }
    List<String> out = new ArrayList<>(4);
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token == null) {
        throw new IOException("unexpected end of input inside an array");
      }
      if (token == JsonToken.VALUE_STRING) {
        out.add(parser.getText());
      } else {
        parser.skipChildren();
      }
    }
    return out;
  }

  /** The first string element of the array the parser is on, or null; the rest of the array is skipped. */
  static String firstString(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      parser.skipChildren();
      return null;
    }
    JsonToken first = parser.nextToken();
    String out = first == JsonToken.VALUE_STRING ? parser.getText() : null;
    if (first == JsonToken.END_ARRAY) {
      return null;
    }
    if (first == null) {
      throw new IOException("unexpected end of input inside an array");
    }
    parser.skipChildren();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token == null) {
        throw new IOException("unexpected end of input inside an array");
      }
      parser.skipChildren();
    }
    return out;
  }

  /** Whether the current number fits in a long. */
  static boolean fitsInLong(JsonParser parser) throws IOException {
    JsonParser.NumberType type = parser.getNumberType();
    return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
  }

  /** A non-negative decimal number that fits in a long, or -1. */
  static long digits(char[] chars, int offset, int length) {
    if (length == 0 || length > 19) {
      return -1;
    }
    long value = 0;
    for (int i = offset; i < offset + length; i++) {
      int digit = chars[i] - '0';
      if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /**
   * Skips the rest of the object the parser is in, from a field's value (already read or not) to its END_OBJECT,
   * without decoding; the structure is still checked.
   */
  static void skipRestOfObject(JsonParser parser) throws IOException {
    if (parser instanceof SkippingJsonParser) {
      ((SkippingJsonParser) parser).skipRestOfObject();
      return;
    }
    if (parser.currentToken() == JsonToken.FIELD_NAME) {
      parser.nextToken();
    }
    parser.skipChildren();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
      if (token == null) {
        throw new IOException("unexpected end of input");
      }
      parser.skipChildren();
    }
  }

  /** Reads one object of an array, from after its START_OBJECT to its END_OBJECT. */
  @FunctionalInterface
  interface ObjectReader {
    void read(JsonParser parser) throws IOException;
  }

  /**
   * Reads the array the parser is in (its START_ARRAY read) up to its END_ARRAY: each element that is an object goes
   * to {@code reader}, any other element is skipped.
   *
   * @param where the array's path, for the message when the input ends inside it
   */
  static void forEachObject(JsonParser parser, String where, ObjectReader reader) throws IOException {
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token == null) {
        throw new IOException("unexpected end of input in " + where);
      }
      if (token == JsonToken.START_OBJECT) {
        reader.read(parser);
      } else {
        parser.skipChildren();
      }
    }
  }

  /**
   * Reads the object the parser is in (its START_OBJECT read) to its END_OBJECT and returns the string values of
   * the fields {@code first} and {@code second} (null when absent or not a string; the last one wins when a field
   * repeats); every other field is skipped.
   */
  static String[] stringFields(JsonParser parser, String first, String second) throws IOException {
    String[] values = new String[2];
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      if (name.equals(first)) {
        values[0] = stringOrNull(parser, value);
      } else if (name.equals(second)) {
        values[1] = stringOrNull(parser, value);
      } else {
        parser.skipChildren();
      }
    }
    requireEndObject(parser);
    return values;
  }

  /** As {@link #stringFields} for one field. */
  static String stringField(JsonParser parser, String name) throws IOException {
    return stringFields(parser, name, null)[0];
  }

  /** Throws unless the parser is on an END_OBJECT. */
  static void requireEndObject(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.END_OBJECT) {
      throw new IOException("expected the end of an object");
    }
  }

  static boolean isBlank(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }
}
