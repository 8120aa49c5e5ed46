package io.hashtagstreams.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.sample.TweetGenerator;

class EventTimeReaderTest {

  private static long read(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return EventTimeReader.read(bytes, 0, bytes.length);
  }

  @Test
  void prefersTimestampMsAsStringOrNumber() {
    assertThat(read("{\"created_at\":\"Fri Jul 01 00:00:00 +0000 2016\",\"user\":{\"created_at\":\"x\"},"
        + "\"timestamp_ms\":\"1467331200123\"}")).isEqualTo(1467331200123L);
    assertThat(read("{\"timestamp_ms\":1467331200123}")).isEqualTo(1467331200123L);
  }

  @Test
  void fallsBackToTopLevelCreatedAt() {
    assertThat(read("{\"retweeted_status\":{\"timestamp_ms\":\"5\"},\"created_at\":\"Fri Jul 01 00:00:01 +0000 2016\"}"))
        .isEqualTo(Instant.parse("2016-07-01T00:00:01Z").toEpochMilli());
  }

  @Test
  void noticesAndBrokenLinesHaveNoEventTime() {
    assertThat(read("{\"delete\":{\"status\":{\"id\":1}}}")).isEqualTo(EventTimeReader.NONE);
    assertThat(read("{\"limit\":{\"track\":3,\"timestamp_ms\":\"1467331200123\"}}")).isEqualTo(EventTimeReader.NONE);
    assertThat(read("{\"created_at\":\"Fri Jul 01 00:00:01 +0000 2016\"")).isEqualTo(
        Instant.parse("2016-07-01T00:00:01Z").toEpochMilli());
    assertThat(read("not json")).isEqualTo(EventTimeReader.NONE);
    assertThat(read("{\"timestamp_ms\":\"12x\"}")).isEqualTo(EventTimeReader.NONE);
  }

  @Test
  void agreesWithTheGeneratorOnEveryTweet() {
    TweetGenerator generator = TweetGenerator.builder().seed(7).build();
    for (GeneratedRecord record : generator.next(2000)) {
      long read = EventTimeReader.read(record.bytes(), 0, record.size());
      if (record.isTweet()) {
        assertThat(read).as(record.json()).isEqualTo(record.timestamp().toEpochMilli());
      }
    }
  }
}
