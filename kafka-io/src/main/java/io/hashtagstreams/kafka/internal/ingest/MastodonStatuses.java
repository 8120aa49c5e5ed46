package io.hashtagstreams.kafka.internal.ingest;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads the top-level {@code id}, {@code uri} and {@code created_at} of a Mastodon Status (the {@code data} of an
 * {@code update} event, or an element of a REST timeline); nested objects are skipped. A Status is a post keyed by
 * its {@code uri} (else its {@code id}); one without {@code id}, or not one JSON object, is malformed.
 */
public final class MastodonStatuses {

  private MastodonStatuses() {
  }

  /**
   * Inspects one Status.
   *
   * @param status the Status's UTF-8 JSON
   * @return what it is
   */
  public static Inspection inspect(byte[] status) {
    String id = null;
    String uri = null;
    String createdAt = null;
    try (JsonParser parser = JsonFields.openObject(status)) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        switch (parser.currentName()) {
          case "id" -> id = JsonFields.text(parser);
          case "uri" -> uri = JsonFields.text(parser);
          case "created_at" -> createdAt = JsonFields.text(parser);
          default -> {
            parser.nextToken();
            parser.skipChildren();
          }
        }
      }
      JsonFields.requireEnd(parser);
    } catch (IOException | RuntimeException e) {
      return Inspection.malformed("not one JSON object: " + JetstreamFrames.firstLine(e.getMessage()));
    }
    if (id == null) {
      return Inspection.malformed("a Status needs an id");
    }
    return Inspection.post(uri != null ? uri : id, -1, JsonFields.instantMillis(createdAt), id);
  }

  /**
   * Orders Mastodon ids (decimal strings of 64-bit snowflakes): longer is newer, then by text.
   *
   * @param a an id
   * @param b an id
   * @return negative, zero or positive as {@code a} is older, the same or newer
   */
  public static int compareIds(String a, String b) {
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }
}
