package io.hashtagstreams.core.internal.text;

/**
 * Decodes the only three HTML escapes Twitter writes into tweet text: {@code &amp;amp;}, {@code &amp;lt;} and
 * {@code &amp;gt;}. One left-to-right pass, so {@code &amp;amp;lt;} becomes {@code &amp;lt;}, not {@code <}.
 */
public final class HtmlEntities {

  private HtmlEntities() {
  }

  /** {@code text} with the three escapes decoded; the same instance when it holds no {@code &}. */
  public static String unescape(String text) {
    int amp = text.indexOf('&');
    if (amp < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, amp);
    int i = amp;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '&') {
        if (text.startsWith("&amp;", i)) {
          out.append('&');
          i += 5;
          continue;
        }
        if (text.startsWith("&lt;", i)) {
          out.append('<');
          i += 4;
          continue;
        }
        if (text.startsWith("&gt;", i)) {
          out.append('>');
          i += 4;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}
