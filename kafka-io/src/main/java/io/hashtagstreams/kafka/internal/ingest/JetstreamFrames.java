package io.hashtagstreams.kafka.internal.ingest;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads the envelope of a Jetstream v1 message (bluesky-social/jetstream {@code README.md}, "Example events"):
 * {@code did}, {@code time_us}, {@code kind} and, for commits, {@code commit.collection} and {@code commit.rkey};
 * the record itself is skipped. A commit is a post keyed by its AT URI {@code at://did/collection/rkey}; identity,
 * account and heartbeat messages are skipped; anything without {@code time_us} or {@code kind}, or not one JSON
 * object, is malformed.
 */
public final class JetstreamFrames {

  private JetstreamFrames() {
  }

  /**
   * Inspects one message.
   *
   * @param frame the message's UTF-8 bytes
   * @return what it is
   */
  public static Inspection inspect(byte[] frame) {
    String did = null;
    String kind = null;
    String collection = null;
    String rkey = null;
    long timeUs = -1;
    try (JsonParser parser = JsonFields.openObject(frame)) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        switch (name) {
          case "did" -> did = JsonFields.text(parser);
          case "kind" -> kind = JsonFields.text(parser);
          case "time_us" -> {
            if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT) {
              return Inspection.malformed("time_us is not an integer");
            }
            timeUs = parser.getLongValue();
          }
          case "commit" -> {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
              return Inspection.malformed("commit is not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              String field = parser.currentName();
              if (field.equals("collection")) {
                collection = JsonFields.text(parser);
              } else if (field.equals("rkey")) {
                rkey = JsonFields.text(parser);
              } else {
                parser.nextToken();
                parser.skipChildren();
              }
            }
          }
          default -> {
            parser.nextToken();
            parser.skipChildren();
          }
        }
      }
      JsonFields.requireEnd(parser);
    } catch (IOException | RuntimeException e) {
      return Inspection.malformed("not one JSON object: " + firstLine(e.getMessage()));
    }
    if (kind == null) {
      return Inspection.malformed("no kind");
    }
    if (!kind.equals("commit")) {
      return Inspection.skip(kind);
    }
    if (timeUs < 0 || did == null || collection == null || rkey == null) {
      return Inspection.malformed("a commit needs did, time_us, commit.collection and commit.rkey");
    }
    return Inspection.post("at://" + did + "/" + collection + "/" + rkey, timeUs, timeUs / 1000, null);
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
