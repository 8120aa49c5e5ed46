package io.hashtagstreams.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.hashtagstreams.core.EventTimeField;
import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.TopicOptions;
import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.sample.TweetGenerator;
import io.hashtagstreams.core.testing.SparkTestSession;
import io.hashtagstreams.core.testing.MemoryInput;

import scala.Tuple2;

/**
 * The SQL functions run through {@code spark.sql(...)} on batch and streaming temporary views, registered both by
 * {@link HashtagFunctions#register(SparkSession)} and by class name through {@code registerJava} (the path
 * PySpark's {@code registerJavaFunction} takes), each in its own session. Every result is compared in full with
 * the Dataset operators on the same input and, for generated records, with the generator's ground truth.
 */
class HashtagFunctionsTest {

  /** How the functions got into the session. */
  enum Registration { FUNCTIONS, CLASS_NAMES }

  /** The type of the {@code value} column. */
  enum ValueType { STRING, BINARY }

  private static final String PLAIN = "{\"created_at\":\"Fri Jul 29 12:46:00 +0000 2016\",\"id\":1,\"id_str\":\"1\","
      + "\"text\":\"%s\",\"user\":{\"id\":9},\"lang\":\"en\",\"timestamp_ms\":\"1469796360123\"}";
  private static final String REPEATED_TAGS = "#Rio2016 #rio2016 #\\uff32\\uff29\\uff2f\\uff12\\uff10\\uff11\\uff16"
      + " and #\\u6771\\u4eac #Rio2016";

  private static final List<GeneratedRecord> RECORDS = TweetGenerator.builder()
      .seed(13)
      .start(Instant.parse("2016-07-29T12:46:00Z"))
      .noticeShare(0.06)
      .malformedShare(0.06)
      .build()
      .next(300);
  /** Generated lines first (line = index), then hand-written edge cases. */
  private static final List<byte[]> VALUES = new ArrayList<>();

  static {
    RECORDS.forEach(record -> VALUES.add(record.bytes()));
    VALUES.add(null);
    VALUES.add(new byte[0]);
    VALUES.add(utf8("{\"scrub_geo\":{\"user_id\":1,\"up_to_status_id\":2}}"));
    VALUES.add(utf8(String.format(PLAIN, REPEATED_TAGS).replace("\"id\":1,\"id_str\":\"1\"", "\"id\":7,\"id_str\":\"7\"")));
    VALUES.add(utf8(String.format(PLAIN, "no tags here, http://x.com/#fragment").replace("\"id\":1,", "\"id\":8,")));
    byte[] invalid = utf8(String.format(PLAIN, "bad byte X #Rio2016").replace("\"id\":1,", "\"id\":9,"));
    invalid[new String(invalid, StandardCharsets.UTF_8).indexOf('X')] = (byte) 0xFF;
    VALUES.add(invalid);
  }

  private static final Map<Registration, SparkSession> SESSIONS = new EnumMap<>(Registration.class);
  private static final AtomicInteger QUERIES = new AtomicInteger();

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static synchronized SparkSession session(Registration registration) {
    return SESSIONS.computeIfAbsent(registration, how -> {
      SparkSession session = SparkTestSession.get().newSession();
      session.conf().set("spark.sql.session.timeZone", "UTC");
      session.conf().set("spark.sql.shuffle.partitions", "2");
      if (how == Registration.FUNCTIONS) {
        HashtagFunctions.register(session);
      } else {
        registerByClassName(session, HashtagsUdf.NAME, HashtagsUdf.class, HashtagsUdf.RETURN_TYPE);
        registerByClassName(session, HashtagsAsWrittenUdf.NAME, HashtagsAsWrittenUdf.class,
            HashtagsAsWrittenUdf.RETURN_TYPE);
        registerByClassName(session, NormalizeHashtagUdf.NAME, NormalizeHashtagUdf.class,
            NormalizeHashtagUdf.RETURN_TYPE);
        registerByClassName(session, ParseTweetUdf.NAME, ParseTweetUdf.class, ParseTweetUdf.RETURN_TYPE);
        registerByClassName(session, TweetRejectReasonUdf.NAME, TweetRejectReasonUdf.class,
            TweetRejectReasonUdf.RETURN_TYPE);
      }
      return session;
    });
  }

  /** What PySpark's {@code spark.udf.registerJavaFunction(name, className, ddl)} runs in the JVM. */
  private static void registerByClassName(SparkSession session, String name, Class<?> udf, String returnType) {
    session.udf().registerJava(name, udf.getName(), DataType.fromDDL(returnType));
  }

  /** {@code line} int, {@code value} string or binary, registered as temporary view {@code tweets}. */
  private static Dataset<Row> tweets(SparkSession session, ValueType type) {
    List<Row> rows = new ArrayList<>();
    for (int line = 0; line < VALUES.size(); line++) {
      rows.add(RowFactory.create(line, value(VALUES.get(line), type)));
    }
    StructType schema = new StructType()
        .add("line", DataTypes.IntegerType)
        .add("value", type == ValueType.STRING ? DataTypes.StringType : DataTypes.BinaryType);
    Dataset<Row> input = session.createDataFrame(rows, schema);
    input.createOrReplaceTempView("tweets");
    return input;
  }

  /** A string value is the bytes decoded as UTF-8 (bytes that are not UTF-8 become U+FFFD on both sides). */
  private static Object value(byte[] bytes, ValueType type) {
    return bytes == null || type == ValueType.BINARY ? bytes : new String(bytes, StandardCharsets.UTF_8);
  }

  static List<Object[]> registrationsAndTypes() {
    List<Object[]> cases = new ArrayList<>();
    for (Registration registration : Registration.values()) {
      for (ValueType type : ValueType.values()) {
        cases.add(new Object[] {registration, type});
      }
    }
    return cases;
  }

  @Test
  void theInputCoversTweetsRetweetsNoticesAndMalformedRecords() {
    Set<GeneratedRecord.Kind> kinds = RECORDS.stream().map(GeneratedRecord::kind).collect(Collectors.toSet());
    assertThat(kinds).isEqualTo(EnumSet.allOf(GeneratedRecord.Kind.class));
  }

  @ParameterizedTest
  @MethodSource("registrationsAndTypes")
  void parseTweetKeepsExactlyTheRowsOfExtractText(Registration registration, ValueType type) {
    SparkSession session = session(registration);
    Dataset<Row> input = tweets(session, type);

    Dataset<Row> sql = session.sql(
        "SELECT t.* FROM (SELECT parse_tweet(value) AS t FROM tweets) WHERE t IS NOT NULL");

    List<String> expected = SqlRows.sorted(input.transform(HashtagOps.extractText()));
    assertThat(expected).hasSizeGreaterThan(200);
    assertThat(SqlRows.sorted(sql)).isEqualTo(expected);
    assertThat(sql.schema().fieldNames()).containsExactly("id", "text", "event_time", "lang", "is_retweet");
  }

  @ParameterizedTest
  @MethodSource("registrationsAndTypes")
  void tweetRejectReasonKeepsExactlyTheRowsOfRejected(Registration registration, ValueType type) {
    SparkSession session = session(registration);
    Dataset<Row> input = tweets(session, type);

    Dataset<Row> sql = session.sql("SELECT line, value, tweet_reject_reason(value) AS reason FROM tweets"
        + " WHERE tweet_reject_reason(value) IS NOT NULL");

    List<String> expected = SqlRows.sorted(input.transform(HashtagOps.rejected()));
    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(SqlRows.sorted(sql)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(Registration.class)
  void parseTweetAndRejectReasonGiveTheGeneratorsGroundTruth(Registration registration) {
    SparkSession session = session(registration);
    tweets(session, ValueType.BINARY);

    List<Row> rows = session.sql("SELECT line, parse_tweet(value) AS t, tweet_reject_reason(value) AS reason,"
        + " hashtags(parse_tweet(value).text) AS tags, hashtags_as_written(parse_tweet(value).text) AS written"
        + " FROM tweets WHERE line < " + RECORDS.size() + " ORDER BY line").collectAsList();

    assertThat(rows).hasSize(RECORDS.size());
    for (Row row : rows) {
      GeneratedRecord record = RECORDS.get(row.getInt(0));
      if (record.isTweet()) {
        Row tweet = row.getStruct(1);
        assertThat(Arrays.asList(tweet.getLong(0), tweet.getString(1), tweet.getTimestamp(2).toInstant(),
            tweet.getString(3), tweet.getBoolean(4)))
            .as("line %d", row.getInt(0))
            .isEqualTo(Arrays.asList(record.id(), record.fullText(), record.createdAt(), record.lang(),
                record.isRetweet()));
        assertThat(row.isNullAt(2)).isTrue();
        assertThat(row.getList(3)).isEqualTo(record.hashtags().stream()
            .map(tag -> Normalizer.normalize(tag, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
            .collect(Collectors.toList()));
        assertThat(row.getList(4)).isEqualTo(record.hashtags());
      } else {
        assertThat(row.isNullAt(1)).as("line %d", row.getInt(0)).isTrue();
        assertThat(row.getString(2)).isEqualTo(record.expectedRejectReason().code());
        assertThat(row.isNullAt(3)).isTrue();
        assertThat(row.isNullAt(4)).isTrue();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Registration.class)
  void hashtagsExplodeToTheRowsOfExplodeTopics(Registration registration) {
    SparkSession session = session(registration);
    Dataset<Row> extracted = tweets(session, ValueType.BINARY).transform(HashtagOps.extractText());
    extracted.createOrReplaceTempView("extracted");

    List<String> normalized = SqlRows.sorted(extracted.transform(HashtagOps.explodeTopics()));
    List<String> asWritten = SqlRows.sorted(extracted.transform(
        HashtagOps.explodeTopics(TopicOptions.builder().keepCase(true).build())));

    assertThat(SqlRows.sorted(session.sql("SELECT *, explode(hashtags(text)) AS topic FROM extracted")))
        .isEqualTo(normalized);
    assertThat(SqlRows.sorted(session.sql("SELECT *, explode(hashtags_as_written(text)) AS topic FROM extracted")))
        .isEqualTo(asWritten);
    assertThat(SqlRows.sorted(session.sql("SELECT id, text, event_time, lang, is_retweet,"
        + " normalize_hashtag(tag) AS topic FROM extracted LATERAL VIEW explode(hashtags_as_written(text)) AS tag")))
        .isEqualTo(normalized);
    // The input repeats tags within one tweet (line 303 has rio2016 four times): duplicates are kept, as counted.
    assertThat(new HashSet<>(normalized)).hasSizeLessThan(normalized.size());
    assertThat(normalized.stream().filter(row -> row.startsWith("7 |") && row.endsWith("| rio2016"))).hasSize(4);
    assertThat(normalized).isNotEqualTo(asWritten);
  }

  @ParameterizedTest
  @EnumSource(Registration.class)
  void nullGivesNullExceptForTheRejectReasonWhichIsNullValue(Registration registration) {
    Dataset<Row> result = session(registration).sql("SELECT hashtags(CAST(NULL AS STRING)) AS a,"
        + " hashtags_as_written(CAST(NULL AS STRING)) AS b, normalize_hashtag(CAST(NULL AS STRING)) AS c,"
        + " parse_tweet(CAST(NULL AS STRING)) AS d, parse_tweet(CAST(NULL AS BINARY)) AS e,"
        + " tweet_reject_reason(CAST(NULL AS STRING)) AS f, tweet_reject_reason(CAST(NULL AS BINARY)) AS g,"
        + " hashtags('no tags') AS h, normalize_hashtag('\uff32\uff29\uff2f\uff12\uff10\uff11\uff16') AS i");

    assertThat(SqlRows.sorted(result))
        .containsExactly("null | null | null | null | null | null_value | null_value | [] | rio2016");
  }

  @ParameterizedTest
  @EnumSource(Registration.class)
  void returnTypesAreTheDocumentedDdl(Registration registration) {
    StructType schema = session(registration).sql("SELECT hashtags('#a') AS a, hashtags_as_written('#a') AS b,"
        + " normalize_hashtag('A') AS c, parse_tweet('{}') AS d, tweet_reject_reason('{}') AS e").schema();

    List<DataType> types = Arrays.stream(schema.fields()).map(StructField::dataType).collect(Collectors.toList());
    assertThat(types).containsExactly(DataType.fromDDL(HashtagsUdf.RETURN_TYPE),
        DataType.fromDDL(HashtagsAsWrittenUdf.RETURN_TYPE), DataType.fromDDL(NormalizeHashtagUdf.RETURN_TYPE),
        DataType.fromDDL(ParseTweetUdf.RETURN_TYPE), DataType.fromDDL(TweetRejectReasonUdf.RETURN_TYPE));
    assertThat(((StructType) types.get(3)).fieldNames())
        .containsExactly("id", "text", "event_time", "lang", "is_retweet");
  }

  @ParameterizedTest
  @MethodSource("registrationsAndTypes")
  void runOnAStreamingTemporaryViewWithTheResultsOfTheOperators(Registration registration, ValueType type,
      @TempDir Path dir) throws Exception {
    SparkSession session = session(registration);
    Dataset<Row> batch = tweets(session, type);
    List<Row> output = new CopyOnWriteArrayList<>();
    int half = VALUES.size() / 2;
    StreamingQuery query;
    if (type == ValueType.STRING) {
      MemoryInput<Tuple2<Integer, String>> source =
          MemoryInput.create(session, Encoders.tuple(Encoders.INT(), Encoders.STRING()));
      source.toDF().toDF("line", "value").createOrReplaceTempView("tweet_stream");
      query = start(session, output, dir);
      List<Tuple2<Integer, String>> data = new ArrayList<>();
      for (int line = 0; line < VALUES.size(); line++) {
        data.add(new Tuple2<>(line, (String) value(VALUES.get(line), type)));
      }
      source.addData(data.subList(0, half));
      query.processAllAvailable();
      source.addData(data.subList(half, data.size()));
    } else {
      MemoryInput<Tuple2<Integer, byte[]>> source =
          MemoryInput.create(session, Encoders.tuple(Encoders.INT(), Encoders.BINARY()));
      source.toDF().toDF("line", "value").createOrReplaceTempView("tweet_stream");
      query = start(session, output, dir);
      List<Tuple2<Integer, byte[]>> data = new ArrayList<>();
      for (int line = 0; line < VALUES.size(); line++) {
        data.add(new Tuple2<>(line, VALUES.get(line)));
      }
      source.addData(data.subList(0, half));
      query.processAllAvailable();
      source.addData(data.subList(half, data.size()));
    }
    try {
      query.processAllAvailable();
    } finally {
      query.stop();
    }

    // Every line once, with either a tweet or a reason.
    assertThat(output.stream().map(row -> row.getInt(0)).sorted().collect(Collectors.toList()))
        .isEqualTo(java.util.stream.IntStream.range(0, VALUES.size()).boxed().collect(Collectors.toList()));
    assertThat(output).allSatisfy(row -> assertThat(row.isNullAt(1)).isNotEqualTo(row.isNullAt(6)));

    List<Row> parsed = new ArrayList<>();
    List<Row> reasons = new ArrayList<>();
    List<Row> topics = new ArrayList<>();
    for (Row row : output) {
      if (row.isNullAt(1)) {
        reasons.add(RowFactory.create(row.getInt(0), row.getString(6)));
      } else {
        parsed.add(RowFactory.create(row.get(1), row.get(2), row.get(3), row.get(4), row.get(5)));
        for (Object topic : row.getList(7)) {
          topics.add(RowFactory.create(row.get(1), topic));
        }
      }
    }
    Dataset<Row> extracted = batch.transform(HashtagOps.extractText());
    assertThat(SqlRows.sorted(parsed)).isEqualTo(SqlRows.sorted(extracted));
    assertThat(SqlRows.sorted(reasons))
        .isEqualTo(SqlRows.sorted(batch.transform(HashtagOps.rejected()).select("line", "reason")));
    assertThat(SqlRows.sorted(topics))
        .isEqualTo(SqlRows.sorted(extracted.transform(HashtagOps.explodeTopics()).select("id", "topic")));
  }

  private static StreamingQuery start(SparkSession session, List<Row> output, Path dir) throws Exception {
    Dataset<Row> result = session.sql("SELECT line, t.id, t.text, t.event_time, t.lang, t.is_retweet, reason,"
        + " hashtags(t.text) AS tags"
        + " FROM (SELECT line, parse_tweet(value) AS t, tweet_reject_reason(value) AS reason FROM tweet_stream)");
    assertThat(result.isStreaming()).isTrue();
    return result.writeStream()
        .queryName("sql" + QUERIES.incrementAndGet())
        .option("checkpointLocation", dir.resolve("checkpoint").toString())
        .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (rows, id) -> output.addAll(rows.collectAsList()))
        .start();
  }

  @Test
  void readsWithTheOptionsGivenAtRegistrationLikeTheOperators() {
    ExtractOptions options = ExtractOptions.builder()
        .excludeRetweets(true)
        .eventTimeField(EventTimeField.TIMESTAMP_MS)
        .build();
    SparkSession session = SparkTestSession.get().newSession();
    session.conf().set("spark.sql.session.timeZone", "UTC");
    HashtagFunctions.register(session, options);
    Dataset<Row> input = tweets(session, ValueType.BINARY);

    Dataset<Row> parsed = session.sql(
        "SELECT t.* FROM (SELECT parse_tweet(value) AS t FROM tweets) WHERE t IS NOT NULL");
    Dataset<Row> rejected = session.sql("SELECT line, value, tweet_reject_reason(value) AS reason FROM tweets"
        + " WHERE tweet_reject_reason(value) IS NOT NULL");
    long neither = session.sql(
        "SELECT * FROM tweets WHERE parse_tweet(value) IS NULL AND tweet_reject_reason(value) IS NULL").count();

    assertThat(SqlRows.sorted(parsed)).isEqualTo(SqlRows.sorted(input.transform(HashtagOps.extractText(options))));
    assertThat(SqlRows.sorted(rejected)).isEqualTo(SqlRows.sorted(input.transform(HashtagOps.rejected(options))));
    assertThat(neither).isEqualTo(RECORDS.stream().filter(GeneratedRecord::isRetweet).count()).isPositive();
  }

  @Test
  void stringValuesAreDecodedBySparkSoCastToBinaryToRejectInvalidUtf8(@TempDir Path dir) throws Exception {
    SparkSession session = session(Registration.FUNCTIONS);
    byte[] invalid = VALUES.get(VALUES.size() - 1);
    Path file = dir.resolve("tweets.jsonl");
    Files.write(file, invalid);
    Dataset<Row> lines = session.read().text(file.toString());
    lines.createOrReplaceTempView("raw_lines");

    assertThat(SqlRows.sorted(lines.transform(HashtagOps.rejected()).select("reason")))
        .containsExactly("invalid_utf8");
    assertThat(SqlRows.sorted(session.sql("SELECT tweet_reject_reason(CAST(value AS BINARY)),"
        + " parse_tweet(CAST(value AS BINARY)) FROM raw_lines"))).containsExactly("invalid_utf8 | null");
    assertThat(SqlRows.sorted(session.sql("SELECT tweet_reject_reason(value), parse_tweet(value).text"
        + " FROM raw_lines"))).containsExactly("null | bad byte \uFFFD #Rio2016");
  }

  /** The SQL example of README.md "From SQL and PySpark", as written. */
  private static final String README_QUERY = String.join("\n",
      "SELECT window(t.event_time, '1 minute') AS window, topic, count(*) AS count",
      "FROM (SELECT parse_tweet(value) AS t FROM tweets)",
      "LATERAL VIEW explode(hashtags(t.text)) AS topic",
      "GROUP BY window(t.event_time, '1 minute'), topic");

  @ParameterizedTest
  @EnumSource(Registration.class)
  void readmeQueryCountsPerMinuteLikeTheOperatorsAndTheGroundTruth(Registration registration) {
    SparkSession session = session(registration);
    List<GeneratedRecord> records = TweetGenerator.builder().seed(5).start(Instant.parse("2016-07-29T12:46:00Z"))
        .tweetsPerSecond(2).noticeShare(0.05).malformedShare(0.05).build().next(400);
    List<Row> rows = new ArrayList<>();
    records.forEach(record -> rows.add(RowFactory.create((Object) record.bytes())));
    Dataset<Row> input = session.createDataFrame(rows, new StructType().add("value", DataTypes.BinaryType));
    input.createOrReplaceTempView("tweets");

    Dataset<Row> counts = session.sql(README_QUERY);

    assertThat(SqlRows.sorted(counts)).isEqualTo(SqlRows.sorted(input
        .transform(HashtagOps.extractText())
        .transform(HashtagOps.explodeTopics())
        .transform(HashtagOps.windowedCounts(java.time.Duration.ofMinutes(1)))));
    Map<String, Long> truth = new java.util.TreeMap<>();
    for (GeneratedRecord record : records) {
      if (record.isTweet()) {
        Instant minute = record.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        for (String tag : record.hashtags()) {
          String topic = Normalizer.normalize(tag, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
          truth.merge(minute + " " + topic, 1L, Long::sum);
        }
      }
    }
    Map<String, Long> actual = new java.util.TreeMap<>();
    for (Row row : counts.collectAsList()) {
      Row window = row.getStruct(0);
      assertThat(window.getTimestamp(1).toInstant())
          .isEqualTo(window.getTimestamp(0).toInstant().plus(java.time.Duration.ofMinutes(1)));
      assertThat(actual.put(window.getTimestamp(0).toInstant() + " " + row.getString(1), row.getLong(2))).isNull();
    }
    assertThat(actual).isEqualTo(truth);
    assertThat(truth.keySet().stream().map(key -> key.substring(0, key.indexOf(' '))).distinct()).hasSize(4);
  }

  @Test
  void registerRejectsNullArguments() {
    assertThatThrownBy(() -> HashtagFunctions.register(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SparkSession");
    assertThatThrownBy(() -> HashtagFunctions.register(SparkTestSession.get(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ExtractOptions.defaults()");
  }
}
