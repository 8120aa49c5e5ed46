package io.hashtagstreams.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link PostFormat}: stable ids, networks, lookup by id. */
class PostFormatTest {

  @Test
  void namesEachFormatAndItsNetwork() {
    assertThat(PostFormat.TWITTER_V1.id()).isEqualTo("twitter_v1");
    assertThat(PostFormat.X_V2.network()).isEqualTo(Network.TWITTER);
    assertThat(PostFormat.BLUESKY_JETSTREAM.network()).isEqualTo(Network.BLUESKY);
    assertThat(PostFormat.MASTODON.network()).isEqualTo(Network.MASTODON);
  }

  @Test
  void findsAFormatByItsIdIgnoringCaseAndBlanks() {
    assertThat(PostFormat.fromId(" X_V2 ")).isEqualTo(PostFormat.X_V2);
    assertThatThrownBy(() -> PostFormat.fromId("threads")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown post format 'threads'; expected one of twitter_v1, x_v2, bluesky_jetstream, mastodon");
    assertThatThrownBy(() -> PostFormat.fromId(null)).hasMessageContaining("'null'");
  }
}
