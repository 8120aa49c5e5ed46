package io.hashtagstreams.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.testing.SparkTestSession;

/**
 * {@code hashtags(text, network)} and {@code hashtags_as_written(text, network)} in Spark SQL, registered by
 * {@link HashtagFunctions#register(SparkSession)} beside the one-argument forms under the same names: batch and
 * streaming, errors for a bad network at analysis and at run time, and registration by class name. The expected
 * arrays are written out for each text from the networks' rules.
 */
class HashtagsByNetworkSqlTest {

  private static final String TEXT = "Gold! #Rio2016 #double#rainbow (#paren) #one·two·three·";
  private static SparkSession session;

  @BeforeAll
  static void registerFunctions() {
    session = SparkTestSession.get().newSession();
    session.conf().set("spark.sql.session.timeZone", "UTC");
    session.conf().set("spark.sql.shuffle.partitions", "2");
    HashtagFunctions.register(session);
    List<Row> rows = List.of(
        RowFactory.create(1, "twitter", TEXT),
        RowFactory.create(2, "bluesky", TEXT),
        RowFactory.create(3, "mastodon", TEXT),
        RowFactory.create(4, "Mastodon", "x#no #Ja! #ja"),
        RowFactory.create(5, "bluesky", null),
        RowFactory.create(6, null, "#a"),
        RowFactory.create(7, "bluesky", "no tags #1 #?"));
    StructType schema = new StructType()
        .add("id", DataTypes.IntegerType)
        .add("network", DataTypes.StringType)
        .add("text", DataTypes.StringType);
    session.createDataFrame(rows, schema).createOrReplaceTempView("posts");
  }

  @Test
  void appliesEachRowsNetworkAndKeepsTheOneArgumentFormsOnTwitterText() {
    Dataset<Row> result = session.sql("SELECT id, hashtags(text, network), hashtags_as_written(text, network),"
        + " hashtags(text), hashtags_as_written(text) FROM posts");

    assertThat(SqlRows.sorted(result)).containsExactly(
        "1 | [rio2016, paren, one·two·three·] | [Rio2016, paren, one·two·three·]"
            + " | [rio2016, paren, one·two·three·] | [Rio2016, paren, one·two·three·]",
        "2 | [rio2016, double#rainbow, one·two·three] | [Rio2016, double#rainbow, one·two·three]"
            + " | [rio2016, paren, one·two·three·] | [Rio2016, paren, one·two·three·]",
        "3 | [rio2016, double, one·two·three] | [Rio2016, double, one·two·three]"
            + " | [rio2016, paren, one·two·three·] | [Rio2016, paren, one·two·three·]",
        "4 | [ja, ja] | [Ja, ja] | [ja, ja] | [Ja, ja]",
        "5 | null | null | null | null",
        "6 | null | null | [a] | [a]",
        "7 | [] | [] | [] | []");
  }

  @Test
  void takesALiteralNetwork() {
    Dataset<Row> result = session.sql("SELECT hashtags('#a#b #C.', 'bluesky'), hashtags('#a#b #C.', ' TWITTER '),"
        + " hashtags_as_written('#a#b #C.', 'mastodon'), hashtags('#a', CAST(NULL AS STRING))");

    assertThat(SqlRows.sorted(result)).containsExactly("[a#b, c] | [c] | [a, C] | null");
  }

  @Test
  void rejectsALiteralUnknownNetworkWhenTheQueryIsAnalysed() {
    for (String function : List.of("hashtags", "hashtags_as_written")) {
      assertThatThrownBy(() -> session.sql("SELECT " + function + "(text, 'blusky') FROM posts"))
          .hasStackTraceContaining(function + "(text, network): unknown network 'blusky';"
              + " expected one of twitter, bluesky, mastodon");
    }
  }

  @Test
  void failsTheQueryAtAnUnknownNetworkInAColumnNamingIt() {
    Dataset<Row> result = session.sql("SELECT hashtags(text, CASE WHEN id = 7 THEN 'threads' ELSE network END)"
        + " FROM posts");

    assertThatThrownBy(result::collectAsList)
        .hasStackTraceContaining("hashtags(text, network): unknown network 'threads';"
            + " expected one of twitter, bluesky, mastodon");
  }

  @Test
  void rejectsOtherArgumentCountsNamingTheFunction() {
    assertThatThrownBy(() -> session.sql("SELECT hashtags(text, network, 'x') FROM posts"))
        .hasStackTraceContaining("hashtags takes (text) or (text, network), but got 3 arguments");
    assertThatThrownBy(() -> session.sql("SELECT hashtags_as_written() FROM posts"))
        .hasStackTraceContaining("hashtags_as_written takes (text) or (text, network), but got 0 arguments");
  }

  @Test
  void registeringAgainKeepsBothForms() {
    HashtagFunctions.register(session);

    assertThat(SqlRows.sorted(session.sql("SELECT hashtags('#a#b', 'bluesky'), hashtags('#a#b #c')")))
        .containsExactly("[a#b] | [c]");
  }

  @Test
  void readsAStreamOfPostsFromFiles(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.write(input.resolve("posts.jsonl"), String.join("\n",
        "{\"id\":1,\"network\":\"twitter\",\"text\":\"#a#b (#c) #d.\"}",
        "{\"id\":2,\"network\":\"bluesky\",\"text\":\"#a#b (#c) #d.\"}",
        "{\"id\":3,\"network\":\"mastodon\",\"text\":\"#a#b (#c) #d.\"}").getBytes(StandardCharsets.UTF_8));
    session.readStream()
        .schema("id INT, network STRING, text STRING")
        .json(input.toString())
        .createOrReplaceTempView("post_stream");
    Dataset<Row> topics = session.sql("SELECT id, topic FROM post_stream"
        + " LATERAL VIEW explode(hashtags(text, network)) AS topic");
    assertThat(topics.isStreaming()).isTrue();
    List<Row> output = new CopyOnWriteArrayList<>();

    StreamingQuery query = topics.writeStream()
        .trigger(Trigger.AvailableNow())
        .option("checkpointLocation", dir.resolve("checkpoint").toString())
        .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (rows, batch) -> output.addAll(rows.collectAsList()))
        .start();
    try {
      assertThat(query.awaitTermination(TimeUnit.SECONDS.toMillis(120))).isTrue();
    } finally {
      query.stop();
    }

    assertThat(SqlRows.sorted(new ArrayList<>(output)))
        .containsExactly("1 | c", "1 | d", "2 | a#b", "2 | d", "3 | a", "3 | d");
  }

  @Test
  void twoArgumentClassesRegisterByClassNameUnderNamesOfTheirOwn() {
    SparkSession byName = SparkTestSession.get().newSession();
    byName.udf().registerJava("hashtags_by_network", HashtagsByNetworkUdf.class.getName(),
        DataType.fromDDL(HashtagsByNetworkUdf.RETURN_TYPE));
    byName.udf().registerJava("hashtags_as_written_by_network", HashtagsAsWrittenByNetworkUdf.class.getName(),
        DataType.fromDDL(HashtagsAsWrittenByNetworkUdf.RETURN_TYPE));

    assertThat(SqlRows.sorted(byName.sql("SELECT hashtags_by_network('#A#b #C', 'bluesky'),"
        + " hashtags_as_written_by_network('#A#b #C', 'mastodon')"))).containsExactly("[a#b, c] | [A, C]");
  }
}
