package io.hashtagstreams.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.sample.TweetGenerator;
import io.hashtagstreams.core.testing.SparkTestSession;

/**
 * Runs the "Ten lines" example of README.md ({@link TenLines}, which holds it verbatim) and checks its result against
 * the generator's truth; checks that README.md shows exactly that code.
 */
class ReadmeExampleTest {

  @TempDir
  Path dir;

  @Test
  void readmeExampleCountsEveryHashtagPerMinute() throws IOException {
    List<GeneratedRecord> records = TweetGenerator.builder().seed(7).tweetsPerSecond(20).noticeShare(0.05)
        .malformedShare(0.05).build().next(3000);
    Path file = dir.resolve("tweets.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      for (GeneratedRecord record : records) {
        out.write(record.bytes());
        out.write('\n');
      }
    }
    SparkSession spark = SparkTestSession.get();

    TenLines.main(new String[] {file.toString()});             // the README's program, as a user runs it
    Dataset<Row> counts = TenLines.hashtagsPerMinute(spark.read().text(file.toString()));

    Map<String, Long> actual = new HashMap<>();
    for (Row row : counts.collectAsList()) {
      Instant start = row.getStruct(0).<Timestamp>getAs("start").toInstant();
      assertThat(row.getStruct(0).<Timestamp>getAs("end").toInstant()).isEqualTo(start.plus(1, ChronoUnit.MINUTES));
      actual.put(start + "/" + row.getString(1), row.getLong(2));
    }
    assertThat(actual).isEqualTo(expectedCounts(records));
  }

  @Test
  void readmeShowsTheTenLinesCodeVerbatim() throws IOException {
    String source = Files.readString(Path.of("src/test/java/io/hashtagstreams/core/TenLines.java"));
    String code = source.substring(source.indexOf("// README BEGIN\n") + "// README BEGIN\n".length(),
        source.indexOf("// README END\n"));
    String readme = Files.readString(Path.of("../README.md"));
    assertThat(readme).contains("## Ten lines\n\n```java\n" + code + "```\n");
  }

  private static Map<String, Long> expectedCounts(List<GeneratedRecord> records) {
    Map<String, Long> expected = new HashMap<>();
    for (GeneratedRecord record : records) {
      if (!record.isTweet()) {
        continue;
      }
      Instant minute = record.createdAt().truncatedTo(ChronoUnit.MINUTES);
      for (String tag : record.hashtags()) {
        expected.merge(minute + "/" + Hashtags.normalize(tag), 1L, Long::sum);
      }
    }
    assertThat(expected).as("the generator produced hashtags").hasSizeGreaterThan(50);
    return expected;
  }
}
