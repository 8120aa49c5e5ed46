package io.hashtagstreams.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Re-writes a Twitter v1.1 line keeping only the fields {@code TweetScanner} reads, to measure the fixed per-row
 * floor of {@code extractText -> explodeTopics} (issue 18): {@code id}, {@code id_str}, {@code text},
 * {@code created_at}, {@code timestamp_ms}, {@code lang}, {@code user.id}/{@code user.id_str},
 * {@code extended_tweet.full_text} and the same inside {@code retweeted_status}; stream notices ({@code delete},
 * {@code limit}, ...) are kept whole. Field order is kept.
 *
 * <p>Example: {@code {"created_at":"..","id_str":"1","text":"#a","user":{"id_str":"2","name":"x"},"source":".."}}
 * becomes {@code {"created_at":"..","id_str":"1","text":"#a","user":{"id_str":"2"}}}. A line that is not a JSON
 * object (the generator's malformed lines) is returned unchanged, so the rejected-row cost stays in the pipeline.
 *
 * @since 0.3.0
 */
public final class MinimalTweets {

  /** Copy the value whole. */
  private static final Object WHOLE = new Object();

  private static final Map<String, Object> FULL_TEXT = Map.of("full_text", WHOLE);
  private static final Map<String, Object> USER = Map.of("id", WHOLE, "id_str", WHOLE);
  private static final Map<String, Object> STATUS = Map.of("id", WHOLE, "id_str", WHOLE, "text", WHOLE,
      "created_at", WHOLE, "lang", WHOLE, "user", USER, "extended_tweet", FULL_TEXT);
  private static final Map<String, Object> TOP = Map.ofEntries(Map.entry("id", WHOLE), Map.entry("id_str", WHOLE),
      Map.entry("text", WHOLE), Map.entry("created_at", WHOLE), Map.entry("timestamp_ms", WHOLE),
      Map.entry("lang", WHOLE), Map.entry("user", USER), Map.entry("extended_tweet", FULL_TEXT),
      Map.entry("retweeted_status", STATUS), Map.entry("delete", WHOLE), Map.entry("limit", WHOLE),
      Map.entry("scrub_geo", WHOLE), Map.entry("status_withheld", WHOLE), Map.entry("user_withheld", WHOLE),
      Map.entry("disconnect", WHOLE), Map.entry("warning", WHOLE), Map.entry("event", WHOLE),
      Map.entry("friends", WHOLE), Map.entry("friends_str", WHOLE), Map.entry("for_user", WHOLE),
      Map.entry("control", WHOLE), Map.entry("direct_message", WHOLE));

  private static final JsonFactory JSON = new JsonFactory();

  private MinimalTweets() {
  }

  /**
   * The line with only the scanned fields.
   *
   * @param line one UTF-8 JSON line, not null
   * @return the trimmed line, or {@code line} itself when it is not a well-formed JSON object
   */
  public static byte[] trim(byte[] line) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(line.length);
    try (JsonParser parser = JSON.createParser(line); JsonGenerator generator = JSON.createGenerator(out)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return line;
      }
      copyObject(parser, generator, TOP);
      if (parser.nextToken() != null) {
        return line;
      }
    } catch (IOException malformed) {
      return line;
    }
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static void copyObject(JsonParser parser, JsonGenerator generator, Map<String, Object> keep)
      throws IOException {
    generator.writeStartObject();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      Object rule = keep.get(name);
      if (rule == WHOLE) {
        generator.writeFieldName(name);
        generator.copyCurrentStructure(parser);
      } else if (rule != null && value == JsonToken.START_OBJECT) {
        generator.writeFieldName(name);
        copyObject(parser, generator, (Map<String, Object>) rule);
      } else if (rule != null) {
        generator.writeFieldName(name);
        generator.copyCurrentStructure(parser);
      } else {
        parser.skipChildren();
      }
    }
    generator.writeEndObject();
  }
}
