package io.hashtagstreams.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.TopicOptions;

class TopicFunctionTest {

  private static final String TEXT = "#Rio2016 #rio2016 #Judô ＃ＲＩＯ２０１６ #judô";

  private static TopicFunction function(boolean keepCase, boolean oncePerTweet) {
    return new TopicFunction(TopicOptions.builder().keepCase(keepCase).oncePerTweet(oncePerTweet).build());
  }

  @Test
  void givesNoTopicsForNullOrUntaggedText() {
    TopicFunction topics = function(false, false);

    assertThat(topics.call(null)).isEmpty();
    assertThat(topics.call("")).isEmpty();
    assertThat(topics.call("#2016 abc#x")).isEmpty();
  }

  @Test
  void normalizesEveryOccurrenceByDefault() {
    assertThat(function(false, false).call(TEXT))
        .containsExactly("rio2016", "rio2016", "judô", "rio2016", "judô");
  }

  @Test
  void keepsTheTagsAsWritten() {
    assertThat(function(true, false).call(TEXT))
        .containsExactly("Rio2016", "rio2016", "Judô", "ＲＩＯ２０１６", "judô");
  }

  @Test
  void keepsTheFirstOccurrenceOfEachNormalizedTag() {
    assertThat(function(false, true).call(TEXT)).containsExactly("rio2016", "judô");
  }

  @Test
  void keepsTheFirstOccurrenceOfEachTagAsWritten() {
    assertThat(function(true, true).call(TEXT + " #Rio2016"))
        .containsExactly("Rio2016", "rio2016", "Judô", "ＲＩＯ２０１６", "judô");
  }

  @Test
  void copesWithUnpairedSurrogatesAndControlCharacters() {
    assertThat(function(false, false).call("\uDC00#a\uD800 \u0000#b\uFFFF #\uD800c"))
        .containsExactly("a", "b");
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(function(false, true));
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      TopicFunction copy = (TopicFunction) in.readObject();
      assertThat(copy.call(TEXT)).containsExactly("rio2016", "judô");
    }
  }
}
