package io.hashtagstreams.kafka.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link JetstreamSource}: the subscribe URL Jetstream's README describes, defaults and builder checks. */
class JetstreamSourceTest {

  @Test
  void defaultsToPostsOnThePublicInstanceWithAThreeSecondOverlap() {
    JetstreamSource source = JetstreamSource.builder().build();
    assertThat(source.subscribeUri(-1)).isEqualTo(URI.create(
        "wss://jetstream2.us-east.bsky.network/subscribe?wantedCollections=app.bsky.feed.post"));
    assertThat(source.overlap()).isEqualTo(Duration.ofSeconds(3));
    assertThat(source.cursor()).isEqualTo(-1);
    assertThat(source.token()).isNull();
  }

  @Test
  void repeatsTheFiltersAndAddsTheCursor() {
    JetstreamSource source = JetstreamSource.builder().endpoint(URI.create("ws://127.0.0.1:6008/subscribe"))
        .wantedCollections(List.of("app.bsky.feed.post", "app.bsky.graph.*"))
        .wantedDids(List.of("did:plc:q6gjnaw2blty4crticxkmujt")).build();
    assertThat(source.subscribeUri(1725519626134432L)).hasToString("ws://127.0.0.1:6008/subscribe"
        + "?wantedCollections=app.bsky.feed.post&wantedCollections=app.bsky.graph.*"
        + "&wantedDids=did:plc:q6gjnaw2blty4crticxkmujt&cursor=1725519626134432");
  }

  @Test
  void rejectsBadValuesAndSecondSettings() {
    assertThatThrownBy(() -> JetstreamSource.builder().endpoint(URI.create("https://x.org")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://x.org");
    assertThatThrownBy(() -> JetstreamSource.builder().wantedDids(List.of("alice")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'alice'");
    assertThatThrownBy(() -> JetstreamSource.builder().cursor(-5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5");
    assertThatThrownBy(() -> JetstreamSource.builder().overlap(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
    assertThatThrownBy(() -> JetstreamSource.builder().cursor(1).cursor(2))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cursor is already set");
  }
}
