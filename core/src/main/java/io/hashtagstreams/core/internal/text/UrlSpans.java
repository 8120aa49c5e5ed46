package io.hashtagstreams.core.internal.text;

import java.net.IDN;
import java.util.Arrays;

/**
 * Finds the spans of the URLs in a text the way twitter-text's URL extractor does, so that hashtags inside URLs
 * ({@code http://example.com/#frag}, {@code example.com/#frag}) can be dropped.
 *
 * <p>Linear time: the longest ASCII host name at every position is computed once, right to left; a match resumes
 * the search after its end; the other scans are bounded (Unicode host names after a protocol: 300 characters).
 *
 * <p>The rule, in short:
 * <ul>
 *   <li>a URL starts at the beginning of the text or after a character that is not an ASCII letter or digit,
 *       {@code @ ＠ $ # ＃} or U+FFFE, U+FEFF, U+FFFF;</li>
 *   <li>an optional {@code http://} or {@code https://}; then dot-separated labels of ASCII letters, digits and
 *       Latin accented letters (inner {@code -}, and inner {@code _} outside the last label) ending in a known
 *       top-level domain not followed by a letter, digit, {@code @ + -}; after a protocol, a last label of any
 *       non-punctuation characters is accepted too;</li>
 *   <li>an optional {@code :port}, a path ({@code /} then URL characters, ending on a letter, digit, one of
 *       {@code = _ # / - +} or a balanced parenthesis group) and a query ({@code ?...});</li>
 *   <li>without a protocol the URL must not follow {@code - _ . /}; a {@code t.co} link ends after its slug (and
 *       query), and is no URL at all when the slug is longer than 40; the host must pass {@link IDN#toASCII}.</li>
 * </ul>
 */
final class UrlSpans {

  private static final int MAX_UNICODE_HOST = 300;
  private static final int MAX_PUNYCODE = 63;
  private static final int MAX_TOP_LEVEL_DOMAIN = 24;
  private static final int MAX_URL_LENGTH = 4096;
  private static final int MAX_TCO_SLUG_LENGTH = 40;

  private static final String PATH_PUNCTUATION = "!*';:=+,.$/%#[]-_~|&@";
  private static final String PATH_ENDING_PUNCTUATION = "=_#/-+";
  private static final String QUERY_PUNCTUATION = "!?*'();:&=+$/%#[]-_.,~|@";
  private static final String QUERY_ENDING_PUNCTUATION = "-_&=#/";
  private static final String ASCII_PUNCTUATION = "-_!\"#$%&'()*+,./:;<=>?@[]^`{|}~";

  private final String text;
  private final int length;
  private int[] spans = new int[8];
  private int count;
  private int[] longestHost;

  private UrlSpans(String text) {
    this.text = text;
    this.length = text.length();
  }

  /**
   * The URLs of {@code text} as {@code [start0, end0, start1, end1, ...]}, in order.
   */
  static int[] find(String text) {
    if (text.indexOf('.') < 0) {
      return new int[0];
    }
    UrlSpans finder = new UrlSpans(text);
    finder.scan();
    return Arrays.copyOf(finder.spans, finder.count);
  }

  private void scan() {
    int position = 0;
    while (position < length) {
      int cp = text.codePointAt(position);
      int next = position + Character.charCount(cp);
      int end = -1;
      if (mayPrecedeUrl(cp) && next < length && (mayStartUrl(text.charAt(next)) || followsProtocol(next))) {
        end = tryUrlAt(next, cp);
      }
      if (end < 0 && position == 0) {
        end = tryUrlAt(0, -1);
      }
      position = end < 0 ? next : end;
    }
  }

  /** Matches a URL at {@code start}; records it when valid; returns the end of the match or -1. */
  private int tryUrlAt(int start, int before) {
    int hostStart = start;
    boolean protocol = false;
    if (text.regionMatches(true, start, "http://", 0, 7)) {
      hostStart = start + 7;
      protocol = true;
    } else if (text.regionMatches(true, start, "https://", 0, 8)) {
      hostStart = start + 8;
      protocol = true;
    }
    // twitter-text looks behind for the protocol, so a host right after "http://" may be a Unicode one even when
    // that protocol belongs to no match (the URL then counts as one without protocol)
    int hostEnd = host(hostStart, protocol || followsProtocol(start));
    if (hostEnd < 0) {
      return -1;
    }
    int end = hostEnd;
    if (end + 1 < length && text.charAt(end) == ':' && isAsciiDigit(text.charAt(end + 1))) {
      end += 2;
      while (end < length && isAsciiDigit(text.charAt(end))) {
        end++;
      }
    }
    if (end < length && text.charAt(end) == '/') {
      end = path(end + 1);
    }
    if (end < length && text.charAt(end) == '?') {
      end = query(end + 1, end);
    }
    if (!protocol && before >= 0 && "-_./".indexOf(before) >= 0) {
      return end;
    }
    int urlEnd = protocol ? tcoEnd(hostStart, end) : end;
    if (urlEnd >= 0 && validHost(hostStart, hostEnd, urlEnd - start, protocol)) {
      add(start, urlEnd);
    }
    return end;
  }

  private boolean followsProtocol(int position) {
    return (position >= 7 && text.regionMatches(true, position - 7, "http://", 0, 7))
        || (position >= 8 && text.regionMatches(true, position - 8, "https://", 0, 8));
  }

  /**
   * The end of the host name at {@code start}: the most labels that end in a top-level domain; right after a
   * protocol, else one label of any non-punctuation characters and a top-level domain. -1 when there is none.
   */
  private int host(int start, boolean afterProtocol) {
    if (longestHost == null) {
      longestHost = longestHosts();
    }
    int best = longestHost[start];
    if (best < 0 && afterProtocol) {
      best = unicodeHost(start);
    }
    return best;
  }

  /**
   * For every position, the end of the longest host name of ASCII labels starting there, or -1; computed once,
   * right to left, so that trying every start costs linear time in all. A host is labels separated by dots, each
   * label starting and ending with a letter or digit; every label but the last may contain {@code -} and
   * {@code _}, the last only {@code -}; a top-level domain follows the last label.
   */
  private int[] longestHosts() {
    int[] longest = new int[length + 1];
    longest[length] = -1;
    int runEnd = length;
    int underscore = length;
    int dotOfTopLevelDomain = -1;
    int topLevelDomainEnd = -1;
    for (int i = length - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c != '_' && c != '-' && !isDomainCharacter(c)) {
        runEnd = i;
        underscore = length;
        longest[i] = -1;
        continue;
      }
      if (c == '_') {
        underscore = i;
      }
      if (runEnd >= length || text.charAt(runEnd) != '.') {
        longest[i] = -1;
        continue;
      }
      boolean edgesValid = isDomainCharacter(c) && isDomainCharacter(text.charAt(runEnd - 1));
      if (!edgesValid) {
        longest[i] = -1;
        continue;
      }
      if (dotOfTopLevelDomain != runEnd) {
        dotOfTopLevelDomain = runEnd;
        topLevelDomainEnd = topLevelDomainEnd(runEnd + 1, true);
      }
      int asDomain = underscore < runEnd ? -1 : topLevelDomainEnd;
      int asSubdomain = longest[runEnd + 1];
      longest[i] = Math.max(asDomain, asSubdomain);
    }
    return longest;
  }

  private int unicodeHost(int start) {
    int end = start;
    int last = -1;
    while (end < length && end - start <= MAX_UNICODE_HOST) {
      int cp = text.codePointAt(end);
      if (cp != '-' && !isUnicodeDomainCharacter(cp)) {
        break;
      }
      last = cp;
      end += Character.charCount(cp);
    }
    if (end == start || end >= length || text.charAt(end) != '.' || text.charAt(start) == '-' || last == '-') {
      return -1;
    }
    return topLevelDomainEnd(end + 1, false);
  }

  /** The end of the top-level domain at {@code start}, or -1; a punycode name ({@code xn--...}) if allowed. */
  private int topLevelDomainEnd(int start, boolean punycode) {
    if (start >= length) {
      return -1;
    }
    char first = text.charAt(start);
    int end;
    if (first < 128) {
      if (punycode && text.regionMatches(true, start, "xn--", 0, 4)) {
        end = start + 4;
        while (end < length && end - start <= MAX_PUNYCODE && isPunycodeCharacter(text.charAt(end))) {
          end++;
        }
        return end > start + 4 ? end : -1;
      }
      end = start;
      while (end < length && end - start <= MAX_TOP_LEVEL_DOMAIN && isAsciiLetterOrDigit(text.charAt(end))) {
        end++;
      }
      if (!TopLevelDomains.isAscii(text, start, end)) {
        return -1;
      }
    } else {
      end = TopLevelDomains.unicodeEnd(text, start);
      if (end < 0) {
        return -1;
      }
    }
    if (end < length) {
      char after = text.charAt(end);
      if (isAsciiLetterOrDigit(after) || after == '@' || after == '+' || after == '-') {
        return -1;
      }
    }
    return end;
  }

  /** The end of a path whose first character is at {@code start} (just after its {@code /}). */
  private int path(int start) {
    int end = start;
    int position = start;
    while (position < length) {
      int cp = text.codePointAt(position);
      if (cp == '(') {
        int close = balancedParentheses(position);
        if (close < 0) {
          break;
        }
        position = close;
        end = close;
      } else if (isPathCharacter(cp)) {
        position += Character.charCount(cp);
        if (isPathEnding(cp)) {
          end = position;
        }
      } else {
        break;
      }
    }
    return end;
  }

  /** {@code (x)} or {@code (x(y)z)} with path characters inside; the end after the last ')' or -1. */
  private int balancedParentheses(int open) {
    int position = skipPathCharacters(open + 1);
    if (position < length && text.charAt(position) == ')' && position > open + 1) {
      return position + 1;
    }
    if (position < length && text.charAt(position) == '(') {
      int innerStart = position + 1;
      position = skipPathCharacters(innerStart);
      if (position > innerStart && position < length && text.charAt(position) == ')') {
        position = skipPathCharacters(position + 1);
        if (position < length && text.charAt(position) == ')') {
          return position + 1;
        }
      }
    }
    return -1;
  }

  private int skipPathCharacters(int position) {
    while (position < length) {
      int cp = text.codePointAt(position);
      if (!isPathCharacter(cp)) {
        break;
      }
      position += Character.charCount(cp);
    }
    return position;
  }

  /** The end of the URL after a query that starts at {@code start}; {@code questionMark} if it has no valid end. */
  private int query(int start, int questionMark) {
    int end = questionMark;
    for (int position = start; position < length; position++) {
      char c = text.charAt(position);
      if (isAsciiLetterOrDigit(c) || QUERY_ENDING_PUNCTUATION.indexOf(c) >= 0) {
        end = position + 1;
      } else if (QUERY_PUNCTUATION.indexOf(c) < 0) {
        break;
      }
    }
    return end;
  }

  /** For a {@code t.co} link, the end after its slug and query; -1 when the slug is too long; else {@code end}. */
  private int tcoEnd(int hostStart, int end) {
    if (!text.regionMatches(true, hostStart, "t.co/", 0, 5)) {
      return end;
    }
    int slugStart = hostStart + 5;
    int slugEnd = slugStart;
    while (slugEnd < end && isAsciiLetterOrDigit(text.charAt(slugEnd))) {
      slugEnd++;
    }
    if (slugEnd == slugStart) {
      return end;
    }
    if (slugEnd - slugStart > MAX_TCO_SLUG_LENGTH) {
      return -1;
    }
    if (slugEnd < end && text.charAt(slugEnd) == '?') {
      return Math.min(query(slugEnd + 1, slugEnd), end);
    }
    return slugEnd;
  }

  private boolean validHost(int hostStart, int hostEnd, int urlLength, boolean protocol) {
    int protocolLength = protocol ? 0 : "https://".length();
    if (urlLength + protocolLength > MAX_URL_LENGTH && isAscii(hostStart, hostEnd)) {
      return false;
    }
    String host = text.substring(hostStart, hostEnd);
    String ascii;
    try {
      ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return false;
    }
    if (ascii.isEmpty()) {
      return false;
    }
    return urlLength + ascii.length() - host.length() + protocolLength <= MAX_URL_LENGTH;
  }

  private boolean isAscii(int start, int end) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  private void add(int start, int end) {
    if (count == spans.length) {
      spans = Arrays.copyOf(spans, count * 2);
    }
    spans[count++] = start;
    spans[count++] = end;
  }

  private static boolean mayPrecedeUrl(int cp) {
    return !isAsciiLetterOrDigit(cp) && cp != '@' && cp != '\uFF20' && cp != '$' && cp != '#' && cp != '\uFF03'
        && cp != '\uFFFE' && cp != '\uFEFF' && cp != '\uFFFF';
  }

  private static boolean mayStartUrl(char c) {
    return isAsciiLetterOrDigit(c) || isLatinAccent(c);
  }

  private static boolean isDomainCharacter(char c) {
    return isAsciiLetterOrDigit(c) || isLatinAccent(c);
  }

  private static boolean isUnicodeDomainCharacter(int cp) {
    if (cp < 128) {
      return ASCII_PUNCTUATION.indexOf(cp) < 0 && !Character.isWhitespace(cp);
    }
    return !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !(cp >= 0x2000 && cp <= 0x206F);
  }

  private static boolean isPathCharacter(int cp) {
    if (cp < 128) {
      return isAsciiLetterOrDigit(cp) || PATH_PUNCTUATION.indexOf(cp) >= 0;
    }
    return cp == 0x2013 || isLatinAccent(cp) || isCyrillic(cp);
  }

  private static boolean isPathEnding(int cp) {
    if (cp < 128) {
      return isAsciiLetterOrDigit(cp) || PATH_ENDING_PUNCTUATION.indexOf(cp) >= 0;
    }
    return isLatinAccent(cp) || isCyrillic(cp);
  }

  private static boolean isLatinAccent(int cp) {
    return (cp >= 0xC0 && cp <= 0xD6) || (cp >= 0xD8 && cp <= 0xF6) || (cp >= 0xF8 && cp <= 0x24F)
        || cp == 0x253 || cp == 0x254 || cp == 0x256 || cp == 0x257 || cp == 0x259 || cp == 0x25B
        || cp == 0x263 || cp == 0x268 || cp == 0x26F || cp == 0x272 || cp == 0x289 || cp == 0x28B
        || cp == 0x2BB || (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1E00 && cp <= 0x1EFF);
  }

  private static boolean isCyrillic(int cp) {
    return cp >= 0x400 && cp <= 0x4FF;
  }

  private static boolean isPunycodeCharacter(char c) {
    return c == '-' || isAsciiLetterOrDigit(c);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
