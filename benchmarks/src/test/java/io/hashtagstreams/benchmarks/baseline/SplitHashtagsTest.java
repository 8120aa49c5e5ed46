package io.hashtagstreams.benchmarks.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitHashtagsTest {

  @Test
  void keepsSpaceSeparatedWordsStartingWithHashWithTheirDefects() {
    assertThat(SplitHashtags.extract("Go #Rio2016! #rio2016 and\n#newline x#mid # end"))
        .containsExactly("#Rio2016!", "#rio2016", "#");
  }

  @Test
  void returnsNothingWithoutHash() {
    assertThat(SplitHashtags.extract("no tags here")).isEmpty();
  }
}
