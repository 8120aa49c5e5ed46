package io.hashtagstreams.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link ExtractOptions}: the {@code formats} setting of 0.3 (the older settings are covered by the reader tests). */
class ExtractOptionsTest {

  @Test
  void readsEveryFormatByDefault() {
    assertThat(ExtractOptions.defaults().formats()).containsExactlyInAnyOrder(PostFormat.values());
  }

  @Test
  void keepsTheFormatsGiven() {
    ExtractOptions options = ExtractOptions.builder().formats(PostFormat.MASTODON, PostFormat.X_V2).build();
    assertThat(options.formats()).containsExactlyInAnyOrder(PostFormat.MASTODON, PostFormat.X_V2);
    assertThat(options).isEqualTo(ExtractOptions.builder().formats(PostFormat.X_V2, PostFormat.MASTODON).build())
        .isNotEqualTo(ExtractOptions.defaults());
    assertThat(options.toString()).contains("formats=[X_V2, MASTODON]");
  }

  @Test
  void rejectsNoFormatANullOneAndASecondCall() {
    assertThatThrownBy(() -> ExtractOptions.builder().formats()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got []");
    assertThatThrownBy(() -> ExtractOptions.builder().formats(PostFormat.X_V2, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[X_V2, null]");
    assertThatThrownBy(() -> ExtractOptions.builder().formats(PostFormat.X_V2).formats(PostFormat.MASTODON))
        .isInstanceOf(IllegalStateException.class).hasMessage("formats was already set to [X_V2]");
  }

  @Test
  void countsRejectionsUnderTheNameGivenOnceAndNotBlank() {
    assertThat(ExtractOptions.defaults().rejectionCounts()).isEmpty();
    ExtractOptions options = ExtractOptions.builder().countRejections("rejections").build();
    assertThat(options.rejectionCounts()).contains("rejections");
    assertThat(options).isEqualTo(ExtractOptions.builder().countRejections("rejections").build())
        .isNotEqualTo(ExtractOptions.defaults());
    assertThat(options.toString()).endsWith(", rejectionCounts=rejections}");
    assertThatThrownBy(() -> ExtractOptions.builder().countRejections(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("countRejections needs an observation name that is not blank, got ' '");
    assertThatThrownBy(() -> ExtractOptions.builder().countRejections(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("countRejections needs an observation name that is not blank, got null");
    assertThatThrownBy(() -> ExtractOptions.builder().countRejections("a").countRejections("b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("countRejections was already set to 'a'");
  }
}
