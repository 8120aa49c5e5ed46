package io.hashtagstreams.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.hashtagstreams.core.EventTimeField;
import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.RejectReason;
import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.sample.TweetGenerator;

class TweetScannerTest {

  private static final String CREATED_AT = "\"Fri Jul 29 12:46:00 +0000 2016\"";
  private static final long CREATED_MILLIS = Instant.parse("2016-07-29T12:46:00Z").toEpochMilli();
  private static final String USER = "{\"id\":9,\"name\":\"A \\u00e9 \\ud83d\\udd25\",\"description\":\"#notMine\","
      + "\"entities\":{\"url\":{\"urls\":[]}},\"text\":\"user text\"}";

  private static final ExtractOptions DEFAULTS = ExtractOptions.defaults();
  private static final ExtractOptions TIMESTAMP_MS =
      ExtractOptions.builder().eventTimeField(EventTimeField.TIMESTAMP_MS).build();
  private static final ExtractOptions NO_RETWEETS = ExtractOptions.builder().excludeRetweets(true).build();

  /** A JSON object from key and raw-JSON value pairs, in the given order. */
  private static String object(List<String[]> fields) {
    StringBuilder out = new StringBuilder("{");
    for (String[] field : fields) {
      out.append(out.length() == 1 ? "" : ",").append('"').append(field[0]).append("\":").append(field[1]);
    }
    return out.append('}').toString();
  }

  private static String[] field(String name, String rawJson) {
    return new String[] {name, rawJson};
  }

  private static List<String[]> tweetFields(String text) {
    return new ArrayList<>(List.of(
        field("created_at", CREATED_AT),
        field("id", "758"),
        field("id_str", "\"758\""),
        field("text", text),
        field("truncated", "false"),
        field("user", USER),
        field("place", "null"),
        field("is_quote_status", "false"),
        field("entities", "{\"hashtags\":[{\"text\":\"x\",\"indices\":[0,2]}],\"urls\":[]}"),
        field("lang", "\"en\""),
        field("timestamp_ms", "\"1469796360123\"")));
  }

  private static ScanResult scan(String json, ExtractOptions options) {
    return scan(json.getBytes(StandardCharsets.UTF_8), options);
  }

  private static ScanResult scan(byte[] bytes, ExtractOptions options) {
    return new TweetScanner(options).scan(bytes, new ScanResult());
  }

  private static void assertTweet(ScanResult result, long id, String text, long millis, String lang,
      boolean retweet) {
    assertThat(result.reason()).as("reason").isNull();
    assertThat(result.accepted()).isTrue();
    assertThat(result.id()).isEqualTo(id);
    assertThat(result.text()).isEqualTo(text);
    assertThat(result.eventTimeMillis()).isEqualTo(millis);
    assertThat(result.lang()).isEqualTo(lang);
    assertThat(result.retweet()).isEqualTo(retweet);
  }

  private static void assertRejected(ScanResult result, RejectReason reason) {
    assertThat(result.reason()).isEqualTo(reason);
    assertThat(result.accepted()).isFalse();
    assertThat(result.excluded()).isFalse();
  }

  @Test
  void readsAPlainTweet() {
    assertTweet(scan(object(tweetFields("\"go #rio2016, go\"")), DEFAULTS), 758, "go #rio2016, go",
        CREATED_MILLIS, "en", false);
  }

  @Test
  void decodesJsonEscapesAndRawUtf8InTheText() {
    String json = object(tweetFields("\"\\u6771\\u4eac #\\u30ea\\u30aa\\u4e94\\u8f2a \\ud83d\\udd25 \\/ \\\"q\\\" "
        + "caf\u00e9\""));
    assertTweet(scan(json, DEFAULTS), 758, "東京 #リオ五輪 🔥 / \"q\" café", CREATED_MILLIS, "en", false);
  }

  @Test
  void takesTheExtendedFullTextOfALongTweet() {
    List<String[]> fields = tweetFields("\"cut short #rio\\u2026 https:\\/\\/t.co\\/x\"");
    fields.set(4, field("truncated", "true"));
    fields.add(8, field("extended_tweet", "{\"full_text\":\"the whole text #rio2016 &amp; more\","
        + "\"display_text_range\":[0,33],\"entities\":{\"hashtags\":[]}}"));
    assertTweet(scan(object(fields), DEFAULTS), 758, "the whole text #rio2016 & more", CREATED_MILLIS, "en", false);
  }

  @Test
  void takesTheRetweetedTweetsTextForARetweet() {
    List<String[]> original = tweetFields("\"original #Rio2016 text\"");
    original.set(1, field("id", "111"));
    original.remove(original.size() - 1);
    List<String[]> fields = tweetFields("\"RT @a: original #Rio20\\u2026\"");
    fields.add(7, field("retweeted_status", object(original)));
    assertTweet(scan(object(fields), DEFAULTS), 758, "original #Rio2016 text", CREATED_MILLIS, "en", true);
  }

  @Test
  void takesTheRetweetedTweetsExtendedTextWhenItIsLong() {
    List<String[]> original = tweetFields("\"long original cut\\u2026\"");
    original.add(field("extended_tweet", "{\"entities\":{},\"full_text\":\"long original, all of it #x\"}"));
    List<String[]> fields = tweetFields("\"RT @a: long original cut\\u2026\"");
    fields.add(7, field("retweeted_status", object(original)));
    assertTweet(scan(object(fields), DEFAULTS), 758, "long original, all of it #x", CREATED_MILLIS, "en", true);
  }

  @Test
  void ignoresTheQuotedTweetsText() {
    List<String[]> fields = tweetFields("\"my comment #mine\"");
    fields.add(7, field("quoted_status", object(tweetFields("\"quoted #theirs\""))));
    fields.add(8, field("quoted_status_id", "5"));
    assertTweet(scan(object(fields), DEFAULTS), 758, "my comment #mine", CREATED_MILLIS, "en", false);
  }

  @Test
  void readsTheSameFieldsWhateverTheKeyOrder() {
    List<String[]> original = tweetFields("\"original &lt;3 #x\"");
    original.add(field("extended_tweet", "{\"full_text\":\"original &lt;3 #x, extended\"}"));
    Random random = new Random(3);
    for (int i = 0; i < 50; i++) {
      List<String[]> fields = tweetFields("\"RT @a: original\"");
      List<String[]> nested = new ArrayList<>(original);
      Collections.shuffle(nested, random);
      fields.add(field("retweeted_status", object(nested)));
      Collections.shuffle(fields, random);
      assertTweet(scan(object(fields), DEFAULTS), 758, "original <3 #x, extended", CREATED_MILLIS, "en", true);

      List<String[]> plain = tweetFields("\"plain\"");
      plain.add(field("extended_tweet", "{\"display_text_range\":[0,5],\"full_text\":\"plain, extended\"}"));
      Collections.shuffle(plain, random);
      assertTweet(scan(object(plain), DEFAULTS), 758, "plain, extended", CREATED_MILLIS, "en", false);
    }
  }

  @Test
  void decodesOnlyTheThreeHtmlEscapes() {
    assertThat(scan(object(tweetFields("\"a &amp; b &lt;3 &gt; &quot;c&quot; &amp;lt;\"")), DEFAULTS).text())
        .isEqualTo("a & b <3 > &quot;c&quot; &lt;");
  }

  @Test
  void fallsBackToIdStrWhenIdIsMissingOrTooLarge() {
    List<String[]> fields = tweetFields("\"t\"");
    fields.remove(1);
    assertThat(scan(object(fields), DEFAULTS).id()).isEqualTo(758);
    fields.add(1, field("id", "99999999999999999999999"));
    assertThat(scan(object(fields), DEFAULTS).id()).isEqualTo(758);
    fields.set(1, field("id", "7.58e2"));
    assertThat(scan(object(fields), DEFAULTS).id()).isEqualTo(758);
  }

  @Test
  void readsNineteenDigitIds() {
    List<String[]> fields = tweetFields("\"t\"");
    fields.set(1, field("id", "1234567890123456789"));
    assertThat(scan(object(fields), DEFAULTS).id()).isEqualTo(1234567890123456789L);
    fields.remove(1);
    fields.set(1, field("id_str", "\"1234567890123456789\""));
    assertThat(scan(object(fields), DEFAULTS).id()).isEqualTo(1234567890123456789L);
  }

  @Test
  void rejectsATweetWithoutAUsableId() {
    List<String[]> fields = tweetFields("\"t\"");
    fields.remove(1);
    fields.set(1, field("id_str", "\"75x\""));
    assertRejected(scan(object(fields), DEFAULTS), RejectReason.MISSING_ID);
    fields.set(1, field("id_str", "null"));
    assertRejected(scan(object(fields), DEFAULTS), RejectReason.MISSING_ID);
    fields.remove(1);
    assertRejected(scan(object(fields), DEFAULTS), RejectReason.MISSING_ID);
  }

  @Test
  void rejectsATweetWithoutText() {
    List<String[]> fields = tweetFields("null");
    assertRejected(scan(object(fields), DEFAULTS), RejectReason.MISSING_TEXT);
    fields.remove(3);
    assertRejected(scan(object(fields), DEFAULTS), RejectReason.MISSING_TEXT);
    fields.add(field("text", "42"));
    assertRejected(scan(object(fields), DEFAULTS), RejectReason.MISSING_TEXT);
    assertRejected(scan("{\"anything\":1}", DEFAULTS), RejectReason.MISSING_TEXT);
  }

  @Test
  void rejectsARetweetWhoseOriginalHasNoText() {
    List<String[]> fields = tweetFields("\"RT @a: x\"");
    fields.add(field("retweeted_status", "{\"id\":1,\"user\":{\"text\":\"not this\"}}"));
    assertRejected(scan(object(fields), DEFAULTS), RejectReason.MISSING_TEXT);
  }

  @Test
  void treatsANullRetweetedStatusAsNoRetweet() {
    List<String[]> fields = tweetFields("\"mine\"");
    fields.add(field("retweeted_status", "null"));
    assertTweet(scan(object(fields), DEFAULTS), 758, "mine", CREATED_MILLIS, "en", false);
  }

  @Test
  void readsLangAsNullWhenMissingOrNull() {
    List<String[]> fields = tweetFields("\"t\"");
    fields.set(9, field("lang", "null"));
    assertThat(scan(object(fields), DEFAULTS).lang()).isNull();
    fields.remove(9);
    assertTweet(scan(object(fields), DEFAULTS), 758, "t", CREATED_MILLIS, null, false);
  }

  @Test
  void readsTimestampMsAsStringOrNumber() {
    List<String[]> fields = tweetFields("\"t\"");
    fields.set(0, field("created_at", "\"not a date\""));
    assertTweet(scan(object(fields), TIMESTAMP_MS), 758, "t", 1469796360123L, "en", false);
    fields.set(10, field("timestamp_ms", "1469796360456"));
    assertThat(scan(object(fields), TIMESTAMP_MS).eventTimeMillis()).isEqualTo(1469796360456L);
  }

  @Test
  void rejectsABadOrMissingEventTime() {
    List<String[]> fields = tweetFields("\"t\"");
    fields.set(0, field("created_at", "\"Fri Jul 29 12:46:00 +0000\""));
    assertRejected(scan(object(fields), DEFAULTS), RejectReason.BAD_EVENT_TIME);
    fields.remove(0);
    assertRejected(scan(object(fields), DEFAULTS), RejectReason.BAD_EVENT_TIME);
    for (String bad : List.of("\"14697963601x3\"", "\"\"", "-5", "1.5", "null", "{\"ms\":1}",
        "99999999999999999999")) {
      List<String[]> withBad = tweetFields("\"t\"");
      withBad.set(10, field("timestamp_ms", bad));
      assertRejected(scan(object(withBad), TIMESTAMP_MS), RejectReason.BAD_EVENT_TIME);
    }
    List<String[]> noTimestamp = tweetFields("\"t\"");
    noTimestamp.remove(10);
    assertRejected(scan(object(noTimestamp), TIMESTAMP_MS), RejectReason.BAD_EVENT_TIME);
  }

  @Test
  void reportsTheFirstProblemInAFixedOrder() {
    assertRejected(scan("{\"lang\":\"en\"}", DEFAULTS), RejectReason.MISSING_TEXT);
    assertRejected(scan("{\"text\":\"t\"}", DEFAULTS), RejectReason.MISSING_ID);
    assertRejected(scan("{\"text\":\"t\",\"id\":1}", DEFAULTS), RejectReason.BAD_EVENT_TIME);
  }

  @Test
  void recognizesStreamNotices() {
    assertRejected(scan("{\"delete\":{\"status\":{\"id\":1,\"id_str\":\"1\",\"user_id\":3,\"user_id_str\":\"3\"},"
        + "\"timestamp_ms\":\"1469796360123\"}}", DEFAULTS), RejectReason.DELETE_NOTICE);
    assertRejected(scan("{\"limit\":{\"track\":1234,\"timestamp_ms\":\"1469796360123\"}}", DEFAULTS),
        RejectReason.LIMIT_NOTICE);
    for (String name : List.of("scrub_geo", "status_withheld", "user_withheld", "disconnect", "warning",
        "friends", "event", "control")) {
      assertRejected(scan("{\"" + name + "\":{\"code\":1,\"list\":[1,2]}}", DEFAULTS), RejectReason.OTHER_NOTICE);
    }
  }

  @Test
  void excludesRetweetsOnlyWhenAsked() {
    List<String[]> fields = tweetFields("\"RT @a: x\"");
    fields.add(7, field("retweeted_status", object(tweetFields("\"x\""))));
    ScanResult result = scan(object(fields), NO_RETWEETS);
    assertThat(result.excluded()).isTrue();
    assertThat(result.accepted()).isFalse();
    assertThat(result.reason()).isNull();
    assertThat(scan(object(tweetFields("\"mine\"")), NO_RETWEETS).accepted()).isTrue();
  }

  @Test
  void rejectsTruncatedJsonEvenWhenItEndsWithABrace() {
    String whole = object(tweetFields("\"t\""));
    int userEnd = whole.indexOf(USER) + USER.length();
    assertRejected(scan(whole.substring(0, userEnd), DEFAULTS), RejectReason.MALFORMED_JSON);
    assertRejected(scan(whole.substring(0, whole.length() - 1), DEFAULTS), RejectReason.MALFORMED_JSON);
    for (int cut = 1; cut < whole.length(); cut++) {
      assertRejected(scan(whole.substring(0, cut), DEFAULTS), RejectReason.MALFORMED_JSON);
    }
  }

  @Test
  void rejectsATruncatedNoticeOrExcludedRetweetAsMalformed() {
    assertRejected(scan("{\"delete\":{\"status\":{\"id\":1}}", DEFAULTS), RejectReason.MALFORMED_JSON);
    List<String[]> fields = tweetFields("\"RT @a: x\"");
    fields.add(7, field("retweeted_status", object(tweetFields("\"x\""))));
    String whole = object(fields);
    String cut = whole.substring(0, whole.lastIndexOf(",\"is_quote_status\""));
    assertThat(cut).endsWith("}");
    assertRejected(scan(cut, NO_RETWEETS), RejectReason.MALFORMED_JSON);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"text\":\"t\",}", "{\"text\":\"t\" \"id\":1}", "{\"a\":1}}", "{\"a\":1} {\"b\":2}",
      "{\"a\":1}x", "{'a':1}", "{\"a\":tru}", "{\"text\":\"unterminated}", "not json", "[1,2", "\"abc", "{",
      "{\"a\":\"bad escape \\x\"}", "{\"a\":01}"})
  void rejectsMalformedJson(String json) {
    assertRejected(scan(json, DEFAULTS), RejectReason.MALFORMED_JSON);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "[]", "\"a string\"", "42", "-1.5e3", "true", "null", " [ {\"text\":\"t\"} ] "})
  void rejectsJsonThatIsNotAnObject(String json) {
    assertRejected(scan(json, DEFAULTS), RejectReason.NOT_AN_OBJECT);
  }

  @Test
  void rejectsNullEmptyAndBlankValues() {
    assertRejected(scan((byte[]) null, DEFAULTS), RejectReason.NULL_VALUE);
    assertRejected(scan("", DEFAULTS), RejectReason.EMPTY_VALUE);
    assertRejected(scan(" \t\r\n ", DEFAULTS), RejectReason.EMPTY_VALUE);
  }

  @Test
  void rejectsInvalidUtf8EvenInsideSkippedValues() {
    byte[] bytes = object(tweetFields("\"t\"")).getBytes(StandardCharsets.UTF_8);
    int description = new String(bytes, StandardCharsets.UTF_8).indexOf("#notMine");
    bytes[description] = (byte) 0xC0;
    assertRejected(scan(bytes, DEFAULTS), RejectReason.INVALID_UTF8);
  }

  @Test
  void scansOnlyTheGivenSliceAndAllowsSurroundingBlanks() {
    String json = "  " + object(tweetFields("\"t\"")) + "\n";
    byte[] padded = ("xx" + json + "yy").getBytes(StandardCharsets.UTF_8);
    ScanResult result = new TweetScanner(DEFAULTS).scan(padded, 2, json.length(), new ScanResult());
    assertTweet(result, 758, "t", CREATED_MILLIS, "en", false);
  }

  @Test
  void neverThrowsOnRandomMutationsOfATweet() {
    byte[] tweet = object(tweetFields("\"go #rio2016\"")).getBytes(StandardCharsets.UTF_8);
    Random random = new Random(5);
    TweetScanner scanner = new TweetScanner(DEFAULTS);
    List<RejectReason> seen = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      byte[] mutated = Arrays.copyOf(tweet, tweet.length);
      for (int m = 0; m <= random.nextInt(3); m++) {
        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
      }
      ScanResult result = scanner.scan(mutated, new ScanResult());
      assertThat(result.accepted() ^ (result.reason() != null)).isTrue();
      seen.add(result.reason());
    }
    assertThat(seen).contains(null, RejectReason.INVALID_UTF8, RejectReason.MALFORMED_JSON);
  }

  @Test
  void fastSkipGivesJacksonsResultOnGeneratedAndMutatedTweets() {
    List<GeneratedRecord> records = TweetGenerator.builder().seed(11).build().next(600);
    byte[] structural = "{}[]\":,\\ 0a".getBytes(StandardCharsets.UTF_8);
    Random random = new Random(17);
    int compared = 0;
    int acceptedByBoth = 0;
    int looserOnly = 0;
    for (ExtractOptions options : List.of(DEFAULTS, TIMESTAMP_MS, NO_RETWEETS)) {
      TweetScanner fast = new TweetScanner(options);
      TweetScanner plain = new TweetScanner(options, false);
      for (GeneratedRecord record : records) {
        byte[] original = record.bytes();
        for (int variant = 0; variant < 6; variant++) {
          byte[] input = variant == 0 ? original : mutate(original, structural, random);
          ScanResult expected = plain.scan(input, new ScanResult());
          ScanResult actual = fast.scan(input, new ScanResult());
          compared++;
          if (expected.reason() == RejectReason.MALFORMED_JSON) {
            // The fast skip checks less inside skipped values, never more.
            if (actual.reason() != RejectReason.MALFORMED_JSON) {
              looserOnly++;
            }
            continue;
          }
          assertThat(describe(actual)).as(new String(input, StandardCharsets.UTF_8)).isEqualTo(describe(expected));
          if (expected.accepted()) {
            acceptedByBoth++;
          }
        }
      }
    }
    assertThat(compared).isEqualTo(3 * 600 * 6);
    assertThat(acceptedByBoth).isGreaterThan(3 * 600 / 2);
    assertThat(looserOnly).isPositive();
  }

  private static byte[] mutate(byte[] original, byte[] structural, Random random) {
    byte[] bytes = Arrays.copyOf(original, original.length);
    int at = random.nextInt(bytes.length);
    switch (random.nextInt(4)) {
      case 0:
        bytes[at] = structural[random.nextInt(structural.length)];
        return bytes;
      case 1:
        byte[] shorter = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, shorter, 0, at);
        System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
        return shorter;
      case 2:
        return Arrays.copyOf(bytes, at);
      default:
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
        longer[at] = structural[random.nextInt(structural.length)];
        return longer;
    }
  }

  private static String describe(ScanResult result) {
    return result.reason() + " excluded=" + result.excluded() + " id=" + result.id() + " time="
        + result.eventTimeMillis() + " lang=" + result.lang() + " retweet=" + result.retweet() + " text="
        + result.text();
  }

  // Regressions found by TweetScannerFuzzTest (2026-12-04), each cut down from the input the fuzzer saved.

  @Test
  void repeatedKeyCountsWithItsLastValueAsInAJsonTree() {
    String head = "{\"created_at\":" + CREATED_AT + ",";
    // a later extended_tweet that is not an object drops the earlier full text
    assertTweet(scan(head + "\"id\":1,\"text\":\"short\",\"extended_tweet\":{\"full_text\":\"long\"},"
        + "\"extended_tweet\":3.1E18}", DEFAULTS), 1, "short", CREATED_MILLIS, null, false);
    // a later id that is not an integer drops the earlier one; id_str is used instead
    assertTweet(scan(head + "\"id\":1,\"id_str\":\"2\",\"text\":\"t\",\"id\":\"x\"}", DEFAULTS),
        2, "t", CREATED_MILLIS, null, false);
    assertRejected(scan(head + "\"id\":1,\"id\":1.5,\"text\":\"t\"}", DEFAULTS), RejectReason.MISSING_ID);
    assertRejected(scan(head + "\"id_str\":\"2\",\"id_str\":2,\"text\":\"t\"}", DEFAULTS),
        RejectReason.MISSING_ID);
    // a later retweeted_status that is null: not a retweet
    assertTweet(scan(head + "\"id\":1,\"text\":\"own\",\"retweeted_status\":{\"text\":\"theirs\"},"
        + "\"retweeted_status\":null}", DEFAULTS), 1, "own", CREATED_MILLIS, null, false);
    // a later retweeted_status without text: its earlier text does not stay
    assertRejected(scan(head + "\"id\":1,\"text\":\"own\",\"retweeted_status\":{\"text\":\"a\"},"
        + "\"retweeted_status\":{\"id\":2}}", DEFAULTS), RejectReason.MISSING_TEXT);
    // inside retweeted_status, a later extended_tweet that is not an object drops the earlier full text
    assertTweet(scan(head + "\"id\":1,\"text\":\"RT\",\"retweeted_status\":{\"text\":\"a\","
        + "\"extended_tweet\":{\"full_text\":\"b\"},\"extended_tweet\":[1]}}", DEFAULTS),
        1, "a", CREATED_MILLIS, null, true);
  }

  @Test
  void textOrFullTextThatIsAnObjectIsSkippedNotReadAsTheEnclosingObject() {
    String head = "{\"created_at\":" + CREATED_AT + ",\"id\":1,";
    // Before the fix the inner object's keys were read as the enclosing object's, and its close ended it.
    assertTweet(scan(head + "\"text\":\"short\",\"extended_tweet\":{\"full_text\":{\"full_text\":\"x\"},"
        + "\"y\":1},\"lang\":\"en\"}", DEFAULTS), 1, "short", CREATED_MILLIS, "en", false);
    assertRejected(scan(head + "\"text\":\"RT\",\"retweeted_status\":{\"text\":{\"text\":\"inner\"},"
        + "\"id\":2}}", DEFAULTS), RejectReason.MISSING_TEXT);
    assertTweet(scan(head + "\"text\":\"RT\",\"retweeted_status\":{\"text\":[\"inner\",{}],"
        + "\"extended_tweet\":{\"full_text\":\"outer\"}}}", DEFAULTS), 1, "outer", CREATED_MILLIS, null, true);
  }
}
