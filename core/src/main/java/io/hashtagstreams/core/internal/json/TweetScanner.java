package io.hashtagstreams.core.internal.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.hashtagstreams.core.EventTimeField;
import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.PostFormat;
import io.hashtagstreams.core.RejectReason;
import io.hashtagstreams.core.internal.text.HtmlEntities;

/**
 * Reads one Twitter v1.1 streaming status ({@link PostFormat#TWITTER_V1}) once {@link PostScanner} has recognised
 * it, continuing the same forward pass from the key where the format became clear.
 *
 * <p>Values that are not needed ({@code entities}, {@code quoted_status}, ...) are skipped with
 * {@link SkippingJsonParser#skipChildren()}, a raw byte scan to the matching close. Only the tweet's own
 * {@code text}, {@code extended_tweet.full_text}, {@code retweeted_status} (its text and extended text),
 * {@code id}/{@code id_str}, {@code user.id_str} (the author; the rest of {@code user} is skipped raw once the id
 * is read), the event-time field and {@code lang} are decoded, so the key order does not matter. The remainder of
 * a notice or of an excluded retweet is skipped the same way, so a record cut short is always rejected as
 * {@link RejectReason#MALFORMED_JSON} rather than read.
 *
 * <p>The scan reads to the end of the top-level object: whether {@code retweeted_status} or {@code extended_tweet}
 * exist is only known there whatever the key order. Reading to the end also validates the structure.
 *
 * <p>What the raw skip trades: inside a skipped nested value only the structure is checked (see
 * {@link SkippingJsonParser}); on input that plain Jackson accepts the result is the same.
 *
 * <p>A key that appears twice counts with its last value, as in a JSON tree (Jackson's {@code readTree}), which
 * the fuzz tests ({@code TweetScannerFuzzTest}) use as the oracle; only with {@code excludeRetweets} the first
 * {@code retweeted_status} object already excludes the record.
 *
 * <p>When several things are wrong, the first of: notice, missing text, missing id, bad event time. Output:
 * {@code id} the decimal tweet id, {@code author} the user's id ({@code user.id_str}, else {@code user.id}), no
 * tag list ({@code tags} null: explodeTopics applies twitter-text to the text, as before 0.3).
 * Immutable and thread-safe; each call fills the caller's {@link ScanResult}.
 */
final class TweetScanner implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final boolean excludeRetweets;
  private final boolean timestampMs;

  TweetScanner(ExtractOptions options) {
    this.excludeRetweets = options.excludeRetweets();
    this.timestampMs = options.eventTimeField() == EventTimeField.TIMESTAMP_MS;
  }

  /**
   * Reads the rest of the top-level object up to and including its END_OBJECT into {@code out}.
   *
   * @param pending a field name whose value is not read yet, or null to continue with the next key
   * @param first what the first keys held
   */
  void read(JsonParser parser, String pending, FirstFields first, ScanResult out) throws IOException {
    out.format = PostFormat.TWITTER_V1;
    new TopLevelReader(parser, out, first).read(pending);
  }

  /** Finishes a top-level object whose keys were all read already (none told its format) into {@code out}. */
  void finishRead(FirstFields first, ScanResult out) {
    out.format = PostFormat.TWITTER_V1;
    new TopLevelReader(null, out, first).finish();
  }

  /** The reason for a top-level key that only non-tweet stream messages carry, or null. */
  static RejectReason noticeReason(String name) {
    switch (name) {
      case "delete":
        return RejectReason.DELETE_NOTICE;
      case "limit":
        return RejectReason.LIMIT_NOTICE;
      case "scrub_geo":
      case "status_withheld":
      case "user_withheld":
      case "disconnect":
      case "warning":
      case "friends":
      case "friends_str":
      case "for_user":
      case "control":
      case "direct_message":
        return RejectReason.OTHER_NOTICE;
      default:
        return null;
    }
  }

  /** The state of one top-level object while its keys go by. */
  private final class TopLevelReader {
    private final JsonParser parser;
    private final ScanResult out;
    private String text;
    private String extendedText;
    private boolean retweet;
    private String retweetText;
    private String retweetExtendedText;
    private boolean hasId;
    private long id;
    private long idFromString = -1;
    private String author;
    private long eventTime = CreatedAtParser.INVALID;

    TopLevelReader(JsonParser parser, ScanResult out, FirstFields first) {
      this.parser = parser;
      this.out = out;
      hasId = first.hasLongId;
      id = first.longId;
      text = first.text;
      out.lang = first.lang;
      if (!timestampMs) {
        eventTime = first.createdAtV1;
      }
    }

    void read(String pending) throws IOException {
      String name = pending != null ? pending : parser.nextFieldName();
      for (; name != null; name = parser.nextFieldName()) {
        JsonToken value = parser.nextToken();
        RejectReason notice = noticeReason(name);
        if (notice == null && name.equals("event")) {
          notice = RejectReason.OTHER_NOTICE;
        }
        if (notice != null) {
          out.reject(notice);
          JsonReading.skipRestOfObject(parser);
          return;
        }
        if (readField(name, value)) {
          JsonReading.skipRestOfObject(parser);
          return;
        }
      }
      JsonReading.requireEndObject(parser);
      finish();
    }

    /** Reads one top-level value; true when the rest of the object is not needed. */
    private boolean readField(String name, JsonToken value) throws IOException {
      switch (name) {
        case "id":
          // A repeated key: the last one counts, as in a JSON tree (so an invalid later id drops an earlier one).
          hasId = value == JsonToken.VALUE_NUMBER_INT && JsonReading.fitsInLong(parser);
          id = hasId ? parser.getLongValue() : 0;
          break;
        case "id_str":
          idFromString = value == JsonToken.VALUE_STRING
              ? JsonReading.digits(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength())
              : -1;
          break;
        case "text":
          text = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          break;
        case "created_at":
          if (!timestampMs) {
            eventTime = value == JsonToken.VALUE_STRING
                ? CreatedAtParser.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength())
                : CreatedAtParser.INVALID;
          }
          break;
        case "timestamp_ms":
          if (timestampMs) {
            eventTime = readTimestampMs(value);
          }
          break;
        case "lang":
          out.lang = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          break;
        case "user":
          if (value == JsonToken.START_OBJECT) {
            readUserId();
            return false;
          }
          break;
        case "extended_tweet":
          extendedText = value == JsonToken.START_OBJECT ? readFullText() : null;
          break;
        case "retweeted_status":
          retweet = value == JsonToken.START_OBJECT;
          retweetText = null;
          retweetExtendedText = null;
          if (retweet) {
            if (excludeRetweets) {
              out.format = PostFormat.TWITTER_V1;
              out.excluded = true;
              parser.skipChildren();
              return true;
            }
            readRetweetedStatus();
          }
          break;
        default:
          break;
      }
      parser.skipChildren();
      return false;
    }

    /** Inside {@code user}: {@code id_str} (else {@code id}) as the author; the rest is skipped once found. */
    private void readUserId() throws IOException {
      String numeric = null;
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        JsonToken value = parser.nextToken();
        if (name.equals("id_str") && value == JsonToken.VALUE_STRING) {
          author = parser.getText();
          JsonReading.skipRestOfObject(parser);
          return;
        }
        if (name.equals("id") && value == JsonToken.VALUE_NUMBER_INT) {
          numeric = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
      JsonReading.requireEndObject(parser);
      author = numeric;
    }

    private void finish() {
      String chosen = retweet
          ? (retweetExtendedText != null ? retweetExtendedText : retweetText)
          : (extendedText != null ? extendedText : text);
      if (chosen == null) {
        out.reject(RejectReason.MISSING_TEXT);
        return;
      }
      if (!hasId && idFromString < 0) {
        out.reject(RejectReason.MISSING_ID);
        return;
      }
      if (eventTime == CreatedAtParser.INVALID) {
        out.reject(RejectReason.BAD_EVENT_TIME);
        return;
      }
      out.text = HtmlEntities.unescape(chosen);
      out.id = Long.toString(hasId ? id : idFromString);
      out.author = author;
      out.eventTimeMillis = eventTime;
      out.retweet = retweet;
    }

    /** The nested tweet: its text and extended text; everything else skipped. */
    private void readRetweetedStatus() throws IOException {
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        JsonToken value = parser.nextToken();
        if (name.equals("text")) {
          retweetText = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          parser.skipChildren();   // a text that is an object or array: skipped, not read as this object's keys
        } else if (name.equals("extended_tweet") && value == JsonToken.START_OBJECT) {
          retweetExtendedText = readFullText();
        } else {
          if (name.equals("extended_tweet")) {
            retweetExtendedText = null;   // a repeated key: the last one counts
          }
          parser.skipChildren();
        }
      }
      JsonReading.requireEndObject(parser);
    }

    /** Inside {@code extended_tweet}: {@code full_text}, or null when absent or not a string. */
    private String readFullText() throws IOException {
      String fullText = null;
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        JsonToken value = parser.nextToken();
        if (name.equals("full_text")) {
          fullText = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          parser.skipChildren();   // a full_text that is an object or array: skipped, not read as this object's keys
        } else {
          parser.skipChildren();
        }
      }
      JsonReading.requireEndObject(parser);
      return fullText;
    }

    private long readTimestampMs(JsonToken value) throws IOException {
      long millis;
      if (value == JsonToken.VALUE_STRING) {
        millis = JsonReading.digits(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
      } else if (value == JsonToken.VALUE_NUMBER_INT && JsonReading.fitsInLong(parser)) {
        millis = parser.getLongValue();
      } else {
        return CreatedAtParser.INVALID;
      }
      // Spark keeps microseconds in a long: refuse what would overflow there.
      return millis < 0 || millis > Long.MAX_VALUE / 1000 ? CreatedAtParser.INVALID : millis;
    }
  }
}
