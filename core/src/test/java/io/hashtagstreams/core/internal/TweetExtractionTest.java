package io.hashtagstreams.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.hashtagstreams.core.EventTimeField;
import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.PostFormat;
import io.hashtagstreams.core.RejectReason;
import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.sample.TweetGenerator;
import io.hashtagstreams.core.testing.SparkTestSession;

class TweetExtractionTest {

  private static final String PLAIN = "{\"created_at\":\"Fri Jul 29 12:46:00 +0000 2016\",\"id\":1,\"id_str\":\"1\","
      + "\"text\":\"go #Rio2016, go &amp; win\",\"user\":{\"id\":9},\"lang\":\"en\","
      + "\"timestamp_ms\":\"1469796360123\"}";
  private static final String LONG = "{\"created_at\":\"Fri Jul 29 12:46:01 +0000 2016\",\"id\":2,"
      + "\"text\":\"long \\u2026\",\"truncated\":true,\"extended_tweet\":{\"full_text\":\"long text #\\u6771\\u4eac\"},"
      + "\"lang\":null,\"timestamp_ms\":\"1469796361000\"}";
  private static final String RETWEET = "{\"created_at\":\"Fri Jul 29 12:46:02 +0000 2016\",\"id\":3,"
      + "\"text\":\"RT @a: original #Ri\\u2026\",\"retweeted_status\":{\"id\":0,\"text\":\"original #Rio2016\"},"
      + "\"lang\":\"pt\",\"timestamp_ms\":\"1469796362999\"}";

  private static final StructType BINARY_INPUT = new StructType()
      .add("key", DataTypes.StringType)
      .add("value", DataTypes.BinaryType)
      .add("partition", DataTypes.IntegerType);

  private static final Map<RejectReason, String> EXAMPLES = new EnumMap<>(RejectReason.class);

  static {
    EXAMPLES.put(RejectReason.NULL_VALUE, null);
    EXAMPLES.put(RejectReason.EMPTY_VALUE, "  ");
    EXAMPLES.put(RejectReason.INVALID_UTF8, "{\"text\":\"\u00ff\"}");
    EXAMPLES.put(RejectReason.MALFORMED_JSON, PLAIN.substring(0, 60));
    EXAMPLES.put(RejectReason.NOT_AN_OBJECT, "[" + PLAIN + "]");
    EXAMPLES.put(RejectReason.DELETE_NOTICE, "{\"delete\":{\"status\":{\"id\":5,\"user_id\":6},\"timestamp_ms\":\"1\"}}");
    EXAMPLES.put(RejectReason.LIMIT_NOTICE, "{\"limit\":{\"track\":12,\"timestamp_ms\":\"1\"}}");
    EXAMPLES.put(RejectReason.OTHER_NOTICE, "{\"scrub_geo\":{\"user_id\":1,\"up_to_status_id\":2}}");
    EXAMPLES.put(RejectReason.MISSING_TEXT, PLAIN.replace("\"text\":", "\"txt\":"));
    EXAMPLES.put(RejectReason.MISSING_ID, PLAIN.replace("\"id\":1,\"id_str\":\"1\",", ""));
    EXAMPLES.put(RejectReason.BAD_EVENT_TIME, PLAIN.replace("12:46:00", "12:46"));
    EXAMPLES.put(RejectReason.STREAM_ERROR, "{\"errors\":[{\"title\":\"operational-disconnect\","
        + "\"type\":\"https://api.twitter.com/2/problems/operational-disconnect\"}]}");
    String commit = "{\"did\":\"did:plc:a\",\"time_us\":1783175888090631,\"kind\":\"commit\",\"commit\":{"
        + "\"rev\":\"r\",\"operation\":\"OP\",\"collection\":\"COLL\",\"rkey\":\"k\",\"record\":{"
        + "\"$type\":\"COLL\",\"createdAt\":\"2026-07-04T14:38:06.240Z\",\"text\":\"t\"}}}";
    EXAMPLES.put(RejectReason.NOT_A_POST, commit.replace("OP", "create").replace("COLL", "app.bsky.feed.like"));
    EXAMPLES.put(RejectReason.REPOST, commit.replace("OP", "create").replace("COLL", "app.bsky.feed.repost"));
    EXAMPLES.put(RejectReason.POST_UPDATE, commit.replace("OP", "update").replace("COLL", "app.bsky.feed.post"));
    EXAMPLES.put(RejectReason.IDENTITY_EVENT, "{\"did\":\"did:plc:a\",\"time_us\":1,\"kind\":\"identity\","
        + "\"identity\":{\"did\":\"did:plc:a\",\"handle\":\"a.bsky.social\",\"seq\":1}}");
    EXAMPLES.put(RejectReason.ACCOUNT_EVENT, "{\"did\":\"did:plc:a\",\"time_us\":1,\"kind\":\"account\","
        + "\"account\":{\"active\":false,\"did\":\"did:plc:a\",\"seq\":2,\"status\":\"deactivated\"}}");
  }

  private static SparkSession spark() {
    return SparkTestSession.get();
  }

  private static Dataset<Row> strings(String... values) {
    List<Row> rows = new ArrayList<>();
    for (String value : values) {
      rows.add(RowFactory.create(value));
    }
    return spark().createDataFrame(rows, new StructType().add("value", DataTypes.StringType));
  }

  /** Latin-1 keeps the example's char values as bytes, so U+00FF becomes the invalid byte 0xFF. */
  private static byte[] rawBytes(String value) {
    return value == null ? null
        : value.chars().allMatch(c -> c < 0x100) ? value.getBytes(StandardCharsets.ISO_8859_1)
        : value.getBytes(StandardCharsets.UTF_8);
  }

  private static List<List<Object>> rows(Dataset<Row> dataset) {
    return dataset.collectAsList().stream()
        .map(row -> {
          List<Object> values = new ArrayList<>();
          for (int i = 0; i < row.size(); i++) {
            Object value = row.get(i);
            values.add(value instanceof Timestamp ? ((Timestamp) value).toInstant()
                : value instanceof byte[] ? new String((byte[]) value, StandardCharsets.ISO_8859_1) : value);
          }
          return values;
        })
        .sorted(Comparator.comparing(Object::toString))
        .collect(Collectors.toList());
  }

  private static List<Object> tweet(long id, String author, String text, String instant, String lang,
      boolean retweet) {
    return Arrays.asList(Long.toString(id), "twitter", author, text, Instant.parse(instant), lang, retweet, null);
  }

  private static final List<List<Object>> EXPECTED_THREE = List.of(
      tweet(1, "9", "go #Rio2016, go & win", "2016-07-29T12:46:00Z", "en", false),
      tweet(2, null, "long text #東京", "2016-07-29T12:46:01Z", null, false),
      tweet(3, null, "original #Rio2016", "2016-07-29T12:46:02Z", "pt", true));

  @Test
  void extractsTweetsFromAStringValue() {
    Dataset<Row> tweets = strings(PLAIN, LONG, RETWEET).transform(HashtagOps.extractText());
    assertThat(tweets.schema()).isEqualTo(new StructType()
        .add("id", DataTypes.StringType, false)
        .add("network", DataTypes.StringType, false)
        .add("author", DataTypes.StringType)
        .add("text", DataTypes.StringType)
        .add("event_time", DataTypes.TimestampType)
        .add("lang", DataTypes.StringType)
        .add("is_retweet", DataTypes.BooleanType)
        .add("tags", DataTypes.createArrayType(DataTypes.StringType, false)));
    assertThat(rows(tweets)).isEqualTo(sorted(EXPECTED_THREE));
    assertThat(strings(PLAIN, LONG, RETWEET).transform(HashtagOps.rejected()).count()).isZero();
  }

  @Test
  void extractsTweetsFromABinaryValueIgnoringOtherColumns() {
    Dataset<Row> input = binaryInput(PLAIN, LONG, RETWEET);
    assertThat(rows(input.transform(HashtagOps.extractText()))).isEqualTo(sorted(EXPECTED_THREE));
  }

  @Test
  void readsEventTimeFromTimestampMsWhenAsked() {
    ExtractOptions options = ExtractOptions.builder().eventTimeField(EventTimeField.TIMESTAMP_MS).build();
    assertThat(rows(strings(PLAIN, LONG, RETWEET).transform(HashtagOps.extractText(options)))
        .stream().map(row -> row.get(4)).collect(Collectors.toList()))
        .containsExactly(Instant.parse("2016-07-29T12:46:00.123Z"), Instant.parse("2016-07-29T12:46:01Z"),
            Instant.parse("2016-07-29T12:46:02.999Z"));
  }

  @Test
  void dropsRetweetsFromBothOutputsWhenExcluded() {
    ExtractOptions options = ExtractOptions.builder().excludeRetweets(true).build();
    Dataset<Row> input = strings(PLAIN, LONG, RETWEET, "{\"delete\":{}}");
    assertThat(rows(input.transform(HashtagOps.extractText(options))))
        .isEqualTo(sorted(EXPECTED_THREE.subList(0, 2)));
    assertThat(rows(input.transform(HashtagOps.rejected(options))))
        .containsExactly(Arrays.asList("{\"delete\":{}}", "delete_notice"));
  }

  @ParameterizedTest
  @EnumSource(value = RejectReason.class, mode = EnumSource.Mode.EXCLUDE, names = "FORMAT_NOT_ACCEPTED")
  void rejectsWithEachReasonKeepingTheInputColumns(RejectReason reason) {
    String example = EXAMPLES.get(reason);
    Dataset<Row> input = binaryInput(example);
    assertThat(input.transform(HashtagOps.rejected()).columns())
        .containsExactly("key", "value", "partition", "reason");
    assertThat(rows(input.transform(HashtagOps.rejected())))
        .containsExactly(Arrays.asList("k0", example == null ? null : new String(rawBytes(example),
            StandardCharsets.ISO_8859_1), 0, reason.code()));
    assertThat(input.transform(HashtagOps.extractText()).count()).isZero();
  }

  @Test
  void rejectsFormatsLeftOutOfTheOptionsAndReadsTheOthers() {
    ExtractOptions onlyV1 = ExtractOptions.builder().formats(PostFormat.TWITTER_V1).build();
    String notV1 = EXAMPLES.get(RejectReason.POST_UPDATE).replace("update", "create");
    Dataset<Row> input = strings(PLAIN, notV1);
    assertThat(rows(input.transform(HashtagOps.rejected(onlyV1))))
        .containsExactly(Arrays.asList(notV1, "format_not_accepted"));
    assertThat(rows(input.transform(HashtagOps.extractText(onlyV1)).select("id")))
        .containsExactly(List.of("1"));
    assertThat(rows(input.transform(HashtagOps.extractText()).select("id", "network")))
        .containsExactly(List.of("1", "twitter"), List.of("at://did:plc:a/app.bsky.feed.post/k", "bluesky"));
  }

  @Test
  void rejectsAStringValueKeepingItUnchanged() {
    List<String> examples = new ArrayList<>();
    List<List<Object>> expected = new ArrayList<>();
    for (Map.Entry<RejectReason, String> example : EXAMPLES.entrySet()) {
      if (example.getKey() != RejectReason.INVALID_UTF8) {
        examples.add(example.getValue());
        expected.add(Arrays.asList(example.getValue(), example.getKey().code()));
      }
    }
    Dataset<Row> input = strings(examples.toArray(new String[0]));
    assertThat(rows(input.transform(HashtagOps.rejected()))).isEqualTo(sorted(expected));
    assertThat(input.transform(HashtagOps.extractText()).count()).isZero();
  }

  @Test
  void failsAtTransformWhenValueIsMissing() {
    Dataset<Row> input = spark().sql("SELECT 'x' AS body, 1 AS offset");
    assertThatThrownBy(() -> input.transform(HashtagOps.extractText()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("extractText needs a column 'value', but the input has only [body, offset]");
    assertThatThrownBy(() -> input.transform(HashtagOps.rejected()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rejected needs a column 'value', but the input has only [body, offset]");
  }

  @Test
  void failsAtTransformWhenValueHasAnotherType() {
    Dataset<Row> input = spark().sql("SELECT 1 AS value");
    assertThatThrownBy(() -> input.transform(HashtagOps.extractText()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("extractText needs column 'value' of type string or binary, but it is int "
            + "(input columns: [value])");
  }

  @Test
  void failsAtTransformWhenOptionsAreNull() {
    Dataset<Row> input = strings(PLAIN);
    assertThatThrownBy(() -> input.transform(HashtagOps.extractText(null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("extractText needs ExtractOptions, got null; use ExtractOptions.defaults()");
  }

  @Test
  void refusesAnInputThatAlreadyHasAReasonColumn() {
    Dataset<Row> input = spark().sql("SELECT 'x' AS value, 'old' AS reason");
    assertThatThrownBy(() -> input.transform(HashtagOps.rejected()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rejected adds a column 'reason', but the input already has one; rename or drop it first "
            + "(input columns: [value, reason])");
  }

  @Test
  void scansEachRecordOnce() {
    Dataset<Row> input = spark().range(3).selectExpr("CAST(id AS STRING) AS value");
    String extractPlan = input.transform(HashtagOps.extractText()).queryExecution().optimizedPlan().toString();
    String rejectedPlan = input.transform(HashtagOps.rejected()).queryExecution().optimizedPlan().toString();
    assertThat(occurrences(extractPlan, "scan_tweet(")).as(extractPlan).isEqualTo(1);
    assertThat(occurrences(rejectedPlan, "scan_tweet(")).as(rejectedPlan).isEqualTo(1);
  }

  @Test
  void worksOnAStreamingFileSource(@TempDir Path dir) throws Exception {
    TweetGenerator generator = TweetGenerator.builder().seed(21).noticeShare(0.1).malformedShare(0.1).build();
    List<GeneratedRecord> records = generator.next(60);
    Path input = inTwoFiles(dir, records);

    Dataset<Row> lines = spark().readStream().text(input.toString());
    assertThat(lines.isStreaming()).isTrue();
    StreamingQuery tweets = lines.transform(HashtagOps.extractText()).writeStream()
        .format("memory").queryName("extract_stream_tweets").outputMode("append").start();
    StreamingQuery dead = lines.transform(HashtagOps.rejected()).writeStream()
        .format("memory").queryName("extract_stream_rejected").outputMode("append").start();
    try {
      tweets.processAllAvailable();
      dead.processAllAvailable();
    } finally {
      tweets.stop();
      dead.stop();
    }
    List<List<Object>> expectedTweets = new ArrayList<>();
    List<List<Object>> expectedRejected = new ArrayList<>();
    for (GeneratedRecord record : records) {
      if (record.isTweet()) {
        expectedTweets.add(Arrays.asList(Long.toString(record.id()), "twitter", record.fullText(),
            record.createdAt(), record.lang(), record.isRetweet(), null));
      } else {
        // The memory sink keeps rows as Java strings, so invalid UTF-8 comes back with U+FFFD in it.
        expectedRejected.add(Arrays.asList(new String(record.bytes(), StandardCharsets.UTF_8),
            record.expectedRejectReason().code()));
      }
    }
    assertThat(expectedRejected).isNotEmpty();
    assertThat(rows(spark().table("extract_stream_tweets").drop("author"))).isEqualTo(sorted(expectedTweets));
    assertThat(rows(spark().table("extract_stream_rejected")))
        .isEqualTo(sorted(expectedRejected));
  }

  @Test
  void countsRejectionsPerReasonInTheProgressOfEachBatchFromTheSameScan(@TempDir Path dir) throws Exception {
    TweetGenerator generator = TweetGenerator.builder().seed(22).noticeShare(0.2).malformedShare(0.2).build();
    List<GeneratedRecord> records = generator.next(80);
    Path input = inTwoFiles(dir, records);
    java.util.Map<String, Long> expected = new java.util.LinkedHashMap<>();
    for (RejectReason reason : RejectReason.values()) {
      expected.put(reason.code(), 0L);
    }
    records.stream().filter(record -> !record.isTweet())
        .forEach(record -> expected.merge(record.expectedRejectReason().code(), 1L, Long::sum));
    assertThat(expected.values().stream().filter(count -> count > 0)).hasSizeGreaterThan(2);

    ExtractOptions counting = ExtractOptions.builder().countRejections("rejections").build();
    String batchPlan = spark().range(3).selectExpr("CAST(id AS STRING) AS value")
        .transform(HashtagOps.extractText(counting)).queryExecution().optimizedPlan().toString();
    assertThat(occurrences(batchPlan, "scan_tweet(")).as(batchPlan).isEqualTo(1);
    Dataset<Row> posts = spark().readStream().option("maxFilesPerTrigger", 1).text(input.toString())
        .transform(HashtagOps.extractText(counting));
    StreamingQuery query = posts.writeStream().format("memory").queryName("extract_counted").start();
    try {
      query.processAllAvailable();
    } finally {
      query.stop();
    }
    java.util.Map<String, Long> counted = new java.util.LinkedHashMap<>();
    int batches = 0;
    for (org.apache.spark.sql.streaming.StreamingQueryProgress progress : query.recentProgress()) {
      Row row = progress.observedMetrics().get("rejections");
      if (row != null) {
        batches++;
        for (String code : row.schema().fieldNames()) {
          counted.merge(code, row.getLong(row.fieldIndex(code)), Long::sum);
        }
      }
    }
    assertThat(batches).isEqualTo(2);
    assertThat(counted).containsExactlyEntriesOf(expected);
    assertThat(spark().table("extract_counted").count()).isEqualTo(records.stream().filter(GeneratedRecord::isTweet)
        .count());
  }

  @Test
  void putsEveryRandomRecordInExactlyOneOutput() {
    Random random = new Random(20160805);
    TweetGenerator generator = TweetGenerator.builder().seed(99).noticeShare(0.05).malformedShare(0.05).build();
    List<Row> rows = new ArrayList<>();
    // Expectations that do not come from the code under test: the generator's truth for records left intact, and
    // "rejected" for random noise and for strict prefixes (no prefix of a JSON object is a whole JSON object).
    List<String> expectedIds = new ArrayList<>();
    List<Long> mustBeRejected = new ArrayList<>();
    List<Long> mustBeAccepted = new ArrayList<>();
    for (long n = 0; n < 600; n++) {
      GeneratedRecord original = generator.next();
      int damage = random.nextInt(6);
      byte[] value = damaged(random, damage, original.bytes());
      rows.add(RowFactory.create(n, value));
      if (damage == NOISE || damage == PREFIX || !original.isTweet()) {
        mustBeRejected.add(n);
      } else if (damage == INTACT) {
        mustBeAccepted.add(n);
        expectedIds.add(Long.toString(original.id()));
      }
    }
    Dataset<Row> input = spark().createDataFrame(rows, new StructType()
        .add("n", DataTypes.LongType).add("value", DataTypes.BinaryType)).repartition(3);

    List<String> ids = input.transform(HashtagOps.extractText()).select("id").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList();
    List<Long> rejected = input.transform(HashtagOps.rejected()).select("n").as(
        org.apache.spark.sql.Encoders.LONG()).collectAsList();

    assertThat(ids.size() + rejected.size()).as("every record in exactly one output").isEqualTo(600);
    assertThat(rejected).doesNotHaveDuplicates().containsAll(mustBeRejected).doesNotContainAnyElementsOf(
        mustBeAccepted);
    assertThat(ids).containsAll(expectedIds);
    assertThat(expectedIds.size()).as("some records are intact tweets").isGreaterThan(50);
    assertThat(mustBeRejected.size()).as("many records are surely broken").isGreaterThan(150);
  }

  private static final int NOISE = 0;
  private static final int PREFIX = 1;
  private static final int INTACT = 5;

  /** A generated line, as is ({@link #INTACT}) or broken in one of several ways. */
  private static byte[] damaged(Random random, int damage, byte[] line) {
    switch (damage) {
      case NOISE: {
        byte[] noise = new byte[random.nextInt(300)];
        random.nextBytes(noise);
        return noise;
      }
      case PREFIX:
        return Arrays.copyOf(line, random.nextInt(line.length));
      case 2: {
        byte[] mutated = line.clone();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
          mutated[random.nextInt(mutated.length)] = (byte) (0x20 + random.nextInt(0x5F));
        }
        return mutated;
      }
      case 3: {
        byte[] mutated = line.clone();
        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
        return mutated;
      }
      case 4: {
        int from = random.nextInt(line.length);
        byte[] shorter = new byte[line.length - 1];
        System.arraycopy(line, 0, shorter, 0, from);
        System.arraycopy(line, from + 1, shorter, from, line.length - from - 1);
        return shorter;
      }
      default:
        return line;
    }
  }

  private static Dataset<Row> binaryInput(String... values) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      rows.add(RowFactory.create("k" + i, rawBytes(values[i]), i));
    }
    return spark().createDataFrame(rows, BINARY_INPUT);
  }

  /** A new directory {@code in} below {@code dir} holding the records' lines, the first half in its first file. */
  private static Path inTwoFiles(Path dir, List<GeneratedRecord> records) throws IOException {
    Path input = Files.createDirectory(dir.resolve("in"));
    int half = records.size() / 2;
    writeLines(input.resolve("part-0.txt"), records.subList(0, half));
    writeLines(input.resolve("part-1.txt"), records.subList(half, records.size()));
    return input;
  }

  private static void writeLines(Path file, List<GeneratedRecord> records) throws IOException {
    try (java.io.OutputStream out = Files.newOutputStream(file)) {
      for (GeneratedRecord record : records) {
        out.write(record.bytes());
        out.write('\n');
      }
    }
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    return rows.stream().sorted(Comparator.comparing(Object::toString)).collect(Collectors.toList());
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
