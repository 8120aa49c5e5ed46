package io.hashtagstreams.core.internal.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.PostFormat;
import io.hashtagstreams.core.RejectReason;
import io.hashtagstreams.core.internal.text.HtmlText;

/**
 * Reads one Mastodon record ({@link PostFormat#MASTODON}), continuing {@link PostScanner}'s forward pass: a
 * {@code Status} (a REST timeline element, or the {@code data:} of a server-sent {@code update} event), a streaming
 * WebSocket message {@code {"stream":[...],"event":"update","payload":"<Status JSON as a string>"}}, or a whole
 * server-sent event as text ({@code event: update\ndata: {...}}). Shapes as Mastodon documents them
 * (docs.joinmastodon.org, "Status" entity and "Streaming API methods").
 *
 * <p>Output of a status:
 * <ul>
 *   <li>{@code id}: the status {@code uri} (its ActivityPub id, the same on every server; the numeric {@code id} is
 *       only local to the server you read from); {@code author}: {@code account.url} (else
 *       {@code account.uri});</li>
 *   <li>{@code text}: {@code content} as plain text ({@link HtmlText}); {@code event_time}: {@code created_at};
 *       {@code lang}: {@code language};</li>
 *   <li>a reblog ({@code reblog} not null): {@code is_retweet} true, text, tags and language of the reblogged
 *       status, id and author of the reblog itself;</li>
 *   <li>tags: {@code tags[].name} as the server sends them (not always in text order, not always in the case
 *       written); always present in a Status, so Mastodon's text rules are only used when it is missing.</li>
 * </ul>
 *
 * <p>Streaming events: {@code update} and {@code status.update} carry a Status and are read. An edit
 * ({@code status.update}) re-sends the whole status with the same {@code uri}, so counts see an edited post twice
 * unless you deduplicate by {@code id} (for example {@code dropDuplicatesWithinWatermark("id")}). {@code delete}
 * is {@link RejectReason#DELETE_NOTICE}; every other event (notification, filters_changed, announcement, ...) and
 * a heartbeat comment ({@code :thump}) is {@link RejectReason#OTHER_NOTICE}. The WebSocket payload is a JSON
 * string, so the status in it is decoded once more; that costs a second pass over the status bytes. Thread-safe.
 */
final class MastodonScanner implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final boolean excludeRetweets;
  private final boolean fastSkip;

  MastodonScanner(ExtractOptions options, boolean fastSkip) {
    this.excludeRetweets = options.excludeRetweets();
    this.fastSkip = fastSkip;
  }

  /** Whether a top-level key names this format: the keys of a Status (and of the streaming envelope). */
  static boolean isKey(String name) {
    switch (name) {
      case "uri":
      case "url":
      case "content":
      case "account":
      case "reblog":
      case "visibility":
      case "spoiler_text":
      case "sensitive":
      case "in_reply_to_id":
      case "in_reply_to_account_id":
      case "media_attachments":
      case "mentions":
      case "tags":
      case "emojis":
      case "replies_count":
      case "reblogs_count":
      case "favourites_count":
      case "edited_at":
      case "language":
      case "stream":
      case "payload":
        return true;
      default:
        return false;
    }
  }

  /** Whether {@code event} names an event of Mastodon's streaming API. */
  static boolean isStreamingEvent(String event) {
    switch (event) {
      case "update":
      case "status.update":
      case "delete":
      case "notification":
      case "conversation":
      case "filters_changed":
      case "announcement":
      case "announcement.reaction":
      case "announcement.delete":
      case "encrypted_message":
      case "notifications_merged":
        return true;
      default:
        return false;
    }
  }

  /** Whether the record is server-sent-event text rather than JSON: it starts with a field or a comment. */
  static boolean isServerSentEvent(byte[] bytes, int first, int end) {
    return bytes[first] == ':' || startsWith(bytes, first, end, "event:") || startsWith(bytes, first, end, "data:");
  }

  /**
   * Reads the rest of a top-level object into {@code out}: a Status, or a WebSocket message.
   *
   * @param event the envelope's {@code event} when the dispatcher read it already, else null
   */
  void read(JsonParser parser, String pending, FirstFields first, String event, ScanResult out)
      throws IOException {
    out.format = PostFormat.MASTODON;
    Status status = new Status();
    status.createdAt = first.hasCreatedAt ? first.createdAtIso : IsoInstantParser.INVALID;
    String payload = null;
    boolean envelope = event != null;
    String name = pending != null ? pending : parser.nextFieldName();
    for (; name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      switch (name) {
        case "event":
          envelope = true;
          event = JsonReading.stringOrNull(parser, value);
          break;
        case "payload":
          envelope = true;
          payload = JsonReading.stringOrNull(parser, value);
          break;
        case "stream":
          envelope = true;
          parser.skipChildren();
          break;
        default:
          readStatusField(parser, status, name, value, true);
          break;
      }
    }
    JsonReading.requireEndObject(parser);
    if (!envelope) {
      finish(status, out);
      return;
    }
    readEvent(event, payload, out);
  }

  /** A whole server-sent event: {@code event:} and {@code data:} lines (several data lines join with LF). */
  void readServerSentEvent(byte[] bytes, int offset, int length, ScanResult out) throws IOException {
    out.format = PostFormat.MASTODON;
    String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
    String event = null;
    StringBuilder data = null;
    for (String line : text.split("\r\n|\r|\n")) {
      if (line.isEmpty() || line.charAt(0) == ':') {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      if (field.equals("event")) {
        event = value;
      } else if (field.equals("data")) {
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
    }
    if (event == null && data == null) {
      out.reject(RejectReason.OTHER_NOTICE);
      return;
    }
    readEvent(event == null ? "message" : event, data == null ? null : data.toString(), out);
  }

  private void readEvent(String event, String payload, ScanResult out) throws IOException {
    if ("delete".equals(event)) {
      out.reject(RejectReason.DELETE_NOTICE);
      return;
    }
    if (!"update".equals(event) && !"status.update".equals(event)) {
      out.reject(RejectReason.OTHER_NOTICE);
      return;
    }
    if (payload == null) {
      out.reject(RejectReason.MISSING_TEXT);
      return;
    }
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    try (JsonParser inner = JsonReading.parser(bytes, 0, bytes.length, fastSkip)) {
      if (inner.nextToken() != JsonToken.START_OBJECT) {
        out.reject(RejectReason.NOT_AN_OBJECT);
        return;
      }
      Status status = new Status();
      for (String name = inner.nextFieldName(); name != null; name = inner.nextFieldName()) {
        readStatusField(inner, status, name, inner.nextToken(), true);
      }
      JsonReading.requireEndObject(inner);
      if (inner.nextToken() != null) {
        throw new IOException("content after the status");
      }
      finish(status, out);
    }
  }

  private void finish(Status status, ScanResult out) {
    Status source = status.reblog != null ? status.reblog : status;
    if (source.content == null) {
      out.reject(RejectReason.MISSING_TEXT);
      return;
    }
    if (status.uri == null || status.uri.isEmpty()) {
      out.reject(RejectReason.MISSING_ID);
      return;
    }
    if (status.createdAt == IsoInstantParser.INVALID) {
      out.reject(RejectReason.BAD_EVENT_TIME);
      return;
    }
    if (status.reblog != null && excludeRetweets) {
      out.excluded = true;
      return;
    }
    out.id = status.uri;
    out.author = status.author;
    out.text = HtmlText.toPlainText(source.content);
    out.eventTimeMillis = status.createdAt;
    out.lang = source.language != null ? source.language : status.language;
    out.retweet = status.reblog != null;
    out.tags = source.tags == null ? null : source.tags.toArray(new String[0]);
  }

  private void readStatusField(JsonParser parser, Status status, String name, JsonToken value, boolean outer)
      throws IOException {
    switch (name) {
      case "uri":
        status.uri = JsonReading.stringOrNull(parser, value);
        break;
      case "created_at":
        status.createdAt = value == JsonToken.VALUE_STRING
            ? IsoInstantParser.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength())
            : IsoInstantParser.INVALID;
        parser.skipChildren();
        break;
      case "language":
        status.language = JsonReading.stringOrNull(parser, value);
        break;
      case "content":
        status.content = JsonReading.stringOrNull(parser, value);
        break;
      case "account":
        status.author = value == JsonToken.START_OBJECT ? readAccountUrl(parser) : skipNull(parser);
        break;
      case "tags":
        status.tags = readTagNames(parser, value);
        break;
      case "reblog":
        if (outer && value == JsonToken.START_OBJECT) {
          Status reblog = new Status();
          for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            readStatusField(parser, reblog, field, parser.nextToken(), false);
          }
          JsonReading.requireEndObject(parser);
          status.reblog = reblog;
        } else {
          parser.skipChildren();
        }
        break;
      default:
        parser.skipChildren();
        break;
    }
  }

  private static String skipNull(JsonParser parser) throws IOException {
    parser.skipChildren();
    return null;
  }

  /** Inside {@code account}: {@code url}, else {@code uri}. */
  private static String readAccountUrl(JsonParser parser) throws IOException {
    String[] urlAndUri = JsonReading.stringFields(parser, "url", "uri");
    return urlAndUri[0] != null ? urlAndUri[0] : urlAndUri[1];
  }

  /** {@code tags}: the {@code name} of each element. */
  private static List<String> readTagNames(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      parser.skipChildren();
      return null;
    }
    List<String> names = new ArrayList<>(2);
    JsonReading.forEachObject(parser, "tags", tag -> {
      String name = JsonReading.stringField(tag, "name");
      if (name != null && !name.isEmpty()) {
        names.add(name);
      }
    });
    return names;
  }

  private static boolean startsWith(byte[] bytes, int first, int end, String prefix) {
    if (end - first < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[first + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The fields of one status that matter here. */
  private static final class Status {
    String uri;
    long createdAt = IsoInstantParser.INVALID;
    String language;
    String content;
    String author;
    List<String> tags;
    Status reblog;
  }
}
