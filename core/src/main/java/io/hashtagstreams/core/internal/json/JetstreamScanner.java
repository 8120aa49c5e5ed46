package io.hashtagstreams.core.internal.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.hashtagstreams.core.PostFormat;
import io.hashtagstreams.core.RejectReason;

/**
 * Reads one Bluesky Jetstream v1 event ({@link PostFormat#BLUESKY_JETSTREAM}), continuing {@link PostScanner}'s
 * forward pass. The event shape is Jetstream's ({@code github.com/bluesky-social/jetstream}, README "Sample
 * events"): {@code {"did":...,"time_us":...,"kind":"commit","commit":{"rev":...,"operation":"create",
 * "collection":"app.bsky.feed.post","rkey":...,"record":{...},"cid":...}}}; the record is an
 * {@code app.bsky.feed.post} as its lexicon defines it ({@code lexicons/app/bsky/feed/post.json} in
 * bluesky-social/atproto).
 *
 * <p>Output of a post ({@code kind} commit, collection {@code app.bsky.feed.post}, operation {@code create}):
 * <ul>
 *   <li>{@code id}: the post's URI {@code at://<did>/app.bsky.feed.post/<rkey>}; {@code author}: the DID;</li>
 *   <li>{@code text}: {@code record.text} (may be empty: an image-only post is still a post);</li>
 *   <li>{@code event_time}: {@code record.createdAt}, which the client declares (it may be skewed or
 *       backdated), else, when absent or unreadable, {@code time_us}, when Jetstream received the event;</li>
 *   <li>{@code lang}: the first of {@code record.langs}; {@code is_retweet} false (reposts carry no text);</li>
 *   <li>tags: the {@code tag} of each facet feature of type {@code app.bsky.richtext.facet#tag} in facet order,
 *       then {@code record.tags}, without empty ones; a facet tag starting with {@code $} is a cashtag and no
 *       hashtag. A record with neither {@code facets} nor {@code tags} has no tag list (null), so atproto's text
 *       rules apply to its text; a record with facets but no tag facet has none (an empty list).</li>
 * </ul>
 *
 * <p>Other events are rejected: {@code identity} ({@link RejectReason#IDENTITY_EVENT}), {@code account}
 * ({@link RejectReason#ACCOUNT_EVENT}); a post {@code delete} ({@link RejectReason#DELETE_NOTICE}) or
 * {@code update} ({@link RejectReason#POST_UPDATE}: the post was counted when created); a repost
 * ({@link RejectReason#REPOST}); likes, follows, blocks, profiles and every other collection
 * ({@link RejectReason#NOT_A_POST}). Thread-safe.
 */
final class JetstreamScanner implements java.io.Serializable {

  private static final long serialVersionUID = 1L;
  static final String POST = "app.bsky.feed.post";
  private static final String REPOST = "app.bsky.feed.repost";
  private static final String TAG_FEATURE = "app.bsky.richtext.facet#tag";

  /** Whether a top-level key names this format. */
  static boolean isKey(String name) {
    return name.equals("did") || name.equals("time_us") || name.equals("kind") || name.equals("commit")
        || name.equals("identity");
  }

  /** Reads the rest of the top-level object (from {@code pending} when not null) into {@code out}. */
  void read(JsonParser parser, String pending, ScanResult out) throws IOException {
    out.format = PostFormat.BLUESKY_JETSTREAM;
    Event event = new Event();
    String name = pending != null ? pending : parser.nextFieldName();
    for (; name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      switch (name) {
        case "did":
          event.did = JsonReading.stringOrNull(parser, value);
          break;
        case "time_us":
          if (value == JsonToken.VALUE_NUMBER_INT && JsonReading.fitsInLong(parser)) {
            event.timeUs = parser.getLongValue();
          }
          parser.skipChildren();
          break;
        case "kind":
          event.kind = JsonReading.stringOrNull(parser, value);
          break;
        case "commit":
          if (value == JsonToken.START_OBJECT) {
            readCommit(parser, event);
          } else {
            parser.skipChildren();
          }
          break;
        default:
          parser.skipChildren();
          break;
      }
    }
    JsonReading.requireEndObject(parser);
    finish(event, out);
  }

  private static void finish(Event event, ScanResult out) {
    if ("identity".equals(event.kind)) {
      out.reject(RejectReason.IDENTITY_EVENT);
      return;
    }
    if ("account".equals(event.kind)) {
      out.reject(RejectReason.ACCOUNT_EVENT);
      return;
    }
    if (event.kind != null && !event.kind.equals("commit")) {
      out.reject(RejectReason.OTHER_NOTICE);
      return;
    }
    if (REPOST.equals(event.collection)) {
      out.reject(RejectReason.REPOST);
      return;
    }
    if (!POST.equals(event.collection)) {
      out.reject(RejectReason.NOT_A_POST);
      return;
    }
    if ("delete".equals(event.operation)) {
      out.reject(RejectReason.DELETE_NOTICE);
      return;
    }
    if ("update".equals(event.operation)) {
      out.reject(RejectReason.POST_UPDATE);
      return;
    }
    if (!"create".equals(event.operation)) {
      out.reject(RejectReason.OTHER_NOTICE);
      return;
    }
    if (event.text == null) {
      out.reject(RejectReason.MISSING_TEXT);
      return;
    }
    if (event.did == null || event.did.isEmpty() || event.rkey == null || event.rkey.isEmpty()) {
      out.reject(RejectReason.MISSING_ID);
      return;
    }
    long time = event.createdAt;
    if (time == IsoInstantParser.INVALID) {
      if (event.timeUs < 0) {
        out.reject(RejectReason.BAD_EVENT_TIME);
        return;
      }
      time = event.timeUs / 1000;
    }
    out.id = "at://" + event.did + "/" + POST + "/" + event.rkey;
    out.author = event.did;
    out.text = event.text;
    out.eventTimeMillis = time;
    out.lang = event.lang;
    out.tags = event.tags == null ? null : event.tags.toArray(new String[0]);
  }

  private static void readCommit(JsonParser parser, Event event) throws IOException {
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      switch (name) {
        case "operation":
          event.operation = JsonReading.stringOrNull(parser, value);
          break;
        case "collection":
          event.collection = JsonReading.stringOrNull(parser, value);
          break;
        case "rkey":
          event.rkey = JsonReading.stringOrNull(parser, value);
          break;
        case "record":
          // Jetstream sends the collection before the record; a record of another collection is not read.
          if (value == JsonToken.START_OBJECT && (event.collection == null || POST.equals(event.collection))) {
            readRecord(parser, event);
          } else {
            parser.skipChildren();
          }
          break;
        default:
          parser.skipChildren();
          break;
      }
    }
    JsonReading.requireEndObject(parser);
  }

  private static void readRecord(JsonParser parser, Event event) throws IOException {
    List<String> facetTags = null;
    List<String> recordTags = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      switch (name) {
        case "text":
          event.text = JsonReading.stringOrNull(parser, value);
          break;
        case "createdAt":
          event.createdAt = value == JsonToken.VALUE_STRING
              ? IsoInstantParser.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength())
              : IsoInstantParser.INVALID;
          parser.skipChildren();
          break;
        case "langs":
          event.lang = JsonReading.firstString(parser, value);
          break;
        case "facets":
          facetTags = readFacetTags(parser, value);
          break;
        case "tags":
          recordTags = JsonReading.strings(parser, value);
          break;
        default:
          parser.skipChildren();
          break;
      }
    }
    JsonReading.requireEndObject(parser);
    if (facetTags != null || recordTags != null) {
      List<String> tags = new ArrayList<>(4);
      if (facetTags != null) {
        tags.addAll(facetTags);
      }
      if (recordTags != null) {
        for (String tag : recordTags) {
          if (!tag.isEmpty()) {
            tags.add(tag);
          }
        }
      }
      event.tags = tags;
    }
  }

  /** The hashtags of {@code facets}: tag features, cashtags ({@code $...}) and empty tags left out. */
  private static List<String> readFacetTags(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      parser.skipChildren();
      return null;
    }
    List<String> tags = new ArrayList<>(2);
    JsonReading.forEachObject(parser, "facets", facet -> {
      for (String name = facet.nextFieldName(); name != null; name = facet.nextFieldName()) {
        JsonToken field = facet.nextToken();
        if (name.equals("features") && field == JsonToken.START_ARRAY) {
          readFeatures(facet, tags);
        } else {
          facet.skipChildren();
        }
      }
      JsonReading.requireEndObject(facet);
    });
    return tags;
  }

  private static void readFeatures(JsonParser parser, List<String> tags) throws IOException {
    JsonReading.forEachObject(parser, "facet features", feature -> {
      String[] typeAndTag = JsonReading.stringFields(feature, "$type", "tag");
      String tag = typeAndTag[1];
      if (TAG_FEATURE.equals(typeAndTag[0]) && tag != null && !tag.isEmpty() && tag.charAt(0) != '$') {
        tags.add(tag);
      }
    });
  }

  /** The fields of one event that matter here. */
  private static final class Event {
    String did;
    long timeUs = -1;
    String kind;
    String operation;
    String collection;
    String rkey;
    String text;
    long createdAt = IsoInstantParser.INVALID;
    String lang;
    List<String> tags;
  }
}
