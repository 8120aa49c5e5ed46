package io.hashtagstreams.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.testing.SparkTestSession;

/**
 * {@link HashtagOps#explodeTopics(TopicOptions)} on a real local Spark, batch and streaming, called the way users
 * call it: {@code dataset.transform(HashtagOps.explodeTopics(...))}.
 */
class TopicExplosionTest {

  private static final StructType TWEETS = new StructType()
      .add("id", DataTypes.LongType)
      .add("text", DataTypes.StringType)
      .add("lang", DataTypes.StringType);

  private final SparkSession spark = SparkTestSession.get();

  private Dataset<Row> tweets() {
    return spark.createDataFrame(List.of(
        RowFactory.create(1L, "Gold! #Rio2016 #Brasil", "pt"),
        RowFactory.create(2L, null, "en"),
        RowFactory.create(3L, "no tags here", "en"),
        RowFactory.create(4L, "#rio2016 again #RIO2016 and ＃ＲＩＯ２０１６ #Brasil", "en"),
        RowFactory.create(5L, "#2016 abc#x &#39; http://example.com/#frag", null),
        RowFactory.create(6L, "東京。#リオ五輪", "ja")), TWEETS);
  }

  /** id, lang and topic of each row, in order, as "id lang topic". */
  private static List<String> idLangTopic(Dataset<Row> topics) {
    return topics.collectAsList().stream()
        .map(row -> row.getLong(0) + " " + row.getString(2) + " " + row.getString(3))
        .collect(Collectors.toList());
  }

  @Test
  void explodesOneNormalizedRowPerHashtagOccurrence() {
    Dataset<Row> topics = tweets().transform(HashtagOps.explodeTopics());

    assertThat(idLangTopic(topics)).containsExactly(
        "1 pt rio2016", "1 pt brasil",
        "4 en rio2016", "4 en rio2016", "4 en rio2016", "4 en brasil",
        "6 ja リオ五輪");
  }

  @Test
  void passesTheInputColumnsThroughAndAppendsANonNullTopic() {
    Dataset<Row> topics = tweets().transform(HashtagOps.explodeTopics());

    assertThat(topics.schema().fields()).containsExactly(
        new StructField("id", DataTypes.LongType, true, org.apache.spark.sql.types.Metadata.empty()),
        new StructField("text", DataTypes.StringType, true, org.apache.spark.sql.types.Metadata.empty()),
        new StructField("lang", DataTypes.StringType, true, org.apache.spark.sql.types.Metadata.empty()),
        new StructField("topic", DataTypes.StringType, false, org.apache.spark.sql.types.Metadata.empty()));
    Row first = topics.collectAsList().get(0);
    assertThat(first.getString(1)).isEqualTo("Gold! #Rio2016 #Brasil");
  }

  @Test
  void keepsTheTagAsWrittenWithKeepCase() {
    Dataset<Row> topics = tweets().transform(HashtagOps.explodeTopics(
        TopicOptions.builder().keepCase(true).build()));

    assertThat(idLangTopic(topics)).containsExactly(
        "1 pt Rio2016", "1 pt Brasil",
        "4 en rio2016", "4 en RIO2016", "4 en ＲＩＯ２０１６", "4 en Brasil",
        "6 ja リオ五輪");
  }

  @Test
  void countsATagOncePerTweetAfterNormalizationWithOncePerTweet() {
    Dataset<Row> topics = tweets().transform(HashtagOps.explodeTopics(
        TopicOptions.builder().oncePerTweet(true).build()));

    assertThat(idLangTopic(topics)).containsExactly(
        "1 pt rio2016", "1 pt brasil",
        "4 en rio2016", "4 en brasil",
        "6 ja リオ五輪");
  }

  @Test
  void comparesTheTagsAsWrittenWithOncePerTweetAndKeepCase() {
    Dataset<Row> topics = tweets().transform(HashtagOps.explodeTopics(
        TopicOptions.builder().oncePerTweet(true).keepCase(true).build()));

    assertThat(idLangTopic(topics)).containsExactly(
        "1 pt Rio2016", "1 pt Brasil",
        "4 en rio2016", "4 en RIO2016", "4 en ＲＩＯ２０１６", "4 en Brasil",
        "6 ja リオ五輪");
  }

  @Test
  void runsTheJavadocExample() {
    Dataset<Row> tweets = tweets();
    Dataset<Row> topics = tweets.transform(HashtagOps.explodeTopics(
        TopicOptions.builder().oncePerTweet(true).build()));

    assertThat(topics.count()).isEqualTo(5);
  }

  @Test
  void explodesAStreamOfJsonFilesIntoTheMemorySink(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    writeLines(input.resolve("part-0.json"),
        "{\"id\":1,\"text\":\"Gold! #Rio2016 #Brasil\",\"lang\":\"pt\"}",
        "{\"id\":2,\"text\":null,\"lang\":\"en\"}",
        "{\"id\":3,\"text\":\"no tags here\",\"lang\":\"en\"}");
    Dataset<Row> topics = spark.readStream().schema(TWEETS).json(input.toString())
        .transform(HashtagOps.explodeTopics());
    StreamingQuery query = topics.writeStream()
        .format("memory")
        .queryName("explode_topics_stream")
        .outputMode("append")
        .option("checkpointLocation", dir.resolve("checkpoint").toString())
        .start();
    try {
      query.processAllAvailable();
      assertThat(idLangTopic(spark.table("explode_topics_stream").orderBy("id", "topic")))
          .containsExactly("1 pt brasil", "1 pt rio2016");

      writeLines(input.resolve("part-1.json"),
          "{\"id\":4,\"text\":\"#rio2016 again #RIO2016\",\"lang\":\"en\"}",
          "{\"id\":5,\"text\":\"#2016 abc#x\"}");
      query.processAllAvailable();
      assertThat(idLangTopic(spark.table("explode_topics_stream").orderBy("id", "topic")))
          .containsExactly("1 pt brasil", "1 pt rio2016", "4 en rio2016", "4 en rio2016");
    } finally {
      query.stop();
    }
  }

  @Test
  void rejectsInputWithoutTextNamingTheColumnsPresent() {
    Dataset<Row> input = spark.sql("SELECT 1L AS id, 'x #y' AS body");

    assertThatThrownBy(() -> input.transform(HashtagOps.explodeTopics()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("explodeTopics needs a column 'text', but the input has only [id, body]");
  }

  @Test
  void rejectsTextThatIsNotAString() {
    Dataset<Row> input = spark.sql("SELECT 1L AS id, 42 AS text");

    assertThatThrownBy(() -> input.transform(HashtagOps.explodeTopics()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("explodeTopics needs column 'text' of type string, but it is int (input columns: [id, text])");
  }

  @Test
  void rejectsInputThatHasATopicColumnAlready() {
    Dataset<Row> input = spark.sql("SELECT 'x #y' AS text, 'old' AS topic");

    assertThatThrownBy(() -> input.transform(HashtagOps.explodeTopics()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("explodeTopics adds a column 'topic', but the input has one already: [text, topic]");
  }

  @Test
  void rejectsNullOptions() {
    assertThatThrownBy(() -> tweets().transform(HashtagOps.explodeTopics(null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("explodeTopics needs options, but got null");
  }

  private static void writeLines(Path file, String... lines) throws IOException {
    // written aside and moved in, so the stream never sees half a file
    Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.write(temporary, Arrays.asList(lines), StandardCharsets.UTF_8);
    Files.move(temporary, file);
  }

  private static final StructType POSTS = new StructType()
      .add("id", DataTypes.StringType)
      .add("network", DataTypes.StringType)
      .add("text", DataTypes.StringType)
      .add("tags", DataTypes.createArrayType(DataTypes.StringType));

  /** "id topic" of each row, in order. */
  private static List<String> idTopic(Dataset<Row> topics) {
    return topics.collectAsList().stream().map(row -> row.getString(0) + " " + row.getString(row.fieldIndex("topic")))
        .collect(Collectors.toList());
  }

  @Test
  void usesThePostsOwnTagsWhenItHasThemAndItsNetworksRulesOtherwise() {
    Dataset<Row> posts = spark.createDataFrame(List.of(
        // A tag list is the truth: the text is not searched, tags not in the text still count.
        RowFactory.create("a", "bluesky", "text #ignored", List.of("Rio2016", "ＲＩＯ２０１６", "olympics")),
        // An empty list: the network says none.
        RowFactory.create("b", "mastodon", "#not_a_tag_here", List.of()),
        // No list: the network's text rules (Bluesky keeps # inside a tag, twitter-text does not).
        RowFactory.create("c", "bluesky", "gold #double#rainbow", null),
        RowFactory.create("d", "twitter", "gold #double#rainbow #Rio2016", null),
        RowFactory.create("e", null, "no network: twitter-text #Rio2016", null),
        RowFactory.create("f", "threads", "unknown network: twitter-text #Rio2016", null)), POSTS);

    assertThat(idTopic(posts.transform(HashtagOps.explodeTopics()))).containsExactly(
        "a rio2016", "a rio2016", "a olympics",
        "c double#rainbow",
        "d rio2016",
        "e rio2016",
        "f rio2016");
    assertThat(idTopic(posts.transform(HashtagOps.explodeTopics(TopicOptions.builder().oncePerTweet(true).build()))))
        .startsWith("a rio2016", "a olympics");
  }

  @Test
  void refusesATagsColumnThatIsNoListOfStrings() {
    Dataset<Row> wrong = spark.createDataFrame(List.of(RowFactory.create("x", "#a")),
        new StructType().add("tags", DataTypes.StringType).add("text", DataTypes.StringType));
    assertThatThrownBy(() -> wrong.transform(HashtagOps.explodeTopics()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("explodeTopics reads column 'tags' as the post's own hashtags, which must be array<string>, but"
            + " it is string; rename or drop it");
  }
}
