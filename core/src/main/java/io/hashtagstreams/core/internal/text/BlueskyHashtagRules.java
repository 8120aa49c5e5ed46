package io.hashtagstreams.core.internal.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bluesky's hashtag rule, as the official client library detects {@code #tag} facets in a post's text: one forward
 * pass over the code points, without regular expressions, giving the tags of {@code detectFacets} in order.
 *
 * <p>Source: bluesky-social/atproto at commit {@code d6296a1cfdb40a773319cb59061300e4e8e52f26},
 * {@code packages/api/src/rich-text/util.ts} ({@code TAG_REGEX}, {@code TRAILING_PUNCTUATION_REGEX}) and
 * {@code packages/api/src/rich-text/detection.ts} (the tag loop of {@code detectFacets}), with the grapheme count of
 * {@code graphemeLen} ({@code packages/lex/lex-data/src/utf8-grapheme-len.ts}: {@code Intl.Segmenter}, extended
 * grapheme clusters). The rule:
 * <ul>
 *   <li>a sign, {@code #} or the full-width {@code ＃}, at the start of the text or right after white space
 *       (JavaScript's {@code \s}: the {@code Zs} spaces, tab, line feed, vertical tab, form feed, carriage return,
 *       U+2028, U+2029 and U+FEFF);</li>
 *   <li>the body is the longest run after the sign of code points that are neither such white space nor one of the
 *       invisible U+00AD, U+2060, U+200A, U+200B, U+200C, U+200D, U+20E2 (so a tag ends at a zero-width space or
 *       joiner); it must not start with U+FE0F ({@code #️⃣} is a keycap, not a tag) and must hold a code point that
 *       is neither an ASCII digit nor Unicode punctuation ({@code \p{P}}): {@code #1}, {@code #?}, {@code #_} are
 *       no tags, {@code #1a} is;</li>
 *   <li>anything else is kept inside the body, signs included: {@code #double#rainbow} is the one tag
 *       {@code double#rainbow}, {@code ##hashash} is {@code #hashash}, {@code #🦋} is a tag;</li>
 *   <li>trailing punctuation is cut ({@code #like.} is {@code like}, {@code #multi_trailing___...} is
 *       {@code multi_trailing});</li>
 *   <li>a tag longer than 64 grapheme clusters is dropped whole, not shortened.</li>
 * </ul>
 *
 * <p>Cashtags: since 2026 the same library also emits {@code #tag} facets for {@code $TICKER} ({@code CASHTAG_REGEX},
 * the tag stored as {@code $} + upper-case ticker). Those are not hashtags and are not searched for here; and a tag
 * this rule finds that starts with {@code $} ({@code #$AAPL} gives the facet tag {@code $AAPL}, which Bluesky shows
 * as the cashtag {@code $AAPL}) is dropped as well, so that the text rule and a post's own facets (where tags
 * starting with {@code $} are cashtags) agree.
 *
 * <p>Guarantee: for every text, the same tags in the same order as the facet tags {@code detectFacets} gives,
 * without the cashtags; linear time in the length of the text (the grapheme count runs only for tags longer than
 * 64 UTF-16 units, as in the source). Grapheme clusters are those of Java's {@code \X} (Unicode 13 in Java 17);
 * a tag of more than 64 UTF-16 units whose cluster count differs between that and the browser's Unicode version is
 * the only place the two can disagree.
 */
public final class BlueskyHashtagRules {

  private static final int MAX_GRAPHEMES = 64;
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private BlueskyHashtagRules() {
  }

  /** The hashtags of {@code text}, without their sign, in order; an empty list when there is none. */
  public static List<String> extract(String text) {
    int length = text.length();
    List<String> tags = null;
    int position = 0;
    while (position < length) {
      int sign = nextSign(text, position);
      if (sign < 0) {
        break;
      }
      position = sign + 1;
      if (sign > 0 && !isJsWhiteSpace(Character.codePointBefore(text, sign))) {
        continue;
      }
      int bodyStart = sign + 1;
      if (bodyStart < length && text.charAt(bodyStart) == '\uFE0F') {
        continue;
      }
      int end = bodyStart;
      int lastNotPunctuation = -1;
      boolean hasTagLetter = false;
      while (end < length) {
        int cp = text.codePointAt(end);
        if (endsBody(cp)) {
          break;
        }
        end += Character.charCount(cp);
        if (!isPunctuation(cp)) {
          lastNotPunctuation = end;
          hasTagLetter = hasTagLetter || cp < '0' || cp > '9';
        }
      }
      position = end;
      if (!hasTagLetter) {
        continue;
      }
      String tag = text.substring(bodyStart, lastNotPunctuation);
      if (tag.charAt(0) == '$' || (tag.length() > MAX_GRAPHEMES && graphemes(tag) > MAX_GRAPHEMES)) {
        continue;
      }
      if (tags == null) {
        tags = new ArrayList<>(4);
      }
      tags.add(tag);
    }
    return tags == null ? Collections.emptyList() : tags;
  }

  private static int nextSign(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '#' || c == '\uFF03') {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code cp} ends a tag's body: JavaScript white space or one of the invisible characters of the rule. */
  static boolean endsBody(int cp) {
    switch (cp) {
      case 0x00AD:
      case 0x2060:
      case 0x200A:
      case 0x200B:
      case 0x200C:
      case 0x200D:
      case 0x20E2:
        return true;
      default:
        return isJsWhiteSpace(cp);
    }
  }

  /**
   * JavaScript's {@code \s}: tab, line feed, vertical tab, form feed, carriage return, U+FEFF, the line and paragraph
   * separators U+2028 and U+2029, and every space separator ({@code Zs}). U+0085 and U+180E are not in it.
   */
  static boolean isJsWhiteSpace(int cp) {
    if (cp < 128) {
      return cp == ' ' || (cp >= '\t' && cp <= '\r');
    }
    return cp == 0xFEFF || cp == 0x2028 || cp == 0x2029 || Character.getType(cp) == Character.SPACE_SEPARATOR;
  }

  /** Unicode punctuation, {@code \p{P}}: the general categories Pc, Pd, Ps, Pe, Pi, Pf and Po. */
  static boolean isPunctuation(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
        return true;
      default:
        return false;
    }
  }

  /** The number of extended grapheme clusters in {@code text}. */
  static int graphemes(String text) {
    Matcher matcher = GRAPHEME.matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
