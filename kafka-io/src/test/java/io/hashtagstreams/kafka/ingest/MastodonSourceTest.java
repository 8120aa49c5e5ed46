package io.hashtagstreams.kafka.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@link MastodonSource}: streaming and REST timeline URLs of Mastodon's API, and builder checks. */
class MastodonSourceTest {

  @Test
  void publicLocalStreamAndItsTimeline() {
    MastodonSource source = MastodonSource.builder().instance(URI.create("https://social.example/"))
        .stream("public:local").build();
    assertThat(source.streamUri()).hasToString("https://social.example/api/v1/streaming/public/local");
    assertThat(source.timelineUri("110", null))
        .hasToString("https://social.example/api/v1/timelines/public?limit=40&since_id=110&local=true");
    assertThat(source.timelineUri("110", "150"))
        .hasToString("https://social.example/api/v1/timelines/public?limit=40&since_id=110&local=true&max_id=150");
  }

  @Test
  void hashtagStreamAndItsTimelineOnASeparateStreamingHost() {
    MastodonSource source = MastodonSource.builder().instance(URI.create("https://mastodon.social"))
        .streamingUrl(URI.create("https://streaming.mastodon.social/api/v1/streaming")).stream("hashtag")
        .tag("café").build();
    assertThat(source.streamUri())
        .hasToString("https://streaming.mastodon.social/api/v1/streaming/hashtag?tag=caf%C3%A9");
    assertThat(source.timelineUri("1", null))
        .hasToString("https://mastodon.social/api/v1/timelines/tag/caf%C3%A9?limit=40&since_id=1");
  }

  @Test
  void printsNoTokenAndRejectsBadValues() {
    MastodonSource source = MastodonSource.builder()
        .token(Secret.fromEnvironment("T", Map.of("T", "mastodon-secret"))).build();
    assertThat(source.toString()).contains("[redacted]").doesNotContain("mastodon-secret");
    assertThatThrownBy(() -> MastodonSource.builder().stream("home"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'home'");
    assertThatThrownBy(() -> MastodonSource.builder().stream("hashtag").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs tag");
    assertThatThrownBy(() -> MastodonSource.builder().tag("#x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'#x'");
  }
}
