package io.hashtagstreams.core.internal.json;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hashtagstreams.core.RejectReason;

/**
 * What {@code extractText} must read from an X/Twitter API v1.1 status, decided on Jackson's tree (duplicate keys:
 * the last one counts, as in Jackson's tree), with the default {@code ExtractOptions} (event time from
 * {@code created_at}, retweets kept).
 *
 * <p>The rules, as {@code HashtagOps.extractText} and {@code RejectReason} document them and Twitter's v1.1 "Tweet
 * object" and "Streaming message types" pages define the fields:
 * <ul>
 *   <li>a top-level key of a stream message that is not a status ({@code delete}, {@code limit}, {@code warning},
 *       ...) makes the record that notice, the first such key in document order deciding;</li>
 *   <li>text: for a retweet ({@code retweeted_status} is an object) the retweeted status's
 *       {@code extended_tweet.full_text}, else its {@code text}; otherwise the same two of the record itself; a value
 *       that is not a string counts as absent; {@code &amp;amp;}, {@code &amp;lt;}, {@code &amp;gt;} decoded in one
 *       left-to-right pass;</li>
 *   <li>id: {@code id} when it is an integer that fits in a long, else {@code id_str} when it is 1 to 19 decimal
 *       digits that fit in a long;</li>
 *   <li>event time: {@code created_at} in Twitter's format {@code EEE MMM dd HH:mm:ss Z yyyy} with English names,
 *       the weekday a valid name but not checked against the date, parsed here by {@code java.time};</li>
 *   <li>lang: {@code lang} when it is a string, else null;</li>
 *   <li>when several are wrong: notice, then missing text, missing id, bad event time.</li>
 * </ul>
 */
public final class TwitterV1Oracle implements FormatOracle {

  private static final Map<String, RejectReason> NOTICES = Map.ofEntries(
      Map.entry("delete", RejectReason.DELETE_NOTICE),
      Map.entry("limit", RejectReason.LIMIT_NOTICE),
      Map.entry("scrub_geo", RejectReason.OTHER_NOTICE),
      Map.entry("status_withheld", RejectReason.OTHER_NOTICE),
      Map.entry("user_withheld", RejectReason.OTHER_NOTICE),
      Map.entry("disconnect", RejectReason.OTHER_NOTICE),
      Map.entry("warning", RejectReason.OTHER_NOTICE),
      Map.entry("friends", RejectReason.OTHER_NOTICE),
      Map.entry("friends_str", RejectReason.OTHER_NOTICE),
      Map.entry("event", RejectReason.OTHER_NOTICE),
      Map.entry("for_user", RejectReason.OTHER_NOTICE),
      Map.entry("control", RejectReason.OTHER_NOTICE),
      Map.entry("direct_message", RejectReason.OTHER_NOTICE));

  /** The keys that notices carry, for generators. */
  static final Set<String> NOTICE_KEYS = NOTICES.keySet();

  private static final Set<String> WEEKDAYS = Set.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
  private static final DateTimeFormatter AFTER_WEEKDAY = new DateTimeFormatterBuilder()
      .appendPattern("MMM dd HH:mm:ss xx uuuu")
      .toFormatter(Locale.ENGLISH)
      .withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt);");
  private static final Pattern ID_DIGITS = Pattern.compile("[0-9]{1,19}");
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  @Override
  public String name() {
    return "twitter-v1";
  }

  @Override
  public ScanOutcome expect(ObjectNode root) {
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      RejectReason notice = NOTICES.get(names.next());
      if (notice != null) {
        return ScanOutcome.rejected(notice);
      }
    }
    JsonNode retweeted = root.get("retweeted_status");
    boolean retweet = retweeted != null && retweeted.isObject();
    String text = fullTextOrText(retweet ? retweeted : root);
    if (text == null) {
      return ScanOutcome.rejected(RejectReason.MISSING_TEXT);
    }
    Long id = id(root);
    if (id == null) {
      return ScanOutcome.rejected(RejectReason.MISSING_ID);
    }
    Long millis = createdAt(root.get("created_at"));
    if (millis == null) {
      return ScanOutcome.rejected(RejectReason.BAD_EVENT_TIME);
    }
    JsonNode lang = root.get("lang");
    return ScanOutcome.accepted(id, decodeEntities(text), millis, lang != null && lang.isTextual()
        ? lang.textValue() : null, retweet);
  }

  private static String fullTextOrText(JsonNode status) {
    JsonNode extended = status.get("extended_tweet");
    if (extended != null && extended.isObject()) {
      JsonNode fullText = extended.get("full_text");
      if (fullText != null && fullText.isTextual()) {
        return fullText.textValue();
      }
    }
    JsonNode text = status.get("text");
    return text != null && text.isTextual() ? text.textValue() : null;
  }

  private static Long id(ObjectNode root) {
    JsonNode id = root.get("id");
    if (id != null && id.isIntegralNumber() && id.bigIntegerValue().bitLength() < Long.SIZE) {
      return id.bigIntegerValue().longValueExact();
    }
    JsonNode idStr = root.get("id_str");
    if (idStr != null && idStr.isTextual() && ID_DIGITS.matcher(idStr.textValue()).matches()) {
      BigInteger value = new BigInteger(idStr.textValue());
      return value.compareTo(LONG_MAX) <= 0 ? value.longValue() : null;
    }
    return null;
  }

  private static Long createdAt(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return null;
    }
    String value = node.textValue();
    if (value.length() < 4 || !WEEKDAYS.contains(value.substring(0, 3)) || value.charAt(3) != ' ') {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.substring(4), AFTER_WEEKDAY).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String decodeEntities(String text) {
    Matcher matcher = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      matcher.appendReplacement(out, name.equals("amp") ? "&" : name.equals("lt") ? "<" : ">");
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
