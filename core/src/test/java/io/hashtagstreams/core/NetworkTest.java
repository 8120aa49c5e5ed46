package io.hashtagstreams.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetworkTest {

  @Test
  void namesEachNetworkByItsColumnValue() {
    assertThat(Network.values()).extracting(Network::id).containsExactly("twitter", "bluesky", "mastodon");
  }

  @Test
  void findsANetworkByIdIgnoringCaseAndSpaces() {
    assertThat(Network.fromId("bluesky")).isEqualTo(Network.BLUESKY);
    assertThat(Network.fromId(" Mastodon ")).isEqualTo(Network.MASTODON);
    assertThat(Network.fromId("TWITTER")).isEqualTo(Network.TWITTER);
  }

  @Test
  void rejectsAnUnknownNetworkRepeatingTheValue() {
    assertThatThrownBy(() -> Network.fromId("threads"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown network 'threads'; expected one of twitter, bluesky, mastodon");
    assertThatThrownBy(() -> Network.fromId(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown network 'null'; expected one of twitter, bluesky, mastodon");
  }
}
