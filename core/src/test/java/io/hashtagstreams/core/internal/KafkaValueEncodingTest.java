package io.hashtagstreams.core.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.testing.SparkTestSession;
import io.hashtagstreams.core.testing.TopicStream;

class KafkaValueEncodingTest {

  private static final StructType WINDOW = new StructType()
      .add("start", DataTypes.TimestampType).add("end", DataTypes.TimestampType);
  private static final StructType COUNTS = new StructType()
      .add("window", WINDOW).add("topic", DataTypes.StringType).add("count", DataTypes.LongType);

  @TempDir
  Path dir;

  private static Row countRow(String start, String end, String topic, long count) {
    return RowFactory.create(RowFactory.create(Timestamp.from(Instant.parse(start)),
        Timestamp.from(Instant.parse(end))), topic, count);
  }

  private static Dataset<Row> counts(Row... rows) {
    return SparkTestSession.get().createDataFrame(Arrays.asList(rows), COUNTS);
  }

  private static List<String> keysAndValues(Dataset<Row> records) {
    List<String> out = new ArrayList<>();
    records.collectAsList().forEach(row -> out.add(row.getString(0) + " " + row.getString(1)));
    return out;
  }

  @Test
  void encodesACountAsKeyAndJsonWithAFixedFieldOrder() {
    Dataset<Row> records = counts(countRow("2016-07-29T12:46:00Z", "2016-07-29T12:47:00Z", "rio2016", 42))
        .transform(HashtagOps.toKafkaValue());

    assertThat(records.schema().simpleString()).isEqualTo("struct<key:string,value:string>");
    assertThat(keysAndValues(records)).containsExactly("2016-07-29T12:46:00Z/rio2016 "
        + "{\"window\":{\"start\":\"2016-07-29T12:46:00Z\",\"end\":\"2016-07-29T12:47:00Z\"},"
        + "\"topic\":\"rio2016\",\"count\":42}");
  }

  @Test
  void putsTheRankBetweenWindowAndTopic() {
    Dataset<Row> ranked = counts(countRow("2016-07-29T12:46:00Z", "2016-07-29T12:47:00Z", "rio2016", 42))
        .select(col("window"), col("topic"), col("count"), lit(1).as("rank"));

    assertThat(keysAndValues(ranked.transform(HashtagOps.toKafkaValue()))).containsExactly(
        "2016-07-29T12:46:00Z/rio2016 {\"window\":{\"start\":\"2016-07-29T12:46:00Z\","
            + "\"end\":\"2016-07-29T12:47:00Z\"},\"rank\":1,\"topic\":\"rio2016\",\"count\":42}");
  }

  @Test
  void writesUtcWhateverTheSessionTimeZone() {
    SparkSession spark = SparkTestSession.get();
    String before = spark.conf().get("spark.sql.session.timeZone");
    try {
      spark.conf().set("spark.sql.session.timeZone", "America/Los_Angeles");
      Dataset<Row> records = counts(countRow("2016-07-29T23:59:00Z", "2016-07-30T00:00:00Z", "rio2016", 1))
          .transform(HashtagOps.toKafkaValue());
      assertThat(keysAndValues(records)).containsExactly("2016-07-29T23:59:00Z/rio2016 "
          + "{\"window\":{\"start\":\"2016-07-29T23:59:00Z\",\"end\":\"2016-07-30T00:00:00Z\"},"
          + "\"topic\":\"rio2016\",\"count\":1}");
    } finally {
      spark.conf().set("spark.sql.session.timeZone", before);
    }
  }

  @Test
  void showsMillisecondsOnlyWhenTheyAreNotZero() {
    Dataset<Row> records = counts(countRow("2016-07-29T12:46:00.250Z", "2016-07-29T12:46:01.005Z", "rio", 2))
        .transform(HashtagOps.toKafkaValue());

    assertThat(keysAndValues(records)).containsExactly("2016-07-29T12:46:00.250Z/rio "
        + "{\"window\":{\"start\":\"2016-07-29T12:46:00.250Z\",\"end\":\"2016-07-29T12:46:01.005Z\"},"
        + "\"topic\":\"rio\",\"count\":2}");
  }

  @Test
  void escapesAnyTopicTextSoThatJsonParsersReadItBack() throws IOException {
    List<String> topics = List.of("say \"rio\"", "back\\slash", "nul\u0000soh\u0001us\u001F",
        "line\nfeed\ttab\rreturn", "sep\u2028\u2029", "del\u007F", "</script>", "emoji\uD83C\uDDE7\uD83C\uDDF7",
        "math\uD835\uDCB3", "東京2020", "ελληνικά", "/slash", "'quote'");
    List<Row> rows = new ArrayList<>();
    topics.forEach(topic -> rows.add(countRow("2016-07-29T12:46:00Z", "2016-07-29T12:47:00Z", topic, 7)));

    List<Row> records = counts(rows.toArray(new Row[0])).transform(HashtagOps.toKafkaValue()).collectAsList();

    assertThat(records).hasSize(topics.size());
    for (int i = 0; i < topics.size(); i++) {
      String value = records.get(i).getString(1);
      assertThat(value.chars().filter(c -> c < 0x20)).as(value).isEmpty();
      Map<String, Object> fields = parse(value);
      assertThat(fields).as(value).containsExactly(
          Map.entry("window.start", "2016-07-29T12:46:00Z"), Map.entry("window.end", "2016-07-29T12:47:00Z"),
          Map.entry("topic", topics.get(i)), Map.entry("count", 7L));
      assertThat(records.get(i).getString(0)).isEqualTo("2016-07-29T12:46:00Z/" + topics.get(i));
    }
  }

  @Test
  void writesNullTopicAsJsonNullAndNoKey() {
    Row row = countRow("2016-07-29T12:46:00Z", "2016-07-29T12:47:00Z", null, 3);
    List<Row> records = counts(row).transform(HashtagOps.toKafkaValue()).collectAsList();

    assertThat(records.get(0).isNullAt(0)).isTrue();
    assertThat(records.get(0).getString(1)).isEqualTo("{\"window\":{\"start\":\"2016-07-29T12:46:00Z\","
        + "\"end\":\"2016-07-29T12:47:00Z\"},\"topic\":null,\"count\":3}");
  }

  @Test
  void encodesTheRowsOfAStreamingQuery() throws Exception {
    try (TopicStream stream = new TopicStream()) {
      stream.describing(row -> row.getString(0) + " " + row.getString(1));
      Dataset<Row> records = stream.input()
          .transform(HashtagOps.topTopics(1, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO))
          .transform(HashtagOps.toKafkaValue());
      stream.start(records, OutputMode.Append(), dir);

      assertThat(stream.sendAndFlatten("12:46:10 rio2016", "12:46:20 rio2016", "12:47:00 oly")).containsExactly(
          "2016-07-29T12:46:00Z/rio2016 {\"window\":{\"start\":\"2016-07-29T12:46:00Z\","
              + "\"end\":\"2016-07-29T12:47:00Z\"},\"rank\":1,\"topic\":\"rio2016\",\"count\":2}");
    }
  }

  @Test
  void javadocExampleRuns() {
    Dataset<Row> counts = TopicStream.batch("12:46:10 rio2016")
        .transform(HashtagOps.windowedCounts(Duration.ofMinutes(1)));
    Dataset<Row> records = counts.transform(HashtagOps.toKafkaValue());
    assertThat(records.collectAsList().get(0).getString(0)).isEqualTo("2016-07-29T12:46:00Z/rio2016");
  }

  @Test
  void rejectsMissingColumnsAndWrongTypes() {
    Dataset<Row> counts = counts(countRow("2016-07-29T12:46:00Z", "2016-07-29T12:47:00Z", "rio", 1));
    assertThatThrownBy(() -> counts.drop("count").transform(HashtagOps.toKafkaValue()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("toKafkaValue needs a column 'count', but the input has only [window, topic]");
    assertThatThrownBy(() -> counts.withColumn("window", col("window.start")).transform(HashtagOps.toKafkaValue()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("toKafkaValue needs column 'window' of type struct<start:timestamp,end:timestamp>, "
            + "but it is timestamp");
    assertThatThrownBy(() -> counts.withColumn("rank", lit("first")).transform(HashtagOps.toKafkaValue()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("toKafkaValue needs column 'rank' of type int or bigint, but it is string");
  }

  /** The JSON value's fields in order, nested names joined by a dot; fails on anything but strings and ints. */
  private static Map<String, Object> parse(String json) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      List<String> path = new ArrayList<>();
      String name = null;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case START_OBJECT -> {
            if (name != null) {
              path.add(name);
            }
          }
          case END_OBJECT -> {
            if (!path.isEmpty()) {
              path.remove(path.size() - 1);
            }
          }
          case FIELD_NAME -> name = parser.currentName();
          case VALUE_STRING -> fields.put(qualified(path, name), parser.getText());
          case VALUE_NUMBER_INT -> fields.put(qualified(path, name), parser.getLongValue());
          default -> throw new AssertionError("unexpected " + token + " in " + json);
        }
      }
    }
    return fields;
  }

  private static String qualified(List<String> path, String name) {
    return path.isEmpty() ? name : String.join(".", path) + "." + name;
  }
}
