package io.hashtagstreams.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link HtmlText} on Mastodon's content HTML. */
class HtmlTextTest {

  @Test
  void keepsLinkTextAndDropsTags() {
    assertThat(HtmlText.toPlainText("<p><a href=\"http://localhost:3000/tags/hoot\" class=\"mention hashtag\" "
        + "rel=\"tag\">#<span>hoot</span></a> (hashtag toot)</p>")).isEqualTo("#hoot (hashtag toot)");
    assertThat(HtmlText.toPlainText("<p>see <a href=\"https://x.org/a\"><span class=\"invisible\">https://</span>"
        + "<span class=\"\">x.org/a</span><span class=\"invisible\"></span></a></p>"))
        .isEqualTo("see https://x.org/a");
  }

  @Test
  void turnsBreaksAndParagraphsIntoLineBreaks() {
    assertThat(HtmlText.toPlainText("<p>a<br>b<br />c</p><p>d</p>")).isEqualTo("a\nb\nc\n\nd");
  }

  @Test
  void decodesNamedAndNumericReferencesOnce() {
    assertThat(HtmlText.toPlainText("&lt;3 &amp;amp; &quot;q&quot; &#39;s &#x1F600; &apos; &bogus; & x"))
        .isEqualTo("<3 &amp; \"q\" 's \uD83D\uDE00 ' &bogus; & x");
  }

  @Test
  void neverOutputsAttributeText() {
    assertThat(HtmlText.toPlainText("<a title=\"a > b #no\">yes</a>")).isEqualTo("yes");
    assertThat(HtmlText.toPlainText(null)).isNull();
    assertThat(HtmlText.toPlainText("plain")).isEqualTo("plain");
  }
}
