package io.hashtagstreams.benchmarks.baseline;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The ceiling for a tweet reader built on Jackson's streaming parser: walk the top-level object, skip every nested
 * value, and stop as soon as {@code text} and {@code created_at} are both read. It does not follow retweets or
 * extended tweets, decode entities or parse the date, so it does less than {@code extractText}; it is what a
 * single forward pass costs at best with Jackson.
 */
public final class JacksonEarlyExitScan {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JacksonEarlyExitScan() {
  }

  /** The two strings read from one record, either null when absent. */
  public record TextAndTime(String text, String createdAt) {
  }

  /**
   * Reads {@code text} and {@code created_at} from the top-level object in {@code json[offset, offset + length)}.
   *
   * @throws UncheckedIOException when the bytes are not JSON
   */
  public static TextAndTime scan(byte[] json, int offset, int length) {
    try (JsonParser parser = FACTORY.createParser(json, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return new TextAndTime(null, null);
      }
      String text = null;
      String createdAt = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING && "text".equals(name)) {
          text = parser.getText();
        } else if (value == JsonToken.VALUE_STRING && "created_at".equals(name)) {
          createdAt = parser.getText();
        } else {
          parser.skipChildren();
          continue;
        }
        if (text != null && createdAt != null) {
          break;
        }
      }
      return new TextAndTime(text, createdAt);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
