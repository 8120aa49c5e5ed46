package io.hashtagstreams.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.testing.NetworkSamples;
import io.hashtagstreams.core.testing.SparkTestSession;

/**
 * {@code extractText -> explodeTopics} and {@code rejected} on the real and documented-shape records of every
 * network at once (core test resources {@code networks/}), batch and streaming. The expected topics are the
 * networks' own tag lists of those records (see the {@code *.expected.tsv} ground truth and the README there),
 * normalized by hand here; the records without a list have no {@code #} in their text, except the X post whose
 * text gives {@code NoList} by twitter-text.
 */
class NetworksPipelineTest {

  /** "network id topic" of every topic row the samples must give. */
  private static final List<String> EXPECTED_TOPICS = List.of(
      "bluesky at://did:plc:tn3hni2jpphsgl6amfbb7ja6/app.bsky.feed.post/3mptbypfywk2v howtotellaitoshutup",
      "bluesky at://did:plc:tn3hni2jpphsgl6amfbb7ja6/app.bsky.feed.post/3mptbypfywk2v indierebellion",
      "bluesky at://did:plc:ynfp6wddjqpl44gordpsqkuw/app.bsky.feed.post/3mptbyo7tas2u talesatwonderworld",
      "bluesky at://did:plc:ynfp6wddjqpl44gordpsqkuw/app.bsky.feed.post/3mptbyo7tas2u balanwonderworldoc",
      "mastodon http://localhost:3000/ap/users/117020566092212359/statuses/117020593741189701 hoot",
      "mastodon http://localhost:3000/ap/users/117020566092212359/statuses/117020593741189701 hoot",
      "mastodon http://localhost:3000/ap/users/117020566092212359/statuses/117020593741189701 hoot",
      "twitter 1995000000000000001 rio2016",
      "twitter 1995000000000000001 olympics",
      "twitter 1995000000000000002 long",
      "twitter 1995000000000000002 attheend",
      "twitter 1995000000000000003 rio2016",
      "twitter 1995000000000000003 forçabrasil",
      "twitter 1995000000000000003 ouro",
      "twitter 1995000000000000004 nolist",
      "twitter 1995000000000000005 bare");

  /** reason -> how many sample records are rejected with it. */
  private static final List<String> EXPECTED_REJECTED = List.of(
      "account_event 1", "delete_notice 3", "empty_value 1", "identity_event 1", "not_a_post 117", "other_notice 1",
      "repost 15", "stream_error 1");

  private final SparkSession spark = SparkTestSession.get();

  private static List<String> topics(Dataset<Row> rows) {
    return rows.select("network", "id", "topic").collectAsList().stream()
        .map(row -> row.getString(0) + " " + row.getString(1) + " " + row.getString(2))
        .sorted().collect(Collectors.toList());
  }

  private static List<String> reasons(Dataset<Row> rejected) {
    return rejected.groupBy("reason").count().collectAsList().stream()
        .map(row -> row.getString(0) + " " + row.getLong(1)).sorted().collect(Collectors.toList());
  }

  private Dataset<Row> samples() {
    List<Row> rows = new ArrayList<>();
    for (String line : NetworkSamples.allPostStreams()) {
      rows.add(RowFactory.create(line.getBytes(StandardCharsets.UTF_8)));
    }
    return spark.createDataFrame(rows, new StructType().add("value", DataTypes.BinaryType));
  }

  @Test
  void everyNetworkGivesItsOwnTagsAsOneNormalizedTopicInBatch() {
    Dataset<Row> posts = samples().transform(HashtagOps.extractText());
    assertThat(posts.count()).isEqualTo(17 + 14 + 5);
    assertThat(topics(posts.transform(HashtagOps.explodeTopics())))
        .isEqualTo(EXPECTED_TOPICS.stream().sorted().collect(Collectors.toList()));
    assertThat(reasons(samples().transform(HashtagOps.rejected()))).isEqualTo(EXPECTED_REJECTED);
  }

  @Test
  void countsSplitByNetworkKeepOneTopicPerNetwork() {
    Dataset<Row> counts = samples()
        .transform(HashtagOps.extractText())
        .transform(HashtagOps.explodeTopics())
        .filter("topic = 'rio2016'")
        .transform(HashtagOps.windowedCountsByNetwork(Duration.ofDays(365 * 20), Duration.ofDays(365 * 20),
            Duration.ZERO));
    assertThat(counts.columns()).containsExactly("window", "network", "topic", "count");
    assertThat(counts.select("network", "topic", "count").collectAsList().stream().map(Row::toString))
        .containsExactly("[twitter,rio2016,2]");
  }

  @Test
  void countsByNetworkNeedANetworkColumn() {
    Dataset<Row> topics = samples().transform(HashtagOps.extractText()).transform(HashtagOps.explodeTopics())
        .drop("network");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> topics.transform(
        HashtagOps.windowedCountsByNetwork(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("windowedCountsByNetwork").hasMessageContaining("network");
  }

  @Test
  void everyNetworkGivesTheSameTopicsInAStreamingQuery(@TempDir Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.write(input.resolve("posts.jsonl"), NetworkSamples.allPostStreams(), StandardCharsets.UTF_8);
    Dataset<Row> lines = spark.readStream().text(input.toString());
    StreamingQuery topics = lines.transform(HashtagOps.extractText()).transform(HashtagOps.explodeTopics())
        .writeStream().format("memory").queryName("networks_stream_topics").outputMode("append")
        .trigger(Trigger.AvailableNow()).option("checkpointLocation", dir.resolve("c1").toString()).start();
    StreamingQuery dead = lines.transform(HashtagOps.rejected())
        .writeStream().format("memory").queryName("networks_stream_rejected").outputMode("append")
        .trigger(Trigger.AvailableNow()).option("checkpointLocation", dir.resolve("c2").toString()).start();
    try {
      assertThat(topics.awaitTermination(120_000)).isTrue();
      assertThat(dead.awaitTermination(120_000)).isTrue();
    } finally {
      topics.stop();
      dead.stop();
    }
    assertThat(topics(spark.table("networks_stream_topics")))
        .isEqualTo(EXPECTED_TOPICS.stream().sorted().collect(Collectors.toList()));
    // A text source splits on \r\n too, so the keep-alive line arrives as an empty line: still empty_value.
    assertThat(reasons(spark.table("networks_stream_rejected"))).isEqualTo(EXPECTED_REJECTED);
  }
}
