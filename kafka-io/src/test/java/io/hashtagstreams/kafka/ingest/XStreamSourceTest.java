package io.hashtagstreams.kafka.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@link XStreamSource}: the stream URL with the fields the formats need, backfill on reconnect, the token. */
class XStreamSourceTest {

  private static final Secret TOKEN = Secret.fromEnvironment("T", Map.of("T", "x-secret"));

  @Test
  void asksForTheFieldsAndExpansionsTheReadersNeed() {
    XStreamSource source = XStreamSource.builder().token(TOKEN).build();
    assertThat(source.streamUri(false)).hasToString("https://api.x.com/2/tweets/search/stream"
        + "?tweet.fields=created_at,entities,note_tweet,referenced_tweets&expansions=referenced_tweets.id");
    assertThat(source.endpoint()).isEqualTo(XStreamSource.FILTERED_STREAM);
  }

  @Test
  void asksForBackfillOnlyOnReconnects() {
    XStreamSource source = XStreamSource.builder().url(URI.create("https://api.x.com/2/tweets/sample/stream"))
        .token(TOKEN).backfillMinutes(2).build();
    assertThat(source.streamUri(false).toString()).doesNotContain("backfill_minutes");
    assertThat(source.streamUri(true).toString()).endsWith("&backfill_minutes=2");
  }

  @Test
  void needsATokenAndNeverPrintsIt() {
    assertThatThrownBy(() -> XStreamSource.builder().build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token is required");
    assertThat(XStreamSource.builder().token(TOKEN).build().toString()).doesNotContain("x-secret");
    assertThatThrownBy(() -> XStreamSource.builder().backfillMinutes(6))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6");
  }
}
