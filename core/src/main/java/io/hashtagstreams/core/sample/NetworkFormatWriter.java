package io.hashtagstreams.core.sample;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import io.hashtagstreams.core.PostFormat;

/**
 * Writes a generated {@link Status} as X API v2, Bluesky Jetstream v1 or Mastodon records (one line of UTF-8
 * JSON each), in the shapes those services document and that {@code core/src/test/resources/networks} holds real
 * examples of; and the non-post messages of each stream that stand in for the v1.1 delete and limit notices.
 *
 * <p>Each post carries its network's tag list, equal to the text's hashtags as written (the generator's ground
 * truth): {@code entities.hashtags} (X), {@code #tag} facets with UTF-8 byte offsets (Bluesky), {@code tags[].name}
 * (Mastodon).
 */
final class NetworkFormatWriter {

  private static final String SERVER = "https://mastodon.example";

  private NetworkFormatWriter() {
  }

  /** The id {@code extractText} writes for {@code status} in {@code format}. */
  static String postId(PostFormat format, Status status) {
    switch (format) {
      case BLUESKY_JETSTREAM:
        return "at://" + did(status.userSeed) + "/app.bsky.feed.post/" + rkey(status.id);
      case MASTODON:
        return SERVER + "/users/" + handle(status.userSeed) + "/statuses/" + status.id;
      default:
        return Long.toString(status.id);
    }
  }

  /** The post as a record of {@code format} (not v1.1). */
  static byte[] post(PostFormat format, Status status) {
    StringBuilder out = new StringBuilder(1024);
    switch (format) {
      case X_V2:
        xLine(out, status);
        break;
      case BLUESKY_JETSTREAM:
        jetstreamPost(out, status);
        break;
      case MASTODON:
        mastodonStatus(out, status, true);
        break;
      default:
        throw new IllegalArgumentException("not another network's format: " + format);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A delete of an earlier post: X compliance delete, Jetstream delete commit, Mastodon delete event. */
  static byte[] delete(PostFormat format, long postId, long userSeed, long millis) {
    String json;
    switch (format) {
      case X_V2:
        json = "{\"data\":{\"delete\":{\"tweet\":{\"id\":\"" + postId + "\",\"author_id\":\"" + userId(userSeed)
            + "\"},\"event_at\":\"" + Instant.ofEpochMilli(millis) + "\"}}}";
        break;
      case BLUESKY_JETSTREAM:
        json = "{\"did\":\"" + did(userSeed) + "\",\"time_us\":" + millis * 1000 + ",\"kind\":\"commit\",\"commit\":{"
            + "\"rev\":\"" + rkey(millis) + "\",\"operation\":\"delete\",\"collection\":\"app.bsky.feed.post\","
            + "\"rkey\":\"" + rkey(postId) + "\"}}";
        break;
      default:
        json = "{\"stream\":[\"public\"],\"event\":\"delete\",\"payload\":\"" + postId + "\"}";
        break;
    }
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** A stream message that is no post: an X error line, a Bluesky like, a Mastodon filters_changed event. */
  static byte[] notAPost(PostFormat format, long likedId, long userSeed, long millis) {
    String json;
    switch (format) {
      case X_V2:
        json = "{\"errors\":[{\"title\":\"ConnectionException\",\"detail\":\"This stream is currently at the maximum"
            + " allowed connection limit.\",\"connection_issue\":\"TooManyConnections\","
            + "\"type\":\"https://api.twitter.com/2/problems/streaming-connection\"}]}";
        break;
      case BLUESKY_JETSTREAM:
        json = "{\"did\":\"" + did(userSeed) + "\",\"time_us\":" + millis * 1000 + ",\"kind\":\"commit\",\"commit\":{"
            + "\"rev\":\"" + rkey(millis) + "\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.like\","
            + "\"rkey\":\"" + rkey(millis + 1) + "\",\"record\":{\"$type\":\"app.bsky.feed.like\",\"createdAt\":\""
            + Instant.ofEpochMilli(millis) + "\",\"subject\":{\"cid\":\"bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5x"
            + "ytvske7mr3hpm\",\"uri\":\"at://" + did(likedId) + "/app.bsky.feed.post/" + rkey(likedId) + "\"}},"
            + "\"cid\":\"bafyreidblutgvj75o4q4akzyyejedjj6l3it6hgqwee6jpwv2wqph5fsgm\"}}";
        break;
      default:
        json = "{\"stream\":[\"user\"],\"event\":\"filters_changed\"}";
        break;
    }
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static void xLine(StringBuilder out, Status status) {
    out.append("{\"data\":");
    xPost(out, status);
    if (status.retweeted != null) {
      out.append(",\"includes\":{\"tweets\":[");
      xPost(out, status.retweeted);
      out.append("]}");
    }
    out.append(",\"matching_rules\":[{\"id\":\"1795000000000000000\",\"tag\":\"sample\"}]}");
  }

  private static void xPost(StringBuilder out, Status status) {
    out.append('{');
    JsonText.name(out, "author_id").append('"').append(userId(status.userSeed)).append("\",");
    // X writes whole seconds, as ".000Z".
    JsonText.name(out, "created_at").append('"')
        .append(Instant.ofEpochSecond(Math.floorDiv(status.timestampMs, 1000)).toString().replace("Z", ".000Z"))
        .append("\",");
    JsonText.name(out, "edit_history_tweet_ids").append("[\"").append(status.id).append("\"],");
    JsonText.name(out, "entities");
    xEntities(out, status.text);
    out.append(',');
    JsonText.name(out, "id").append('"').append(status.id).append("\",");
    JsonText.name(out, "lang");
    JsonText.string(out, status.lang).append(',');
    if (status.extended != null) {
      JsonText.name(out, "note_tweet").append('{');
      JsonText.name(out, "entities");
      xEntities(out, status.extended);
      out.append(',');
      JsonText.name(out, "text");
      JsonText.string(out, JsonText.htmlEscape(status.extended.text)).append("},");
    }
    if (status.retweeted != null) {
      JsonText.name(out, "referenced_tweets").append("[{\"type\":\"retweeted\",\"id\":\"")
          .append(status.retweeted.id).append("\"}],");
    }
    JsonText.name(out, "text");
    JsonText.string(out, JsonText.htmlEscape(status.text.text)).append('}');
  }

  /** {@code entities} with {@code hashtags} in code points, as X counts them. */
  private static void xEntities(StringBuilder out, TweetText text) {
    out.append("{\"hashtags\":[");
    boolean first = true;
    for (TweetText.Span span : text.spans) {
      if (span.type != TweetText.HASHTAG) {
        continue;
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      int start = text.text.codePointCount(0, span.start);
      int end = text.text.codePointCount(0, span.end);
      out.append("{\"start\":").append(start).append(",\"end\":").append(end).append(",\"tag\":");
      JsonText.string(out, span.value).append('}');
    }
    out.append("]}");
  }

  private static void jetstreamPost(StringBuilder out, Status status) {
    TweetText text = status.fullText();
    out.append("{\"did\":\"").append(did(status.userSeed)).append("\",\"time_us\":")
        .append(status.timestampMs * 1000 + 731).append(",\"kind\":\"commit\",\"commit\":{\"rev\":\"")
        .append(rkey(status.id + 1)).append("\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\","
            + "\"rkey\":\"").append(rkey(status.id)).append("\",\"record\":{\"$type\":\"app.bsky.feed.post\","
            + "\"createdAt\":\"").append(Instant.ofEpochMilli(status.timestampMs)).append("\",\"facets\":[");
    boolean first = true;
    for (TweetText.Span span : text.spans) {
      if (span.type != TweetText.HASHTAG) {
        continue;
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      int byteStart = utf8Length(text.text, 0, span.start);
      int byteEnd = byteStart + utf8Length(text.text, span.start, span.end);
      out.append("{\"features\":[{\"$type\":\"app.bsky.richtext.facet#tag\",\"tag\":");
      JsonText.string(out, span.value).append("}],\"index\":{\"byteEnd\":").append(byteEnd)
          .append(",\"byteStart\":").append(byteStart).append("}}");
    }
    out.append("],\"langs\":[");
    JsonText.string(out, status.lang).append("],");
    JsonText.name(out, "text");
    JsonText.string(out, text.text).append("},\"cid\":\"bafyreigzdsdne3z2xxcakgisieyj7y47hj6eg7lj6v4q25ah5q2qotu5ku\"}}");
  }

  private static void mastodonStatus(StringBuilder out, Status status, boolean top) {
    String handle = handle(status.userSeed);
    out.append("{\"id\":\"").append(status.id).append("\",\"created_at\":\"")
        .append(Instant.ofEpochMilli(status.timestampMs)).append("\",\"in_reply_to_id\":null,"
            + "\"in_reply_to_account_id\":null,\"sensitive\":false,\"spoiler_text\":\"\",\"visibility\":\"public\","
            + "\"language\":");
    JsonText.string(out, status.lang).append(",\"uri\":\"").append(postId(PostFormat.MASTODON, status))
        .append("\",\"url\":\"").append(SERVER).append("/@").append(handle).append('/').append(status.id)
        .append("\",\"replies_count\":0,\"reblogs_count\":").append(status.retweetCount)
        .append(",\"favourites_count\":").append(status.favoriteCount).append(",\"edited_at\":null,\"content\":");
    Status shown = status.retweeted != null ? null : status;
    JsonText.string(out, shown == null ? "" : contentHtml(shown.fullText())).append(",\"reblog\":");
    if (status.retweeted != null && top) {
      mastodonStatus(out, status.retweeted, false);
    } else {
      out.append("null");
    }
    out.append(",\"account\":{\"id\":\"").append(userId(status.userSeed)).append("\",\"username\":\"")
        .append(handle).append("\",\"acct\":\"").append(handle).append("\",\"url\":\"").append(SERVER)
        .append("/@").append(handle).append("\",\"uri\":\"").append(SERVER).append("/users/").append(handle)
        .append("\"},\"media_attachments\":[],\"mentions\":[],\"tags\":[");
    boolean first = true;
    if (shown != null) {
      for (String tag : shown.fullText().hashtags()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append("{\"name\":");
        JsonText.string(out, tag).append(",\"url\":\"").append(SERVER).append("/tags/")
            .append(tag.toLowerCase(Locale.ROOT)).append("\"}");
      }
    }
    out.append("],\"emojis\":[],\"card\":null,\"poll\":null}");
  }

  /** Mastodon's HTML: a paragraph, hashtags as links, line breaks as {@code <br />}, text escaped. */
  private static String contentHtml(TweetText text) {
    StringBuilder html = new StringBuilder(text.text.length() + 64).append("<p>");
    int at = 0;
    for (TweetText.Span span : text.spans) {
      if (span.type != TweetText.HASHTAG) {
        continue;
      }
      escape(html, text.text.substring(at, span.start));
      html.append("<a href=\"").append(SERVER).append("/tags/").append(span.value.toLowerCase(Locale.ROOT))
          .append("\" class=\"mention hashtag\" rel=\"tag\">#<span>");
      escape(html, span.value);
      html.append("</span></a>");
      at = span.end;
    }
    escape(html, text.text.substring(at));
    return html.append("</p>").toString();
  }

  private static void escape(StringBuilder html, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&':
          html.append("&amp;");
          break;
        case '<':
          html.append("&lt;");
          break;
        case '>':
          html.append("&gt;");
          break;
        case '"':
          html.append("&quot;");
          break;
        case '\'':
          html.append("&#39;");
          break;
        case '\n':
          html.append("<br />");
          break;
        default:
          html.append(c);
      }
    }
  }

  private static int utf8Length(String text, int from, int to) {
    return text.substring(from, to).getBytes(StandardCharsets.UTF_8).length;
  }

  private static long userId(long seed) {
    return 100_000L + (seed & 0xFFFFFFFFL);
  }

  private static String handle(long seed) {
    return StatusWriter.screenName(seed).toLowerCase(Locale.ROOT);
  }

  /** A did:plc of 24 base32 characters drawn from the seed. */
  static String did(long seed) {
    return "did:plc:" + base32(seed, 24);
  }

  /** A record key of 13 base32 characters (the TID shape) drawn from {@code value}. */
  static String rkey(long value) {
    return base32(value * 0x9E3779B97F4A7C15L, 13);
  }

  private static String base32(long value, int length) {
    String alphabet = "234567abcdefghijklmnopqrstuvwxyz";
    StringBuilder out = new StringBuilder(length);
    long x = value;
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt((int) (x & 31)));
      x = Long.rotateRight(x, 5) ^ (i * 0x5DEECE66DL);
    }
    return out.toString();
  }
}
