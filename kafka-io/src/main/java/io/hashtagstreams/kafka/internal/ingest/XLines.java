package io.hashtagstreams.kafka.internal.ingest;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads one line of an X API v2 stream: {@code data.id} and {@code data.created_at} of a post; a line with
 * {@code errors} and no {@code data} is an error message (its first {@code title} and {@code detail} kept for the
 * log); a blank line is a keep-alive (skipped); anything else is malformed.
 */
public final class XLines {

  private XLines() {
  }

  /**
   * Inspects one line (without its line end).
   *
   * @param line the line's UTF-8 bytes
   * @return what it is
   */
  public static Inspection inspect(byte[] line) {
    if (isBlank(line)) {
      return Inspection.skip("keep-alive");
    }
    String id = null;
    String createdAt = null;
    boolean data = false;
    String error = null;
    try (JsonParser parser = JsonFields.openObject(line)) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        if (name.equals("data") && parser.nextToken() == JsonToken.START_OBJECT) {
          data = true;
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (field.equals("id")) {
              id = JsonFields.text(parser);
            } else if (field.equals("created_at")) {
              createdAt = JsonFields.text(parser);
            } else {
              parser.nextToken();
              parser.skipChildren();
            }
          }
        } else if (name.equals("errors") && parser.nextToken() == JsonToken.START_ARRAY) {
          error = firstError(parser);
        } else {
          if (!name.equals("data") && !name.equals("errors")) {
            parser.nextToken();
          }
          parser.skipChildren();
        }
      }
      JsonFields.requireEnd(parser);
    } catch (IOException | RuntimeException e) {
      return Inspection.malformed("not one JSON object: " + JetstreamFrames.firstLine(e.getMessage()));
    }
    if (data && id != null) {
      return Inspection.post(id, -1, JsonFields.instantMillis(createdAt), id);
    }
    if (!data && error != null) {
      return Inspection.error(error);
    }
    return Inspection.malformed(data ? "data without id" : "neither data nor errors");
  }

  private static String firstError(JsonParser parser) throws IOException {
    String first = null;
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      String title = null;
      String detail = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        if (field.equals("title")) {
          title = JsonFields.text(parser);
        } else if (field.equals("detail")) {
          detail = JsonFields.text(parser);
        } else {
          parser.nextToken();
          parser.skipChildren();
        }
      }
      if (first == null) {
        first = (title == null ? "error" : title) + (detail == null ? "" : ": " + detail);
      }
    }
    return first == null ? "error" : first;
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }
}
