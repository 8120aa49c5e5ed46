package io.hashtagstreams.core.sample;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/** Writes a {@link Status} in the 2016 streaming API's field order, as one line of ASCII JSON. */
final class StatusWriter {

  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
      "Nov", "Dec"};
  private static final String[][] PLACES = {
      {"Rio de Janeiro", "Brasil", "BR", "-43.79", "-23.08"}, {"Manhattan", "United States", "US", "-74.03", "40.68"},
      {"Tokyo", "日本", "JP", "139.56", "35.53"}, {"Москва", "Россия", "RU", "37.32", "55.49"},
      {"Madrid", "España", "ES", "-3.83", "40.31"}, {"서울", "대한민국", "KR", "126.76", "37.41"},
      {"Riyadh", "المملكة العربية السعودية", "SA", "46.55", "24.47"}, {"Mumbai", "India", "IN", "72.77", "18.89"}};
  private static final String[] COLORS = {"C0DEED", "0084B4", "DDEEF6", "333333", "FFFFFF", "000000", "1DA1F2",
      "F5F8FA", "ABB8C2", "E81C4F"};

  private StatusWriter() {
  }

  /** Appends the whole status; {@code topLevel} adds the stream-only {@code filter_level} and {@code timestamp_ms}. */
  static void write(StringBuilder out, Status status, boolean topLevel) {
    out.append('{');
    JsonText.name(out, "created_at");
    out.append('"');
    createdAt(out, Math.floorDiv(status.timestampMs, 1000));
    out.append("\",");
    JsonText.name(out, "id").append(status.id).append(',');
    JsonText.name(out, "id_str").append('"').append(status.id).append("\",");
    JsonText.name(out, "text");
    JsonText.string(out, JsonText.htmlEscape(status.text.text)).append(',');
    JsonText.name(out, "source");
    JsonText.string(out, status.source).append(',');
    JsonText.name(out, "truncated").append(status.extended != null).append(',');
    out.append("\"in_reply_to_status_id\":null,\"in_reply_to_status_id_str\":null,\"in_reply_to_user_id\":null,"
        + "\"in_reply_to_user_id_str\":null,\"in_reply_to_screen_name\":null,");
    JsonText.name(out, "user");
    user(out, status.userSeed, status.lang);
    out.append(",\"geo\":null,\"coordinates\":null,");
    JsonText.name(out, "place");
    place(out, status.place);
    out.append(",\"contributors\":null,");
    if (status.retweeted != null) {
      JsonText.name(out, "retweeted_status");
      write(out, status.retweeted, false);
      out.append(',');
    }
    if (status.quoted != null) {
      JsonText.name(out, "quoted_status_id").append(status.quoted.id).append(',');
      JsonText.name(out, "quoted_status_id_str").append('"').append(status.quoted.id).append("\",");
      JsonText.name(out, "quoted_status");
      write(out, status.quoted, false);
      out.append(',');
    }
    JsonText.name(out, "is_quote_status").append(status.quoted != null).append(',');
    if (status.extended != null) {
      JsonText.name(out, "extended_tweet").append('{');
      JsonText.name(out, "full_text");
      JsonText.string(out, JsonText.htmlEscape(status.extended.text)).append(',');
      JsonText.name(out, "display_text_range").append("[0,")
          .append(TweetText.codePoints(status.extended.text)).append("],");
      JsonText.name(out, "entities");
      entities(out, status.extended, status.userSeed);
      extendedEntities(out, status.extended, status);
      out.append("},");
    }
    JsonText.name(out, "retweet_count").append(status.retweetCount).append(',');
    JsonText.name(out, "favorite_count").append(status.favoriteCount).append(',');
    JsonText.name(out, "entities");
    entities(out, status.text, status.userSeed);
    extendedEntities(out, status.text, status);
    out.append(",\"favorited\":false,\"retweeted\":false,");
    if (status.text.spans.stream().anyMatch(span -> span.type == TweetText.URL)) {
      out.append("\"possibly_sensitive\":false,");
    }
    if (topLevel) {
      out.append("\"filter_level\":\"low\",");
    }
    JsonText.name(out, "lang");
    JsonText.string(out, status.lang);
    if (topLevel) {
      out.append(',');
      JsonText.name(out, "timestamp_ms").append('"').append(status.timestampMs).append('"');
    }
    out.append('}');
  }

  /** {@code EEE MMM dd HH:mm:ss +0000 yyyy} in English, whatever the default locale. */
  static void createdAt(StringBuilder out, long epochSecond) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    out.append(DAYS[time.getDayOfWeek().getValue() - 1]).append(' ')
        .append(MONTHS[time.getMonthValue() - 1]).append(' ');
    twoDigits(out, time.getDayOfMonth()).append(' ');
    twoDigits(out, time.getHour()).append(':');
    twoDigits(out, time.getMinute()).append(':');
    twoDigits(out, time.getSecond()).append(" +0000 ").append(time.getYear());
  }

  private static StringBuilder twoDigits(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  private static void entities(StringBuilder out, TweetText text, long userSeed) {
    out.append("{\"hashtags\":[");
    boolean first = true;
    for (TweetText.Span span : text.spans) {
      if (span.type == TweetText.HASHTAG) {
        out.append(first ? "" : ",").append('{');
        first = false;
        JsonText.name(out, "text");
        JsonText.string(out, span.value).append(',');
        indices(out, text.text, span);
        out.append('}');
      }
    }
    out.append("],\"urls\":[");
    first = true;
    for (TweetText.Span span : text.spans) {
      if (span.type == TweetText.URL) {
        out.append(first ? "" : ",").append('{');
        first = false;
        JsonText.name(out, "url");
        JsonText.string(out, span.value).append(',');
        JsonText.name(out, "expanded_url");
        JsonText.string(out, "http://example.com/" + Long.toString(userSeed & 0xFFFFF, 36)).append(',');
        JsonText.name(out, "display_url");
        JsonText.string(out, "example.com/" + Long.toString(userSeed & 0xFFFFF, 36)).append(',');
        indices(out, text.text, span);
        out.append('}');
      }
    }
    out.append("],\"user_mentions\":[");
    first = true;
    for (TweetText.Span span : text.spans) {
      if (span.type == TweetText.MENTION) {
        out.append(first ? "" : ",").append('{');
        first = false;
        long mentionedId = 10_000_000L + (span.value.hashCode() & 0x7FFFFFFFL);
        JsonText.name(out, "screen_name");
        JsonText.string(out, span.value).append(',');
        JsonText.name(out, "name");
        JsonText.string(out, span.value.replace('_', ' ')).append(',');
        JsonText.name(out, "id").append(mentionedId).append(',');
        JsonText.name(out, "id_str").append('"').append(mentionedId).append("\",");
        indices(out, text.text, span);
        out.append('}');
      }
    }
    out.append("],\"symbols\":[]");
    if (hasMedia(text)) {
      out.append(",\"media\":");
      media(out, text, userSeed);
    }
    out.append('}');
  }

  private static boolean hasMedia(TweetText text) {
    for (TweetText.Span span : text.spans) {
      if (span.type == TweetText.MEDIA) {
        return true;
      }
    }
    return false;
  }

  private static void extendedEntities(StringBuilder out, TweetText text, Status status) {
    if (hasMedia(text)) {
      out.append(",\"extended_entities\":{\"media\":");
      media(out, text, status.userSeed);
      out.append('}');
    }
  }

  private static void media(StringBuilder out, TweetText text, long userSeed) {
    out.append('[');
    boolean first = true;
    for (TweetText.Span span : text.spans) {
      if (span.type == TweetText.MEDIA) {
        out.append(first ? "" : ",").append('{');
        first = false;
        long mediaId = 760_000_000_000_000_000L + (userSeed & 0xFFFFFFFFFFL);
        String file = Long.toString(mediaId, 36);
        JsonText.name(out, "id").append(mediaId).append(',');
        JsonText.name(out, "id_str").append('"').append(mediaId).append("\",");
        indices(out, text.text, span);
        out.append(',');
        JsonText.name(out, "media_url");
        JsonText.string(out, "http://pbs.twimg.com/media/" + file + ".jpg").append(',');
        JsonText.name(out, "media_url_https");
        JsonText.string(out, "https://pbs.twimg.com/media/" + file + ".jpg").append(',');
        JsonText.name(out, "url");
        JsonText.string(out, span.value).append(',');
        JsonText.name(out, "display_url");
        JsonText.string(out, "pic.twitter.com/" + span.value.substring(span.value.length() - 10)).append(',');
        JsonText.name(out, "expanded_url");
        JsonText.string(out, "https://twitter.com/" + screenName(userSeed) + "/status/" + mediaId + "/photo/1")
            .append(',');
        out.append("\"type\":\"photo\",\"sizes\":{\"medium\":{\"w\":1200,\"h\":800,\"resize\":\"fit\"},"
            + "\"thumb\":{\"w\":150,\"h\":150,\"resize\":\"crop\"},\"small\":{\"w\":680,\"h\":453,"
            + "\"resize\":\"fit\"},\"large\":{\"w\":2048,\"h\":1365,\"resize\":\"fit\"}}}");
      }
    }
    out.append(']');
  }

  /** A place from the fixed list, or {@code null} when {@code index} is negative. */
  private static void place(StringBuilder out, int index) {
    if (index < 0) {
      out.append("null");
      return;
    }
    String[] place = PLACES[index % PLACES.length];
    String id = Long.toHexString(0x01a9a39529b27f36L + index * 7919L);
    out.append('{');
    JsonText.name(out, "id");
    JsonText.string(out, id).append(',');
    JsonText.name(out, "url");
    JsonText.string(out, "https://api.twitter.com/1.1/geo/id/" + id + ".json").append(',');
    out.append("\"place_type\":\"city\",");
    JsonText.name(out, "name");
    JsonText.string(out, place[0]).append(',');
    JsonText.name(out, "full_name");
    JsonText.string(out, place[0] + ", " + place[1]).append(',');
    JsonText.name(out, "country_code");
    JsonText.string(out, place[2]).append(',');
    JsonText.name(out, "country");
    JsonText.string(out, place[1]).append(',');
    double lon = Double.parseDouble(place[3]);
    double lat = Double.parseDouble(place[4]);
    out.append("\"bounding_box\":{\"type\":\"Polygon\",\"coordinates\":[[[").append(lon).append(',')
        .append(lat).append("],[").append(lon).append(',').append(lat + 0.25).append("],[")
        .append(lon + 0.25).append(',').append(lat + 0.25).append("],[").append(lon + 0.25).append(',')
        .append(lat).append("]]]},\"attributes\":{}}");
  }

  private static void indices(StringBuilder out, String text, TweetText.Span span) {
    int start = Character.codePointCount(text, 0, span.start);
    int end = start + Character.codePointCount(text, span.start, span.end);
    out.append("\"indices\":[").append(start).append(',').append(end).append(']');
  }

  /** A user object of about 25 fields, derived deterministically from {@code seed}. */
  private static void user(StringBuilder out, long seed, String tweetLang) {
    SplittableRandom random = new SplittableRandom(seed);
    int who = random.nextInt(Vocabulary.SCREEN_NAMES.length);
    long id = 100_000L + (seed & 0xFFFFFFFFL);
    String screenName = screenName(seed);
    String imagePath = id + "/" + TweetText.randomChars(random, 12) + "_normal.jpg";
    out.append('{');
    JsonText.name(out, "id").append(id).append(',');
    JsonText.name(out, "id_str").append('"').append(id).append("\",");
    JsonText.name(out, "name");
    JsonText.string(out, Vocabulary.NAMES[who]).append(',');
    JsonText.name(out, "screen_name");
    JsonText.string(out, screenName).append(',');
    JsonText.name(out, "location");
    JsonText.string(out, random.nextBoolean() ? Vocabulary.any(Vocabulary.TIME_ZONES, random) : null).append(',');
    JsonText.name(out, "url");
    JsonText.string(out, random.nextBoolean() ? "http://www.example.com/~" + screenName : null).append(',');
    JsonText.name(out, "description");
    JsonText.string(out, description(random)).append(',');
    out.append("\"protected\":false,");
    JsonText.name(out, "verified").append(random.nextInt(50) == 0).append(',');
    JsonText.name(out, "followers_count").append(random.nextInt(50_000)).append(',');
    JsonText.name(out, "friends_count").append(random.nextInt(5_000)).append(',');
    JsonText.name(out, "listed_count").append(random.nextInt(300)).append(',');
    JsonText.name(out, "favourites_count").append(random.nextInt(80_000)).append(',');
    JsonText.name(out, "statuses_count").append(random.nextInt(200_000)).append(',');
    JsonText.name(out, "created_at").append('"');
    createdAt(out, 1_200_000_000L + random.nextInt(260_000_000));
    out.append("\",");
    int zone = random.nextInt(Vocabulary.TIME_ZONES.length);
    JsonText.name(out, "utc_offset").append((zone - 5) * 3600).append(',');
    JsonText.name(out, "time_zone");
    JsonText.string(out, Vocabulary.TIME_ZONES[zone]).append(',');
    JsonText.name(out, "geo_enabled").append(random.nextBoolean()).append(',');
    JsonText.name(out, "lang");
    JsonText.string(out, "und".equals(tweetLang) ? "en" : tweetLang).append(',');
    out.append("\"contributors_enabled\":false,\"is_translator\":false,");
    String background = Vocabulary.any(COLORS, random);
    JsonText.name(out, "profile_background_color");
    JsonText.string(out, background).append(',');
    JsonText.name(out, "profile_background_image_url");
    JsonText.string(out, "http://abs.twimg.com/images/themes/theme1/bg.png").append(',');
    JsonText.name(out, "profile_background_image_url_https");
    JsonText.string(out, "https://abs.twimg.com/images/themes/theme1/bg.png").append(',');
    JsonText.name(out, "profile_background_tile").append(random.nextBoolean()).append(',');
    for (String field : new String[] {"profile_link_color", "profile_sidebar_border_color",
        "profile_sidebar_fill_color", "profile_text_color"}) {
      JsonText.name(out, field);
      JsonText.string(out, Vocabulary.any(COLORS, random)).append(',');
    }
    out.append("\"profile_use_background_image\":true,");
    JsonText.name(out, "profile_image_url");
    JsonText.string(out, "http://pbs.twimg.com/profile_images/" + imagePath).append(',');
    JsonText.name(out, "profile_image_url_https");
    JsonText.string(out, "https://pbs.twimg.com/profile_images/" + imagePath).append(',');
    JsonText.name(out, "profile_banner_url");
    JsonText.string(out, "https://pbs.twimg.com/profile_banners/" + id + "/1469796360").append(',');
    JsonText.name(out, "default_profile").append("C0DEED".equals(background)).append(',');
    out.append("\"default_profile_image\":false,\"following\":null,\"follow_request_sent\":null,"
        + "\"notifications\":null}");
  }

  /** The screen name of the user {@link #write} derives from {@code seed}. */
  static String screenName(long seed) {
    int who = new SplittableRandom(seed).nextInt(Vocabulary.SCREEN_NAMES.length);
    return Vocabulary.SCREEN_NAMES[who] + (seed & 0xFFF);
  }

  private static String description(SplittableRandom random) {
    Vocabulary.Language language = Vocabulary.language(random);
    StringBuilder text = new StringBuilder();
    int words = 8 + random.nextInt(18);
    for (int i = 0; i < words; i++) {
      text.append(i == 0 ? "" : " ").append(Vocabulary.any(language.words, random));
    }
    if (random.nextInt(3) == 0) {
      text.append(" #").append(language.tags.sample(random));
    }
    return text.toString();
  }
}
