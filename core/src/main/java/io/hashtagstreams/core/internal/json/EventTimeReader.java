package io.hashtagstreams.core.internal.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads only the event time of one stream message: the top-level {@code timestamp_ms} (string or number of epoch
 * milliseconds), else the top-level {@code created_at}; for pacing a replay by event time.
 *
 * <p>One forward pass with the same skipping parser as {@link TweetScanner}: nested values ({@code user},
 * {@code retweeted_status}, ...) are skipped without decoding, and the pass stops at {@code timestamp_ms}. No tree
 * is built and nothing is validated beyond what the pass reads: a message without a readable event time (a delete
 * or limit notice, a malformed line) gives {@link #NONE}, never an exception.
 *
 * <pre>{@code
 * long millis = EventTimeReader.read(line, 0, line.length);   // EventTimeReader.NONE when absent
 * }</pre>
 *
 * <p>Thread-safe (stateless).
 */
public final class EventTimeReader {

  /** Returned when the message has no readable event time. */
  public static final long NONE = Long.MIN_VALUE;

  private static final JsonFactory FACTORY = new SkippingJsonFactory(
      new JsonFactoryBuilder().disable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW));

  private EventTimeReader() {
  }

  /**
   * The event time of {@code bytes[offset, offset + length)} in epoch milliseconds.
   *
   * @param bytes the JSON of one message
   * @param offset where it starts
   * @param length how many bytes it has
   * @return {@code timestamp_ms}, else {@code created_at}, else {@link #NONE}
   */
  public static long read(byte[] bytes, int offset, int length) {
    long createdAt = NONE;
    try (JsonParser parser = FACTORY.createParser(bytes, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return NONE;
      }
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        JsonToken value = parser.nextToken();
        if (name.equals("timestamp_ms")) {
          long millis = timestampMs(parser, value);
          if (millis != NONE) {
            return millis;
          }
        } else if (name.equals("created_at") && value == JsonToken.VALUE_STRING) {
          createdAt = CreatedAtParser.parse(parser.getTextCharacters(), parser.getTextOffset(),
              parser.getTextLength());
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException | RuntimeException e) {
      // A line cut short or not JSON: it still goes out unchanged, only without an event time of its own.
    }
    return createdAt == CreatedAtParser.INVALID ? NONE : createdAt;
  }

  private static long timestampMs(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = parser.getNumberType();
      return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG ? parser.getLongValue() : NONE;
    }
    if (value != JsonToken.VALUE_STRING) {
      return NONE;
    }
    char[] chars = parser.getTextCharacters();
    int start = parser.getTextOffset();
    int length = parser.getTextLength();
    if (length == 0 || length > 18) {
      return NONE;
    }
    long millis = 0;
    for (int i = start; i < start + length; i++) {
      int digit = chars[i] - '0';
      if (digit < 0 || digit > 9) {
        return NONE;
      }
      millis = millis * 10 + digit;
    }
    return millis;
  }
}
