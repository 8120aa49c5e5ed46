package io.hashtagstreams.benchmarks.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegexHashtagsTest {

  @Test
  void findsTagsByLettersDigitsAndUnderscoreKeepingCase() {
    assertThat(RegexHashtags.extract("Go #Rio2016! (#olympics)\n#São_Paulo ＃full"))
        .containsExactly("Rio2016", "olympics", "São_Paulo", "full");
  }

  @Test
  void skipsAllDigitTagsUrlFragmentsAndTagsGluedToWords() {
    assertThat(RegexHashtags.extract("#2016 http://x.com/#anchor a#b &#39; ##double")).isEmpty();
  }
}
