package io.hashtagstreams.core.internal.window;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.OutputMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.Hashtags;
import io.hashtagstreams.core.TrendOptions;
import io.hashtagstreams.core.sample.Burst;
import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.sample.TweetGenerator;
import io.hashtagstreams.core.testing.SparkTestSession;
import io.hashtagstreams.core.testing.TopicStream;

/**
 * {@code trendingTopics} on realistic generated tweets with a scheduled burst: the burst tops its first window, and
 * the whole output equals {@link TrendOracle} computed from the generator's ground truth (its hashtags and times,
 * not anything Spark extracted), in batch and streaming.
 */
class TrendingOnGeneratedTweetsTest {

  private static final Instant START = Instant.parse("2016-07-29T12:00:00Z");
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  @TempDir
  Path dir;

  @Test
  void burstIsRankOneInItsFirstWindowAndTheOutputMatchesGroundTruth() throws Exception {
    TweetGenerator generator = TweetGenerator.builder().seed(11).start(START).tweetsPerSecond(8)
        .burst("FlashMob2016", START.plus(Duration.ofMinutes(5)), Duration.ofMinutes(2), 3)
        .volumeChange(START.plus(Duration.ofMinutes(3)), Duration.ofMinutes(1), 2.0)
        .build();
    List<GeneratedRecord> records = new ArrayList<>();
    for (GeneratedRecord record = generator.next(); record.timestamp().isBefore(START.plus(Duration.ofMinutes(9)));
        record = generator.next()) {
      records.add(record);
    }
    List<TrendOracle.Event> truth = new ArrayList<>();
    for (GeneratedRecord record : records) {
      if (record.isTweet()) {
        for (String tag : record.hashtags()) {
          truth.add(new TrendOracle.Event(record.createdAt().toEpochMilli(), Hashtags.normalize(tag)));
        }
      }
    }
    TrendOptions options = TrendOptions.defaults();
    List<String> expected = TrendOracle.expected(truth, options);

    Burst burst = generator.bursts().get(0);
    Instant firstWindow = START.plus(Duration.ofMinutes(5));
    long burstCount = burst.linesIn(firstWindow, firstWindow.plus(Duration.ofMinutes(1)));
    assertThat(burstCount).isEqualTo(180);
    assertThat(expected).anyMatch(row -> row.startsWith("12:05-12:06 #1 flashmob2016=180 "));
    for (String row : expected) {
      if (row.contains(" flashmob2016=")) {
        Instant windowStart = Instant.parse("2016-07-29T" + row.substring(0, 5) + ":00Z");
        assertThat(generator.burstsActiveIn(windowStart, windowStart.plus(Duration.ofMinutes(1)))).contains(burst);
      }
    }

    Dataset<Row> topics = SparkTestSession.get()
        .createDataset(records.stream().filter(r -> r.kind() != GeneratedRecord.Kind.MALFORMED)
            .map(GeneratedRecord::json).toList(), Encoders.STRING()).toDF("value")
        .transform(HashtagOps.extractText())
        .transform(HashtagOps.explodeTopics())
        .select(col("event_time"), col("topic"));
    List<String> batch = new ArrayList<>();
    topics.transform(HashtagOps.trendingTopics(options)).collectAsList()
        .forEach(row -> batch.add(TrendingTopicsTest.describe(row)));
    assertThat(batch).containsExactlyInAnyOrderElementsOf(expected);

    // the same topics streamed minute by minute
    List<List<String>> minutes = new ArrayList<>();
    for (int m = 0; m < 9; m++) {
      minutes.add(new ArrayList<>());
    }
    for (Row row : topics.orderBy(col("event_time")).collectAsList()) {
      Instant at = ((Timestamp) row.get(0)).toInstant();
      minutes.get((int) Duration.between(START, at).toMinutes()).add(SECONDS.format(at) + " " + row.getString(1));
    }
    List<String> streamed = new ArrayList<>();
    try (TopicStream stream = new TopicStream()) {
      stream.describing(TrendingTopicsTest::describe)
          .start(stream.input().transform(HashtagOps.trendingTopics(options)), OutputMode.Append(), dir);
      for (List<String> minute : minutes) {
        streamed.addAll(stream.sendAndFlatten(minute.toArray(String[]::new)));
      }
      streamed.addAll(stream.sendAndFlatten("23:00:00 flush"));
    }
    assertThat(streamed).containsExactlyInAnyOrderElementsOf(expected);
  }
}
