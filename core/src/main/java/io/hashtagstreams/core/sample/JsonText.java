package io.hashtagstreams.core.sample;

/**
 * Writes JSON string literals the way the 2016 streaming API did: every non-ASCII character as a {@code \\uXXXX}
 * escape (a surrogate pair as two), {@code /} as {@code \\/}, {@code <} and {@code >} as {@code \\u003c} and
 * {@code \\u003e}, so the whole record is ASCII.
 */
final class JsonText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {
  }

  /** Appends {@code value} as a quoted JSON string, or {@code null}. */
  static StringBuilder string(StringBuilder out, String value) {
    if (value == null) {
      return out.append("null");
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '/':
          out.append("\\/");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c > 0x7E || c == '<' || c == '>') {
            out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"');
  }

  /** Appends {@code "name":} with a plain ASCII name. */
  static StringBuilder name(StringBuilder out, String name) {
    return out.append('"').append(name).append("\":");
  }

  /** Twitter's escaping of tweet text: only {@code &}, {@code <} and {@code >}. */
  static String htmlEscape(String text) {
    if (text.indexOf('&') < 0 && text.indexOf('<') < 0 && text.indexOf('>') < 0) {
      return text;
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
