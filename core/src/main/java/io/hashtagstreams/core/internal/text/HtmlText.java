package io.hashtagstreams.core.internal.text;

/**
 * The plain text of a Mastodon {@code content} HTML fragment: tags removed, {@code <br>} as a line break, a
 * paragraph end followed by another paragraph as a blank line, and character references decoded (the named
 * {@code amp lt gt quot apos nbsp} and every numeric one, decimal or hexadecimal).
 *
 * <p>Mastodon writes {@code content} with a small, sanitized set of elements ({@code p br a span}, and in 4.x
 * {@code b i u del pre code ul ol li blockquote}, see {@code app/lib/sanitize_ext/sanitize_config.rb} in
 * mastodon/mastodon); link text such as {@code <a ...>#<span>Rio2016</span></a>} becomes {@code #Rio2016}, and
 * a link's hidden parts ({@code <span class="invisible">https://</span>}) stay in, so the URL reads whole. Text
 * inside an attribute value is never output. One left-to-right pass; an unknown or malformed reference is kept as
 * written; an unclosed {@code <} drops the rest (it cannot be sanitized Mastodon output).
 */
public final class HtmlText {

  private HtmlText() {
  }

  /** The plain text of {@code html}; null for null. */
  public static String toPlainText(String html) {
    if (html == null) {
      return null;
    }
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return html;
    }
    StringBuilder out = new StringBuilder(html.length());
    int n = html.length();
    int i = 0;
    boolean afterParagraph = false;
    while (i < n) {
      char c = html.charAt(i);
      if (c == '<') {
        int close = tagEnd(html, i + 1);
        if (close < 0) {
          break;
        }
        String name = tagName(html, i + 1, close);
        boolean closing = i + 1 < n && html.charAt(i + 1) == '/';
        if (name.equals("br")) {
          out.append('\n');
        } else if (name.equals("p") && closing) {
          afterParagraph = true;
          i = close + 1;
          continue;
        } else if (name.equals("p") && afterParagraph) {
          out.append("\n\n");
        }
        afterParagraph = false;
        i = close + 1;
        continue;
      }
      if (afterParagraph) {
        // Text between paragraphs: keep the break the paragraphs made.
        out.append("\n\n");
        afterParagraph = false;
      }
      if (c == '&') {
        i = appendReference(html, i, out);
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** The index of the {@code >} ending the tag whose name starts at {@code from}, honouring quoted attributes. */
  private static int tagEnd(String html, int from) {
    char quote = 0;
    for (int i = from; i < html.length(); i++) {
      char c = html.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      }
    }
    return -1;
  }

  /** The lower-case element name of the tag in {@code html[from, end)}, without a leading {@code /}. */
  private static String tagName(String html, int from, int end) {
    int start = from < end && html.charAt(from) == '/' ? from + 1 : from;
    int stop = start;
    while (stop < end && Character.isLetterOrDigit(html.charAt(stop))) {
      stop++;
    }
    return html.substring(start, stop).toLowerCase(java.util.Locale.ROOT);
  }

  /** Appends the character the reference at {@code amp} stands for; returns the index after it. */
  private static int appendReference(String html, int amp, StringBuilder out) {
    int semicolon = html.indexOf(';', amp + 1);
    if (semicolon < 0 || semicolon - amp > 12) {
      out.append('&');
      return amp + 1;
    }
    String name = html.substring(amp + 1, semicolon);
    int codePoint = -1;
    if (name.startsWith("#x") || name.startsWith("#X")) {
      codePoint = parse(name.substring(2), 16);
    } else if (name.startsWith("#")) {
      codePoint = parse(name.substring(1), 10);
    } else {
      switch (name) {
        case "amp":
          codePoint = '&';
          break;
        case "lt":
          codePoint = '<';
          break;
        case "gt":
          codePoint = '>';
          break;
        case "quot":
          codePoint = '"';
          break;
        case "apos":
          codePoint = '\'';
          break;
        case "nbsp":
          codePoint = '\u00A0';
          break;
        default:
          break;
      }
    }
    if (codePoint < 0 || !Character.isValidCodePoint(codePoint)) {
      out.append('&');
      return amp + 1;
    }
    out.appendCodePoint(codePoint);
    return semicolon + 1;
  }

  private static int parse(String digits, int radix) {
    if (digits.isEmpty() || digits.length() > 7) {
      return -1;
    }
    try {
      return Integer.parseInt(digits, radix);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
