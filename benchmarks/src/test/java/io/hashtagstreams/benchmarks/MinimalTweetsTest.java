package io.hashtagstreams.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MinimalTweetsTest {

  private static String trim(String line) {
    return new String(MinimalTweets.trim(line.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  @Test
  void keepsOnlyTheScannedFieldsInOrder() {
    String line = "{\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"id\":1,\"id_str\":\"1\",\"text\":\"hi #a\","
        + "\"source\":\"web\",\"user\":{\"id\":2,\"id_str\":\"2\",\"name\":\"n\",\"followers_count\":3},"
        + "\"entities\":{\"hashtags\":[{\"text\":\"a\"}]},\"lang\":\"en\"}";
    assertEquals("{\"created_at\":\"Wed Oct 10 20:19:24 +0000 2018\",\"id\":1,\"id_str\":\"1\",\"text\":\"hi #a\","
        + "\"user\":{\"id\":2,\"id_str\":\"2\"},\"lang\":\"en\"}", trim(line));
  }

  @Test
  void keepsFullTextAndTheRetweetedStatusFields() {
    String line = "{\"id_str\":\"5\",\"text\":\"RT x\",\"retweeted_status\":{\"id_str\":\"4\",\"text\":\"x\","
        + "\"truncated\":true,\"extended_tweet\":{\"full_text\":\"x #b\",\"entities\":{}},\"user\":{\"id_str\":\"9\","
        + "\"screen_name\":\"s\"}},\"extended_tweet\":{\"full_text\":\"RT x #b\",\"display_text_range\":[0,7]}}";
    assertEquals("{\"id_str\":\"5\",\"text\":\"RT x\",\"retweeted_status\":{\"id_str\":\"4\",\"text\":\"x\","
        + "\"extended_tweet\":{\"full_text\":\"x #b\"},\"user\":{\"id_str\":\"9\"}},"
        + "\"extended_tweet\":{\"full_text\":\"RT x #b\"}}", trim(line));
  }

  @Test
  void keepsNoticesWhole() {
    String line = "{\"delete\":{\"status\":{\"id\":1,\"id_str\":\"1\",\"user_id\":3}},\"timestamp_ms\":\"1\"}";
    assertEquals(line, trim(line));
  }

  @Test
  void returnsMalformedAndNonObjectLinesUnchanged() {
    for (String line : new String[] {"{\"id_str\":\"1\",\"text\":", "[1,2]", "not json", "{\"a\":1} {\"b\":2}"}) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(bytes, MinimalTweets.trim(bytes), line);
    }
  }
}
