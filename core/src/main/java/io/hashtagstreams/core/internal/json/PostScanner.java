package io.hashtagstreams.core.internal.json;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.PostFormat;
import io.hashtagstreams.core.RejectReason;

/**
 * Reads the fields {@code extractText} needs from one record's bytes in a single forward pass, whatever its
 * {@link PostFormat}: the format is recognised from the record's first keys and the rest of the pass is handed to
 * that format's scanner ({@link TweetScanner}, {@link XPostScanner}, {@link JetstreamScanner},
 * {@link MastodonScanner}), which continues from the same parser position.
 *
 * <p>Order of work: null and blank checks (a keep-alive {@code \r\n} of the X stream is
 * {@link RejectReason#EMPTY_VALUE}), a UTF-8 check (Jackson does not validate the strings it skips), server-sent
 * event text (Mastodon), a cheap truncation check (the last non-blank byte of an object must be <code>}</code>),
 * then the keys.
 *
 * <p>How the format is told apart, key by key until one decides:
 * <ul>
 *   <li>a key only one format has decides by its name: {@code data}, {@code includes}, {@code errors},
 *       {@code author_id}, {@code edit_history_tweet_ids}, ... for X v2; {@code did}, {@code time_us},
 *       {@code kind}, {@code commit} for Jetstream; {@code uri}, {@code content}, {@code account}, {@code stream},
 *       {@code payload}, ... for Mastodon; the v1.1 notices ({@code delete}, {@code limit}, ...) and
 *       {@code id_str}, {@code user}, {@code timestamp_ms}, {@code retweeted_status} for v1.1;</li>
 *   <li>keys several formats share decide by their value: a numeric {@code id} or a {@code created_at} in
 *       Twitter's v1.1 form ({@code Fri Jul 29 12:46:00 +0000 2016}) means v1.1; {@code event} with a Mastodon
 *       streaming event name means Mastodon (any other {@code event} is a v1.1 notice); a string {@code id},
 *       an ISO {@code created_at}, {@code text} and {@code lang} are kept and handed on;</li>
 *   <li>an object that never decides is read as v1.1, so its reasons are v1.1's ({@code {"anything":1}} is
 *       {@link RejectReason#MISSING_TEXT}, as before 0.3).</li>
 * </ul>
 *
 * <p>A record whose format is not in {@link ExtractOptions#formats()} is rejected as
 * {@link RejectReason#FORMAT_NOT_ACCEPTED}, after the pass (the pass also checks the structure). Immutable and
 * thread-safe; each call fills the caller's {@link ScanResult}.
 */
public final class PostScanner implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final Set<PostFormat> accepted;
  private final boolean fastSkip;
  private final TweetScanner twitter;
  private final XPostScanner x;
  private final JetstreamScanner bluesky;
  private final MastodonScanner mastodon;

  /** A scanner reading records with {@code options}. */
  public PostScanner(ExtractOptions options) {
    this(options, true);
  }

  /** With {@code fastSkip} false, unneeded values are skipped by Jackson's tokenizer (for comparison tests). */
  PostScanner(ExtractOptions options, boolean fastSkip) {
    this.accepted = EnumSet.copyOf(options.formats());
    this.fastSkip = fastSkip;
    this.twitter = new TweetScanner(options);
    this.x = new XPostScanner(options);
    this.bluesky = new JetstreamScanner();
    this.mastodon = new MastodonScanner(options, fastSkip);
  }

  /** Scans all of {@code bytes} (null allowed) into {@code out} and returns it. */
  public ScanResult scan(byte[] bytes, ScanResult out) {
    if (bytes == null) {
      out.reset();
      return out.reject(RejectReason.NULL_VALUE);
    }
    return scan(bytes, 0, bytes.length, out);
  }

  /** Scans {@code bytes[offset, offset + length)} into {@code out} and returns it. */
  public ScanResult scan(byte[] bytes, int offset, int length, ScanResult out) {
    out.reset();
    int first = offset;
    int end = offset + length;
    while (first < end && JsonReading.isBlank(bytes[first])) {
      first++;
    }
    if (first == end) {
      return out.reject(RejectReason.EMPTY_VALUE);
    }
    if (!Utf8Validator.isValid(bytes, offset, length)) {
      return out.reject(RejectReason.INVALID_UTF8);
    }
    try {
      if (MastodonScanner.isServerSentEvent(bytes, first, end)) {
        mastodon.readServerSentEvent(bytes, first, end - first, out);
        return checkAccepted(out);
      }
    } catch (IOException | RuntimeException e) {
      return malformed(out);
    }
    int last = end - 1;
    while (JsonReading.isBlank(bytes[last])) {
      last--;
    }
    if (bytes[first] == '{' && bytes[last] != '}') {
      return out.reject(RejectReason.MALFORMED_JSON);
    }
    try (JsonParser parser = JsonReading.parser(bytes, offset, length, fastSkip)) {
      JsonToken token = parser.nextToken();
      if (token != JsonToken.START_OBJECT) {
        parser.skipChildren();
        return out.reject(parser.nextToken() == null ? RejectReason.NOT_AN_OBJECT : RejectReason.MALFORMED_JSON);
      }
      dispatch(parser, out);
      if (parser.nextToken() != null) {
        return malformed(out);
      }
      return checkAccepted(out);
    } catch (IOException | RuntimeException e) {
      // IOException: malformed JSON or limits exceeded (StreamConstraintsException). RuntimeException: Jackson's
      // number and state errors on hostile input. Either way the record cannot be read; it must not stop the query.
      return malformed(out);
    }
  }

  private static ScanResult malformed(ScanResult out) {
    out.reset();
    return out.reject(RejectReason.MALFORMED_JSON);
  }

  private ScanResult checkAccepted(ScanResult out) {
    if (out.format != null && !accepted.contains(out.format)) {
      PostFormat format = out.format;
      out.reset();
      out.format = format;
      return out.reject(RejectReason.FORMAT_NOT_ACCEPTED);
    }
    return out;
  }

  /** Reads the top-level object's keys until one tells the format, then hands the pass to that format. */
  private void dispatch(JsonParser parser, ScanResult out) throws IOException {
    FirstFields first = new FirstFields();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      if (XPostScanner.isKey(name)) {
        x.read(parser, name, first, out);
        return;
      }
      if (JetstreamScanner.isKey(name)) {
        bluesky.read(parser, name, out);
        return;
      }
      if (MastodonScanner.isKey(name)) {
        mastodon.read(parser, name, first, null, out);
        return;
      }
      if (isTwitterV1Key(name)) {
        twitter.read(parser, name, first, out);
        return;
      }
      JsonToken value = parser.nextToken();
      switch (name) {
        case "id":
          if (value == JsonToken.VALUE_NUMBER_INT && JsonReading.fitsInLong(parser)) {
            first.hasLongId = true;
            first.longId = parser.getLongValue();
            twitter.read(parser, null, first, out);
            return;
          }
          first.idText = JsonReading.stringOrNull(parser, value);
          break;
        case "created_at":
          first.hasCreatedAt = true;
          if (value == JsonToken.VALUE_STRING) {
            char[] chars = parser.getTextCharacters();
            int from = parser.getTextOffset();
            int count = parser.getTextLength();
            first.createdAtV1 = CreatedAtParser.parse(chars, from, count);
            if (first.createdAtV1 != CreatedAtParser.INVALID) {
              twitter.read(parser, null, first, out);
              return;
            }
            first.createdAtIso = IsoInstantParser.parse(chars, from, count);
          } else {
            parser.skipChildren();
          }
          break;
        case "text":
          first.hasText = true;
          first.text = JsonReading.stringOrNull(parser, value);
          break;
        case "lang":
          first.hasLang = true;
          first.lang = JsonReading.stringOrNull(parser, value);
          break;
        case "event":
          String event = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          if (event != null && MastodonScanner.isStreamingEvent(event)) {
            mastodon.read(parser, null, first, event, out);
          } else {
            out.format = PostFormat.TWITTER_V1;
            out.reject(RejectReason.OTHER_NOTICE);
            JsonReading.skipRestOfObject(parser);
          }
          return;
        default:
          parser.skipChildren();
          break;
      }
    }
    // The object ended before any key told the format: it is read as v1.1.
    twitter.finishRead(first, out);
  }

  private static boolean isTwitterV1Key(String name) {
    switch (name) {
      case "id_str":
      case "user":
      case "timestamp_ms":
      case "retweeted_status":
      case "extended_tweet":
      case "truncated":
      case "source":
        return true;
      default:
        return TweetScanner.noticeReason(name) != null;
    }
  }
}
