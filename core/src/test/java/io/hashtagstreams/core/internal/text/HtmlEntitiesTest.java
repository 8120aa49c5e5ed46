package io.hashtagstreams.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlEntitiesTest {

  @Test
  void decodesTheThreeEscapesTwitterWrites() {
    assertThat(HtmlEntities.unescape("AT&amp;T &lt;3 #rio2016 -&gt; go")).isEqualTo("AT&T <3 #rio2016 -> go");
  }

  @Test
  void decodesInOnePass() {
    assertThat(HtmlEntities.unescape("&amp;lt; &amp;amp;")).isEqualTo("&lt; &amp;");
  }

  @Test
  void leavesOtherEntitiesAndLoneAmpersandsAlone() {
    assertThat(HtmlEntities.unescape("&quot;hi&quot; &#35;tag & &am &")).isEqualTo("&quot;hi&quot; &#35;tag & &am &");
  }

  @Test
  void returnsTheSameInstanceWithoutAmpersand() {
    String text = "no escapes #here";
    assertThat(HtmlEntities.unescape(text)).isSameAs(text);
  }
}
