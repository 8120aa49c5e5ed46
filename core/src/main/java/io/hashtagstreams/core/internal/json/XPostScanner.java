package io.hashtagstreams.core.internal.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.PostFormat;
import io.hashtagstreams.core.RejectReason;
import io.hashtagstreams.core.internal.text.HtmlEntities;

/**
 * Reads one X API v2 record ({@link PostFormat#X_V2}): a stream line {@code {"data":{post},"includes":{...},
 * "matching_rules":[...]}} or a bare post object, continuing {@link PostScanner}'s forward pass.
 *
 * <p>Fields, as the X API v2 Post object documents them (docs.x.com, "Data dictionary: Post object"):
 * <ul>
 *   <li>{@code id} (string) is the output id; {@code author_id} the author; {@code created_at} (ISO 8601) the event
 *       time; {@code lang} the language;</li>
 *   <li>{@code text}, or {@code note_tweet.text} for a long post (its {@code text} is then cut at 280
 *       characters); {@code &amp;amp;}, {@code &amp;lt;}, {@code &amp;gt;} decoded as for v1.1;</li>
 *   <li>a retweet ({@code referenced_tweets} holds {@code {"type":"retweeted","id":...}}) has
 *       {@code is_retweet} true, and its text and tags are the original's when {@code includes.tweets} holds it
 *       (requested with {@code expansions=referenced_tweets.id}), else the retweet's own truncated
 *       {@code RT @...} text;</li>
 *   <li>tags: {@code entities.hashtags[].tag} (of {@code note_tweet.entities} for a long post), in order; when the
 *       post has no {@code entities} (the request did not ask for them) the tag list is null and twitter-text
 *       applies to the text.</li>
 * </ul>
 *
 * <p>Not posts: a line with {@code errors} and no {@code data} is {@link RejectReason#STREAM_ERROR}; compliance
 * events in {@code data} ({@code delete}: {@link RejectReason#DELETE_NOTICE}; {@code drop}, {@code scrub_geo},
 * {@code user_*}: {@link RejectReason#OTHER_NOTICE}); the keep-alive blank lines of the stream are
 * {@link RejectReason#EMPTY_VALUE} already in {@link PostScanner}. Thread-safe.
 */
final class XPostScanner implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final boolean excludeRetweets;

  XPostScanner(ExtractOptions options) {
    this.excludeRetweets = options.excludeRetweets();
  }

  /** Whether a top-level key names this format. */
  static boolean isKey(String name) {
    switch (name) {
      case "data":
      case "includes":
      case "errors":
      case "author_id":
      case "edit_history_tweet_ids":
      case "note_tweet":
      case "referenced_tweets":
      case "conversation_id":
      case "public_metrics":
      case "reply_settings":
      case "context_annotations":
      case "edit_controls":
        return true;
      default:
        return false;
    }
  }

  /** Reads the rest of the top-level object (from {@code pending} when not null) into {@code out}. */
  void read(JsonParser parser, String pending, FirstFields first, ScanResult out) throws IOException {
    out.format = PostFormat.X_V2;
    Post bare = new Post();
    bare.id = first.idText;
    bare.text = first.text;
    bare.lang = first.lang;
    bare.createdAt = first.hasCreatedAt ? first.createdAtIso : IsoInstantParser.INVALID;
    bare.seen = first.idText != null || first.hasText || first.hasLang || first.hasCreatedAt;
    Post data = null;
    List<Post> included = null;
    boolean errors = false;
    String name = pending != null ? pending : parser.nextFieldName();
    for (; name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      switch (name) {
        case "data":
          if (value == JsonToken.START_OBJECT) {
            data = readPost(parser);
          } else {
            parser.skipChildren();
          }
          break;
        case "includes":
          if (value == JsonToken.START_OBJECT) {
            included = readIncludedTweets(parser);
          } else {
            parser.skipChildren();
          }
          break;
        case "errors":
          errors = true;
          parser.skipChildren();
          break;
        case "matching_rules":
          parser.skipChildren();
          break;
        default:
          readPostField(parser, bare, name, value);
          break;
      }
    }
    JsonReading.requireEndObject(parser);
    finish(data != null ? data : bare, included, errors, out);
  }

  private void finish(Post post, List<Post> included, boolean errors, ScanResult out) {
    if (post.text == null && post.noteText == null) {
      out.reject(post.compliance != null ? post.compliance
          : errors && !post.seen ? RejectReason.STREAM_ERROR : RejectReason.MISSING_TEXT);
      return;
    }
    if (post.id == null || post.id.isEmpty()) {
      out.reject(RejectReason.MISSING_ID);
      return;
    }
    if (post.createdAt == IsoInstantParser.INVALID) {
      out.reject(RejectReason.BAD_EVENT_TIME);
      return;
    }
    boolean retweet = post.retweetOf != null;
    if (retweet && excludeRetweets) {
      out.excluded = true;
      return;
    }
    Post source = post;
    if (retweet && included != null) {
      for (Post candidate : included) {
        if (post.retweetOf.equals(candidate.id) && (candidate.text != null || candidate.noteText != null)) {
          source = candidate;
          break;
        }
      }
    }
    out.id = post.id;
    out.author = post.authorId;
    out.text = HtmlEntities.unescape(source.fullText());
    out.eventTimeMillis = post.createdAt;
    out.lang = post.lang;
    out.retweet = retweet;
    List<String> tags = source.fullTags();
    out.tags = tags == null ? null : tags.toArray(new String[0]);
  }

  /** {@code includes}: the posts of {@code tweets}; users, media, places, polls are skipped. */
  private static List<Post> readIncludedTweets(JsonParser parser) throws IOException {
    List<Post> tweets = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      if (name.equals("tweets") && value == JsonToken.START_ARRAY) {
        List<Post> included = new ArrayList<>(2);
        JsonReading.forEachObject(parser, "includes.tweets", post -> included.add(readPost(post)));
        tweets = included;
      } else {
        parser.skipChildren();
      }
    }
    JsonReading.requireEndObject(parser);
    return tweets;
  }

  /** A post object, from after its START_OBJECT to its END_OBJECT. */
  private static Post readPost(JsonParser parser) throws IOException {
    Post post = new Post();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      readPostField(parser, post, name, parser.nextToken());
    }
    JsonReading.requireEndObject(parser);
    return post;
  }

  private static void readPostField(JsonParser parser, Post post, String name, JsonToken value) throws IOException {
    post.seen = true;
    switch (name) {
      case "id":
        post.id = JsonReading.stringOrNull(parser, value);
        break;
      case "text":
        post.text = JsonReading.stringOrNull(parser, value);
        break;
      case "author_id":
        post.authorId = JsonReading.stringOrNull(parser, value);
        break;
      case "lang":
        post.lang = JsonReading.stringOrNull(parser, value);
        break;
      case "created_at":
        post.createdAt = value == JsonToken.VALUE_STRING
            ? IsoInstantParser.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength())
            : IsoInstantParser.INVALID;
        parser.skipChildren();
        break;
      case "entities":
        post.tags = readHashtags(parser, value);
        break;
      case "note_tweet":
        readNote(parser, post, value);
        break;
      case "referenced_tweets":
        post.retweetOf = readRetweetedId(parser, value);
        break;
      case "delete":
        post.compliance = RejectReason.DELETE_NOTICE;
        parser.skipChildren();
        break;
      case "drop":
      case "undrop":
      case "scrub_geo":
      case "user_delete":
      case "user_undelete":
      case "user_suspend":
      case "user_unsuspend":
      case "user_withheld":
      case "user_profile_modification":
        post.compliance = RejectReason.OTHER_NOTICE;
        parser.skipChildren();
        break;
      default:
        parser.skipChildren();
        break;
    }
  }

  /** {@code entities}: the {@code tag} of each {@code hashtags} element; an empty list when it has none. */
  private static List<String> readHashtags(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return null;
    }
    List<String> tags = new ArrayList<>(2);
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken field = parser.nextToken();
      if (name.equals("hashtags") && field == JsonToken.START_ARRAY) {
        JsonReading.forEachObject(parser, "entities.hashtags", hashtag -> {
          String tag = JsonReading.stringField(hashtag, "tag");
          if (tag != null && !tag.isEmpty()) {
            tags.add(tag);
          }
        });
      } else {
        parser.skipChildren();
      }
    }
    JsonReading.requireEndObject(parser);
    return tags;
  }

  private static void readNote(JsonParser parser, Post post, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return;
    }
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken field = parser.nextToken();
      if (name.equals("text")) {
        post.noteText = JsonReading.stringOrNull(parser, field);
      } else if (name.equals("entities")) {
        post.noteTags = readHashtags(parser, field);
      } else {
        parser.skipChildren();
      }
    }
    JsonReading.requireEndObject(parser);
  }

  /** The id of the {@code retweeted} element of {@code referenced_tweets}, or null. */
  private static String readRetweetedId(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      parser.skipChildren();
      return null;
    }
    String[] retweeted = new String[1];
    JsonReading.forEachObject(parser, "referenced_tweets", reference -> {
      String[] typeAndId = JsonReading.stringFields(reference, "type", "id");
      if ("retweeted".equals(typeAndId[0]) && typeAndId[1] != null) {
        retweeted[0] = typeAndId[1];
      }
    });
    return retweeted[0];
  }

  /** The fields of one v2 post object that matter here. */
  private static final class Post {
    boolean seen;
    String id;
    String text;
    String noteText;
    String authorId;
    String lang;
    long createdAt = IsoInstantParser.INVALID;
    List<String> tags;
    List<String> noteTags;
    String retweetOf;
    RejectReason compliance;

    String fullText() {
      return noteText != null ? noteText : text;
    }

    /** The note's hashtags for a long post; when the note has no entities but the post has, none. */
    List<String> fullTags() {
      if (noteText == null) {
        return tags;
      }
      if (noteTags != null) {
        return noteTags;
      }
      return tags == null ? null : List.of();
    }
  }
}
