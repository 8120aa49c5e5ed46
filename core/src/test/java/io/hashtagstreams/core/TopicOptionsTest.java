package io.hashtagstreams.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import org.junit.jupiter.api.Test;

class TopicOptionsTest {

  @Test
  void defaultsToNormalizedTopicsForEveryOccurrence() {
    TopicOptions defaults = TopicOptions.defaults();

    assertThat(defaults.keepCase()).isFalse();
    assertThat(defaults.oncePerTweet()).isFalse();
    assertThat(TopicOptions.builder().build()).isEqualTo(defaults);
  }

  @Test
  void buildsTheOptionsSet() {
    TopicOptions options = TopicOptions.builder().keepCase(true).oncePerTweet(true).build();

    assertThat(options.keepCase()).isTrue();
    assertThat(options.oncePerTweet()).isTrue();
    assertThat(options.toString()).isEqualTo("TopicOptions{keepCase=true, oncePerTweet=true}");
  }

  @Test
  void comparesByValue() {
    TopicOptions once = TopicOptions.builder().oncePerTweet(true).build();

    assertThat(once).isEqualTo(TopicOptions.builder().oncePerTweet(true).build())
        .hasSameHashCodeAs(TopicOptions.builder().oncePerTweet(true).build())
        .isNotEqualTo(TopicOptions.builder().keepCase(true).build())
        .isNotEqualTo(TopicOptions.defaults());
  }

  @Test
  void rejectsSettingKeepCaseTwice() {
    TopicOptions.Builder builder = TopicOptions.builder().keepCase(true);

    assertThatThrownBy(() -> builder.keepCase(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("keepCase was already set to true");
  }

  @Test
  void rejectsSettingOncePerTweetTwice() {
    TopicOptions.Builder builder = TopicOptions.builder().oncePerTweet(false);

    assertThatThrownBy(() -> builder.oncePerTweet(true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("oncePerTweet was already set to false");
  }

  @Test
  void survivesJavaSerializationToSparkExecutors() throws Exception {
    TopicOptions options = TopicOptions.builder().keepCase(true).build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(options);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(options);
    }
  }
}
