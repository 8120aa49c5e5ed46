package io.hashtagstreams.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.hashtagstreams.core.EventTimeField;
import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.PostFormat;
import io.hashtagstreams.core.RejectReason;
import io.hashtagstreams.core.sample.GeneratedRecord.Kind;
import io.hashtagstreams.core.testing.SparkTestSession;

class TweetGeneratorTest {

  private static final JsonFactory JSON = new JsonFactory();

  /** The 2016 stream's top-level field order; optional fields may be absent but never out of order. */
  private static final List<String> FIELD_ORDER = List.of("created_at", "id", "id_str", "text", "source",
      "truncated", "in_reply_to_status_id", "in_reply_to_status_id_str", "in_reply_to_user_id",
      "in_reply_to_user_id_str", "in_reply_to_screen_name", "user", "geo", "coordinates", "place", "contributors",
      "retweeted_status", "quoted_status_id", "quoted_status_id_str", "quoted_status", "is_quote_status",
      "extended_tweet", "retweet_count", "favorite_count", "entities", "extended_entities", "favorited",
      "retweeted", "possibly_sensitive", "filter_level", "lang", "timestamp_ms");
  private static final List<String> OPTIONAL_FIELDS = List.of("retweeted_status", "quoted_status_id",
      "quoted_status_id_str", "quoted_status", "extended_tweet", "extended_entities", "possibly_sensitive");

  private static List<GeneratedRecord> sample(int count) {
    return TweetGenerator.builder().seed(5).noticeShare(0.05).malformedShare(0.05).build().next(count);
  }

  @Test
  void producesTheSameLinesFromTheSameSeed() {
    List<GeneratedRecord> first = TweetGenerator.builder().seed(1).malformedShare(0.1).build().next(300);
    List<GeneratedRecord> second = TweetGenerator.builder().seed(1).malformedShare(0.1).build().next(300);
    List<GeneratedRecord> other = TweetGenerator.builder().seed(2).malformedShare(0.1).build().next(300);
    assertThat(first).isEqualTo(second);
    assertThat(first).isNotEqualTo(other);
    for (int i = 0; i < first.size(); i++) {
      assertThat(first.get(i).bytes()).isEqualTo(second.get(i).bytes());
    }
  }

  @Test
  void advancesTheEventTimeClockPerLine() {
    Instant start = Instant.parse("2016-07-29T12:46:00Z");
    List<GeneratedRecord> records = TweetGenerator.builder().start(start).tweetsPerSecond(3).noticeShare(0.2)
        .build().next(40);
    for (int n = 0; n < records.size(); n++) {
      GeneratedRecord record = records.get(n);
      Instant expected = start.plusMillis((long) Math.floor(n * 1000.0 / 3));
      assertThat(record.timestamp()).isEqualTo(expected);
      if (record.isTweet()) {
        assertThat(record.createdAt()).isEqualTo(Instant.ofEpochSecond(expected.getEpochSecond()));
        assertThat(record.json()).contains("\"timestamp_ms\":\"" + expected.toEpochMilli() + "\"");
      }
    }
  }

  @Test
  void mixesKindsInTheConfiguredShares() {
    List<GeneratedRecord> records = TweetGenerator.builder().seed(3).retweetShare(0.3).extendedShare(0.2)
        .noticeShare(0.1).malformedShare(0.1).build().next(10_000);
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    records.forEach(record -> counts.merge(record.kind(), 1, Integer::sum));
    assertThat(counts.get(Kind.RETWEET)).isBetween(2800, 3200);
    assertThat(counts.get(Kind.EXTENDED_TWEET)).isBetween(1800, 2200);
    assertThat(counts.get(Kind.DELETE_NOTICE) + counts.get(Kind.LIMIT_NOTICE)).isBetween(900, 1100);
    assertThat(counts.get(Kind.LIMIT_NOTICE)).isBetween(150, 350);
    assertThat(counts.get(Kind.MALFORMED)).isBetween(900, 1100);
    assertThat(counts.get(Kind.TWEET)).isBetween(2800, 3200);
  }

  @Test
  void keepsSizesInTheDocumentedRanges() {
    List<GeneratedRecord> records = TweetGenerator.builder().seed(4).build().next(3000);
    for (Kind kind : List.of(Kind.TWEET, Kind.EXTENDED_TWEET, Kind.RETWEET)) {
      List<Integer> sizes = records.stream().filter(record -> record.kind() == kind).map(GeneratedRecord::size)
          .collect(Collectors.toList());
      double average = sizes.stream().mapToInt(Integer::intValue).average().orElseThrow();
      if (kind == Kind.RETWEET) {
        assertThat(average).as("retweet average").isBetween(5000.0, 8000.0);
      } else {
        assertThat(average).as(kind + " average").isBetween(2800.0, 5000.0);
      }
      assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1500, 12_000));
    }
  }

  @Test
  void writesTheStreamFieldOrder() throws IOException {
    List<GeneratedRecord> records = sample(400);
    for (GeneratedRecord record : records) {
      if (!record.isTweet()) {
        continue;
      }
      List<String> keys = topLevelKeys(record.bytes());
      List<String> expected = FIELD_ORDER.stream()
          .filter(name -> !OPTIONAL_FIELDS.contains(name) || keys.contains(name))
          .collect(Collectors.toList());
      assertThat(keys).isEqualTo(expected);
      assertThat(keys.contains("retweeted_status")).isEqualTo(record.kind() == Kind.RETWEET);
      assertThat(keys.contains("extended_tweet")).isEqualTo(record.kind() == Kind.EXTENDED_TWEET);
      assertThat(record.json()).contains(record.kind() == Kind.EXTENDED_TWEET ? "\"truncated\":true,\"in_reply"
          : "\"truncated\":false,\"in_reply");
    }
    assertThat(records.stream().filter(record -> record.isTweet()
        && record.json().contains("\"quoted_status\":{")).count()).as("some tweets quote another").isPositive();
  }

  @Test
  void writesUserObjectsOfAboutTwentyFiveFields() throws IOException {
    GeneratedRecord record = TweetGenerator.builder().seed(8).retweetShare(0).build().next();
    try (JsonParser parser = JSON.createParser(record.bytes())) {
      parser.nextToken();
      while (!"user".equals(parser.nextFieldName())) {
        parser.nextToken();
        parser.skipChildren();
      }
      parser.nextToken();
      int fields = 0;
      while (parser.nextFieldName() != null) {
        fields++;
        parser.nextToken();
        parser.skipChildren();
      }
      assertThat(fields).isBetween(25, 45);
    }
  }

  @Test
  void writesAsciiWithEscapesLikeTheStream() {
    for (GeneratedRecord record : sample(500)) {
      if (record.kind() == Kind.MALFORMED) {
        continue;
      }
      byte[] bytes = record.bytes();
      for (int i = 0; i < bytes.length; i++) {
        assertThat(bytes[i]).as("ASCII only").isBetween((byte) 0x20, (byte) 0x7E);
        if (bytes[i] == '/') {
          assertThat(bytes[i - 1]).as("slash escaped").isEqualTo((byte) '\\');
        }
      }
    }
  }

  @Test
  void placesExactlyTheGroundTruthTagsInTheFullText() {
    for (GeneratedRecord record : sample(3000)) {
      if (!record.isTweet()) {
        continue;
      }
      String text = record.fullText();
      for (String fragment : Vocabulary.FRAGMENT_URLS) {
        text = text.replace(fragment, "URL");
      }
      int from = 0;
      for (String tag : record.hashtags()) {
        int hash = text.indexOf("#" + tag, from);
        assertThat(hash).as("%s in %s", tag, text).isGreaterThanOrEqualTo(0);
        assertThat(text.lastIndexOf('#', hash - 1)).as("no other # before %s in %s", tag, text).isLessThan(from);
        assertThat(hash == 0 || !isTagChar(text.codePointBefore(hash)) && text.charAt(hash - 1) != '&')
            .as("boundary before %s in %s", tag, text).isTrue();
        int end = hash + 1 + tag.length();
        assertThat(end == text.length() || !isTagChar(text.codePointAt(end)) && text.charAt(end) != '#')
            .as("boundary after %s in %s", tag, text).isTrue();
        assertThat(tag.codePoints().allMatch(TweetGeneratorTest::isTagChar)).as(tag).isTrue();
        assertThat(tag.codePoints().anyMatch(c -> !Character.isDigit(c))).as(tag).isTrue();
        from = end;
      }
      assertThat(text.indexOf('#', from)).as("no # after the last tag in %s", text).isEqualTo(-1);
    }
  }

  @Test
  void coversNonLatinScriptsAndTheTrickyCases() {
    List<GeneratedRecord> tweets = sample(5000).stream().filter(GeneratedRecord::isTweet)
        .collect(Collectors.toList());
    List<String> tags = tweets.stream().flatMap(record -> record.hashtags().stream()).collect(Collectors.toList());
    for (Character.UnicodeScript script : List.of(Character.UnicodeScript.HAN, Character.UnicodeScript.KATAKANA,
        Character.UnicodeScript.ARABIC, Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.HANGUL,
        Character.UnicodeScript.DEVANAGARI)) {
      assertThat(tags).as(script.name()).anyMatch(tag -> tag.codePoints()
          .anyMatch(c -> Character.UnicodeScript.of(c) == script));
    }
    assertThat(tweets).as("punctuation after a tag").anyMatch(text(t -> t.matches("(?s).*#\\w+[,!.?].*")));
    assertThat(tweets).as("emoji before a tag").anyMatch(text(t -> t.matches("(?s).*\\p{So}#\\w.*")));
    assertThat(tweets).as("URL fragment").anyMatch(text(t -> t.contains("http://x.com/#about")));
    assertThat(tweets).as("HTML-escaped characters").anyMatch(text(t -> t.contains("<3")));
    assertThat(tweets).as("same tag in other case").anyMatch(record -> record.hashtags().contains("RIO2016"));
    assertThat(tweets).as("retweet cut with an ellipsis").anyMatch(record -> record.isRetweet()
        && record.json().matches("(?s)\\{\"created_at\":\"[^\"]*\",\"id\":\\d+,\"id_str\":\"\\d+\","
        + "\"text\":\"RT @[^\"]*\\\\u2026\".*"));
  }

  @Test
  void writesNoticesAndMalformedLinesThatAreWhatTheyClaim() throws IOException {
    for (GeneratedRecord record : sample(2000)) {
      switch (record.kind()) {
        case DELETE_NOTICE:
          assertThat(record.json()).startsWith("{\"delete\":{\"status\":{\"id\":");
          assertThat(record.expectedRejectReason()).isEqualTo(RejectReason.DELETE_NOTICE);
          break;
        case LIMIT_NOTICE:
          assertThat(record.json()).startsWith("{\"limit\":{\"track\":");
          assertThat(record.expectedRejectReason()).isEqualTo(RejectReason.LIMIT_NOTICE);
          break;
        case MALFORMED:
          if (record.expectedRejectReason() == RejectReason.INVALID_UTF8) {
            assertThat(isUtf8(record.bytes())).isFalse();
            assertThatThrownBy(record::json).isInstanceOf(IllegalStateException.class);
          } else {
            assertThat(record.expectedRejectReason()).isEqualTo(RejectReason.MALFORMED_JSON);
            assertThat(isCompleteJson(record.bytes())).isFalse();
          }
          assertThatThrownBy(record::id).isInstanceOf(IllegalStateException.class)
              .hasMessage("id is only known for tweets, but this line is MALFORMED");
          break;
        default:
          assertThat(record.expectedRejectReason()).isNull();
          assertThat(isCompleteJson(record.bytes())).isTrue();
      }
    }
  }

  @Test
  void extractTextReturnsTheGroundTruthOfEveryLine() {
    List<GeneratedRecord> records = TweetGenerator.builder().seed(2016).noticeShare(0.05).malformedShare(0.05)
        .build().next(3000);
    Dataset<Row> input = binaryValues(records);
    List<List<Object>> expected = new ArrayList<>();
    List<List<Object>> expectedRejected = new ArrayList<>();
    for (GeneratedRecord record : records) {
      if (record.isTweet()) {
        expected.add(Arrays.asList(Long.toString(record.id()), "twitter", record.fullText(), record.createdAt(),
            record.lang(), record.isRetweet(), null));
      } else {
        expectedRejected.add(Arrays.asList(new String(record.bytes(), StandardCharsets.ISO_8859_1),
            record.expectedRejectReason().code()));
      }
    }
    assertThat(rows(input.transform(HashtagOps.extractText()).drop("author"))).isEqualTo(sorted(expected));
    assertThat(rows(input.transform(HashtagOps.rejected()))).isEqualTo(sorted(expectedRejected));
    assertThat(expected).extracting(row -> row.get(5)).contains(true, false);
  }

  @ParameterizedTest
  @EnumSource(PostFormat.class)
  void everyFormatGivesTheSameGroundTruthThroughExtractAndExplode(PostFormat format) {
    List<GeneratedRecord> records = TweetGenerator.builder().seed(2026).noticeShare(0.05).malformedShare(0.05)
        .formats(format).build().next(800);
    Dataset<Row> input = binaryValues(records);
    List<String> expectedTopics = new ArrayList<>();
    List<String> expectedPosts = new ArrayList<>();
    List<String> expectedRejected = new ArrayList<>();
    for (GeneratedRecord record : records) {
      assertThat(record.format()).isEqualTo(format);
      if (record.isTweet()) {
        expectedPosts.add(record.postId() + " " + format.network().id() + " " + record.eventTime() + " "
            + record.isRetweet() + " " + record.fullText());
        for (String tag : record.hashtags()) {
          expectedTopics.add(record.postId() + " "
              + Normalizer.normalize(tag, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        }
      } else {
        expectedRejected.add(record.expectedRejectReason().code());
      }
    }
    Dataset<Row> posts = input.transform(HashtagOps.extractText());
    assertThat(posts.collectAsList().stream().map(row -> row.getString(0) + " " + row.getString(1) + " "
        + row.getTimestamp(4).toInstant() + " " + row.getBoolean(6) + " " + row.getString(3)).sorted())
        .containsExactlyElementsOf(expectedPosts.stream().sorted().collect(Collectors.toList()));
    assertThat(posts.transform(HashtagOps.explodeTopics()).collectAsList().stream()
        .map(row -> row.getString(0) + " " + row.getString(row.fieldIndex("topic"))).sorted())
        .containsExactlyElementsOf(expectedTopics.stream().sorted().collect(Collectors.toList()));
    assertThat(input.transform(HashtagOps.rejected()).collectAsList().stream()
        .map(row -> row.getString(row.fieldIndex("reason"))).sorted())
        .containsExactlyElementsOf(expectedRejected.stream().sorted().collect(Collectors.toList()));
    assertThat(expectedTopics).hasSizeGreaterThan(200);
    assertThat(expectedRejected).hasSizeGreaterThan(30);
  }

  @Test
  void mixedFormatsDrawEveryFormatAndKeepTheV1LinesOfASeed() {
    List<GeneratedRecord> mixed = TweetGenerator.builder().seed(9).formats(PostFormat.values()).build().next(400);
    assertThat(mixed.stream().map(GeneratedRecord::format).distinct()).containsExactlyInAnyOrder(PostFormat.values());
    List<GeneratedRecord> v1 = TweetGenerator.builder().seed(9).build().next(50);
    List<GeneratedRecord> v1Again = TweetGenerator.builder().seed(9).formats(PostFormat.TWITTER_V1).build().next(50);
    for (int i = 0; i < v1.size(); i++) {
      assertThat(v1Again.get(i).bytes()).isEqualTo(v1.get(i).bytes());
    }
  }

  @Test
  void extractTextMatchesTimestampMsWithoutRetweetsWhenAsked() {
    List<GeneratedRecord> records = TweetGenerator.builder().seed(77).noticeShare(0.05).build().next(600);
    ExtractOptions options = ExtractOptions.builder().excludeRetweets(true)
        .eventTimeField(EventTimeField.TIMESTAMP_MS).build();
    List<List<Object>> expected = records.stream().filter(record -> record.isTweet() && !record.isRetweet())
        .map(record -> Arrays.<Object>asList(Long.toString(record.id()), "twitter", record.fullText(),
            record.timestamp(), record.lang(), false, null))
        .collect(Collectors.toList());
    long notices = records.stream().filter(record -> !record.isTweet()).count();
    Dataset<Row> input = binaryValues(records);
    assertThat(rows(input.transform(HashtagOps.extractText(options)).drop("author"))).isEqualTo(sorted(expected));
    assertThat(input.transform(HashtagOps.rejected(options)).count()).isEqualTo(notices);
  }

  @Test
  void rejectsInvalidBuilderOptions() {
    assertThatThrownBy(() -> TweetGenerator.builder().retweetShare(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("retweetShare must be within [0, 1], got 1.5");
    assertThatThrownBy(() -> TweetGenerator.builder().malformedShare(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("malformedShare must be within [0, 1], got NaN");
    assertThatThrownBy(() -> TweetGenerator.builder().tweetsPerSecond(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tweetsPerSecond must be a positive finite number, got 0.0");
    assertThatThrownBy(() -> TweetGenerator.builder().start(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("start must be between 1970 and 9000, got null");
    assertThatThrownBy(() -> TweetGenerator.builder().retweetShare(0.6).extendedShare(0.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("retweetShare + extendedShare + noticeShare + malformedShare must be at most 1");
    assertThatThrownBy(() -> TweetGenerator.builder().seed(1).seed(2))
        .isInstanceOf(IllegalStateException.class).hasMessage("seed was already set to 1");
    assertThatThrownBy(() -> TweetGenerator.builder().build().next(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("count must be at least 0, got -1");
  }

  private static Predicate<GeneratedRecord> text(Predicate<String> test) {
    return record -> test.test(record.fullText());
  }

  /** Letters, marks, digits and underscore: the characters a twitter-text hashtag is made of. */
  private static boolean isTagChar(int c) {
    int type = Character.getType(c);
    return Character.isLetterOrDigit(c) || c == '_' || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }

  private static List<String> topLevelKeys(byte[] bytes) throws IOException {
    List<String> keys = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(bytes)) {
      parser.nextToken();
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        keys.add(name);
        parser.nextToken();
        parser.skipChildren();
      }
    }
    return keys;
  }

  private static boolean isCompleteJson(byte[] bytes) {
    try (JsonParser parser = JSON.createParser(bytes)) {
      if (parser.nextToken() == null) {
        return false;
      }
      while (parser.nextToken() != null) {
        // reading every token validates the whole document
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static Dataset<Row> binaryValues(List<GeneratedRecord> records) {
    List<Row> rows = records.stream().map(record -> RowFactory.create((Object) record.bytes()))
        .collect(Collectors.toList());
    return SparkTestSession.get().createDataFrame(rows, new StructType().add("value", DataTypes.BinaryType));
  }

  private static List<List<Object>> rows(Dataset<Row> dataset) {
    return sorted(dataset.collectAsList().stream().map(row -> {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        Object value = row.get(i);
        values.add(value instanceof Timestamp ? ((Timestamp) value).toInstant()
            : value instanceof byte[] ? new String((byte[]) value, StandardCharsets.ISO_8859_1) : value);
      }
      return values;
    }).collect(Collectors.toList()));
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    return rows.stream().sorted(Comparator.comparing(Object::toString)).collect(Collectors.toList());
  }
}
