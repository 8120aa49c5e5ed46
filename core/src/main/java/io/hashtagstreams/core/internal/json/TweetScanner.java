package io.hashtagstreams.core.internal.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.hashtagstreams.core.EventTimeField;
import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.RejectReason;
import io.hashtagstreams.core.internal.text.HtmlEntities;

/**
 * Reads the fields {@code extractText} needs from one tweet's JSON bytes in a single forward pass.
 *
 * <p>Order of work: null and blank checks, a UTF-8 check (Jackson does not validate the strings it skips), a
 * cheap truncation check (the last non-blank byte of an object must be <code>}</code>), then one pass of Jackson's
 * streaming parser over the top-level keys. Values that are not needed ({@code user}, {@code entities},
 * {@code quoted_status}, ...) are skipped with {@link SkippingJsonParser#skipChildren()}, a raw byte scan to the
 * matching close that leaves Jackson's parser state as its own {@code skipChildren()} would.
 * Only the tweet's own {@code text}, {@code extended_tweet.full_text}, {@code retweeted_status} (its text and
 * extended text), {@code id}/{@code id_str}, the event-time field and {@code lang} are decoded, so the key order
 * does not matter. The remainder of a notice or of an excluded retweet is skipped the same way, so a record cut
 * short is always rejected as {@link RejectReason#MALFORMED_JSON} rather than read.
 *
 * <p>The scan reads to the end of the top-level object: whether {@code retweeted_status} or {@code extended_tweet}
 * exist is only known there whatever the key order, and in the stream layout {@code lang} is the last field but
 * one anyway. Reading to the end also validates the structure, which catches a record cut right after a nested
 * <code>}</code>.
 *
 * <p>What the raw skip trades: inside a skipped nested value only the structure is checked (strings are
 * terminated, with backslash escapes honoured; every <code>}</code> closes a <code>{</code> and every
 * <code>]</code> a <code>[</code>; the input does not end inside it). Separators, that keys are strings, number
 * and literal syntax, Jackson's number-length limit, escape sequences and unescaped control characters inside
 * skipped strings are no longer checked there, so such a record is now read instead of rejected as
 * {@link RejectReason#MALFORMED_JSON}. Everything the scan reads (top-level keys and scalars, the inside of
 * {@code retweeted_status} and {@code extended_tweet}) is still fully tokenized, and UTF-8 is still validated
 * for the whole record. On input that plain Jackson accepts the result is the same.
 *
 * <p>A key that appears twice counts with its last value, as in a JSON tree (Jackson's {@code readTree}), which
 * the fuzz tests ({@code TweetScannerFuzzTest}) use as the oracle; only with {@code excludeRetweets} the first
 * {@code retweeted_status} object already excludes the record.
 *
 * <p>When several things are wrong, the first of: notice, missing text, missing id, bad event time.
 * Immutable and thread-safe; each call fills the caller's {@link ScanResult}.
 */
public final class TweetScanner implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  // Thread-safe and expensive to create: one per JVM. Hash-flooding protection would throw on hostile field
  // names; such records are rejected anyway, so the canonicalizer just stops caching instead.
  private static final JsonFactory FACTORY = new SkippingJsonFactory(factoryBuilder());
  // Jackson's own skipChildren(), for tests that compare the two.
  private static final JsonFactory PLAIN_FACTORY = factoryBuilder().build();

  private final boolean excludeRetweets;
  private final boolean timestampMs;
  private final boolean fastSkip;

  public TweetScanner(ExtractOptions options) {
    this(options, true);
  }

  /** With {@code fastSkip} false, unneeded values are skipped by Jackson's tokenizer (for comparison tests). */
  TweetScanner(ExtractOptions options, boolean fastSkip) {
    this.excludeRetweets = options.excludeRetweets();
    this.timestampMs = options.eventTimeField() == EventTimeField.TIMESTAMP_MS;
    this.fastSkip = fastSkip;
  }

  private static JsonFactoryBuilder factoryBuilder() {
    return new JsonFactoryBuilder().disable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW);
  }

  /** Scans all of {@code bytes} (null allowed) into {@code out} and returns it. */
  public ScanResult scan(byte[] bytes, ScanResult out) {
    return bytes == null ? out.reject(RejectReason.NULL_VALUE) : scan(bytes, 0, bytes.length, out);
  }

  /** Scans {@code bytes[offset, offset + length)} into {@code out} and returns it. */
  public ScanResult scan(byte[] bytes, int offset, int length, ScanResult out) {
    out.reset();
    int first = offset;
    int end = offset + length;
    while (first < end && isBlank(bytes[first])) {
      first++;
    }
    if (first == end) {
      return out.reject(RejectReason.EMPTY_VALUE);
    }
    if (!Utf8Validator.isValid(bytes, offset, length)) {
      return out.reject(RejectReason.INVALID_UTF8);
    }
    int last = end - 1;
    while (isBlank(bytes[last])) {
      last--;
    }
    if (bytes[first] == '{' && bytes[last] != '}') {
      return out.reject(RejectReason.MALFORMED_JSON);
    }
    try (JsonParser parser = (fastSkip ? FACTORY : PLAIN_FACTORY).createParser(bytes, offset, length)) {
      JsonToken token = parser.nextToken();
      if (token != JsonToken.START_OBJECT) {
        parser.skipChildren();
        return out.reject(parser.nextToken() == null ? RejectReason.NOT_AN_OBJECT : RejectReason.MALFORMED_JSON);
      }
      new TopLevelReader(parser, out).read();
      if (parser.nextToken() != null) {
        return out.reject(RejectReason.MALFORMED_JSON);
      }
      return out;
    } catch (IOException | RuntimeException e) {
      // IOException: malformed JSON or limits exceeded (StreamConstraintsException). RuntimeException: Jackson's
      // number and state errors on hostile input. Either way the record cannot be read; it must not stop the query.
      out.reset();
      return out.reject(RejectReason.MALFORMED_JSON);
    }
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
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
    private long eventTime = CreatedAtParser.INVALID;

    TopLevelReader(JsonParser parser, ScanResult out) {
      this.parser = parser;
      this.out = out;
    }

    /** Reads up to and including the object's END_OBJECT and fills {@code out}. */
    void read() throws IOException {
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        JsonToken value = parser.nextToken();
        RejectReason notice = noticeReason(name);
        if (notice != null) {
          out.reject(notice);
          skipRemainder();
          return;
        }
        if (readField(name, value)) {
          skipRemainder();
          return;
        }
      }
      requireEndObject();
      finish();
    }

    /** Reads one top-level value; true when the rest of the object is not needed. */
    private boolean readField(String name, JsonToken value) throws IOException {
      switch (name) {
        case "id":
          // A repeated key: the last one counts, as in a JSON tree (so an invalid later id drops an earlier one).
          hasId = value == JsonToken.VALUE_NUMBER_INT && fitsInLong();
          id = hasId ? parser.getLongValue() : 0;
          break;
        case "id_str":
          idFromString = value == JsonToken.VALUE_STRING
              ? digits(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength())
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
        case "extended_tweet":
          extendedText = value == JsonToken.START_OBJECT ? readFullText() : null;
          break;
        case "retweeted_status":
          retweet = value == JsonToken.START_OBJECT;
          retweetText = null;
          retweetExtendedText = null;
          if (retweet) {
            if (excludeRetweets) {
              out.excluded = true;
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
      out.id = hasId ? id : idFromString;
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
      requireEndObject();
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
      requireEndObject();
      return fullText;
    }

    private long readTimestampMs(JsonToken value) throws IOException {
      long millis;
      if (value == JsonToken.VALUE_STRING) {
        millis = digits(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
      } else if (value == JsonToken.VALUE_NUMBER_INT && fitsInLong()) {
        millis = parser.getLongValue();
      } else {
        return CreatedAtParser.INVALID;
      }
      // Spark keeps microseconds in a long: refuse what would overflow there.
      return millis < 0 || millis > Long.MAX_VALUE / 1000 ? CreatedAtParser.INVALID : millis;
    }

    private boolean fitsInLong() throws IOException {
      JsonParser.NumberType type = parser.getNumberType();
      return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
    }

    /** Skips the rest of the current object without decoding it; the structure is still checked. */
    private void skipRemainder() throws IOException {
      parser.skipChildren();
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
        if (token == null) {
          throw new IOException("unexpected end of input");
        }
        parser.skipChildren();
      }
    }

    private void requireEndObject() throws IOException {
      if (parser.currentToken() != JsonToken.END_OBJECT) {
        throw new IOException("expected the end of an object");
      }
    }
  }

  /** A non-negative decimal number that fits in a long, or -1. */
  private static long digits(char[] chars, int offset, int length) {
    if (length == 0 || length > 19) {
      return -1;
    }
    long value = 0;
    for (int i = offset; i < offset + length; i++) {
      int digit = chars[i] - '0';
      if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /** The reason for a top-level key that only non-tweet stream messages carry, or null. */
  private static RejectReason noticeReason(String name) {
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
      case "event":
      case "for_user":
      case "control":
      case "direct_message":
        return RejectReason.OTHER_NOTICE;
      default:
        return null;
    }
  }
}
