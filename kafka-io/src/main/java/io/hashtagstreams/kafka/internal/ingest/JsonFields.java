package io.hashtagstreams.kafka.internal.ingest;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The small streaming-JSON helpers the frame inspectors share: open a frame that must be one JSON object, check
 * that nothing follows it, read an ISO-8601 instant.
 */
final class JsonFields {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonFields() {
  }

  /** A parser positioned after the frame's opening brace; throws when the frame is not an object. */
  static JsonParser openObject(byte[] frame) throws IOException {
    JsonParser parser = FACTORY.createParser(frame);
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      parser.close();
      throw new IOException("not a JSON object");
    }
    return parser;
  }

  /** Throws when anything but white space follows the object the parser just closed. */
  static void requireEnd(JsonParser parser) throws IOException {
    if (parser.nextToken() != null) {
      throw new IOException("text after the JSON object");
    }
  }

  /** The value of a string or number field as text, or null for another type (its children skipped). */
  static String text(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
      return parser.getText();
    }
    parser.skipChildren();
    return null;
  }

  /** Milliseconds since the epoch of an ISO-8601 instant, or {@link Long#MIN_VALUE}. */
  static long instantMillis(String text) {
    if (text == null) {
      return Long.MIN_VALUE;
    }
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException e) {
      return Long.MIN_VALUE;
    }
  }
}
