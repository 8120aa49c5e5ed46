package io.hashtagstreams.benchmarks.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class JacksonEarlyExitScanTest {

  private static JacksonEarlyExitScan.TextAndTime scan(String json) {
    byte[] bytes = ("xx" + json).getBytes(StandardCharsets.UTF_8);
    return JacksonEarlyExitScan.scan(bytes, 2, bytes.length - 2);
  }

  @Test
  void readsTopLevelTextAndCreatedAtSkippingNestedValues() {
    assertThat(scan("{\"user\":{\"text\":\"nested\",\"created_at\":\"no\"},\"entities\":[1,{\"a\":2}],"
        + "\"created_at\":\"Fri Jul 29 12:46:00 +0000 2016\",\"id\":7,\"text\":\"hi #rio\"}"))
        .isEqualTo(new JacksonEarlyExitScan.TextAndTime("hi #rio", "Fri Jul 29 12:46:00 +0000 2016"));
  }

  @Test
  void stopsOnceBothAreReadAndIgnoresTheBrokenRest() {
    assertThat(scan("{\"text\":\"a\",\"created_at\":\"b\",\"rest\": [[[ broken"))
        .isEqualTo(new JacksonEarlyExitScan.TextAndTime("a", "b"));
  }

  @Test
  void returnsNullsForMissingFieldsAndNonObjects() {
    assertThat(scan("{\"text\":\"only\"}")).isEqualTo(new JacksonEarlyExitScan.TextAndTime("only", null));
    assertThat(scan("[1,2]")).isEqualTo(new JacksonEarlyExitScan.TextAndTime(null, null));
  }

  @Test
  void throwsOnMalformedJsonBeforeBothFields() {
    assertThatThrownBy(() -> scan("{\"text\": nope")).isInstanceOf(UncheckedIOException.class);
  }
}
