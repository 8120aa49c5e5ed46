package io.hashtagstreams.core.internal.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Mastodon's hashtag rule, as a server finds the tags of a post it publishes: {@code Tag::HASHTAG_RE} scanned over
 * the text, then the extractor's {@code http}/{@code https} trim. One forward pass over the code points, without
 * regular expressions, giving the hashtags in order, repeats kept.
 *
 * <p>Source: glitch-soc/mastodon at commit {@code 839591f21bde483366347a4e5e9a85603f20d0a2} (Mastodon 4.6.5),
 * {@code app/models/tag.rb} ({@code HASHTAG_RE}, {@code HASHTAG_SEPARATORS}, {@code HASHTAG_NAME_PAT}) and
 * {@code app/lib/extractor.rb} ({@code extract_hashtags_with_indices}). Mastodon 4.6.0 changed the character before
 * the sign from "not one of {@code = / )} or a letter or digit" (a negative look-behind) to "start of a line or
 * white space" (mastodon/mastodon#37684, commit {@code 4a6d17ad7bfea59d451b64b90eb794055c965557}), and then from
 * {@code \s} to {@code [[:space:]]} so that a no-break space counts (#38212, commit
 * {@code 5521aac4abfcdae755953905cb1aca0eaae8d713}); this class follows the rule after both. The rule:
 * <ul>
 *   <li>a sign, {@code #} or the full-width {@code ＃}, at the start of the text or right after a white space
 *       character (Unicode {@code White_Space}, as Ruby's {@code [[:space:]]}: also the no-break space U+00A0, but
 *       not U+FEFF or U+200B); so {@code example.com/#anchor}, {@code a#b} and {@code (#tag)} hold no hashtag;</li>
 *   <li>"word" characters are Ruby's {@code [[:word:]]}: {@code Alphabetic} code points, marks, decimal digits and
 *       connector punctuation ({@code _}); "separators" are {@code _ · ・} and ZWNJ;</li>
 *   <li>first choice ({@code HASHTAG_FIRST_SEQUENCE}): from a word character to the last word character of the run
 *       of word characters and separators after the sign, when an {@code Alphabetic} character or a separator lies
 *       strictly between them ({@code #one·two·three·} is {@code one·two·three}, {@code #ぼっち・ざ・ろっく} is one
 *       tag, {@code #1·2} too);</li>
 *   <li>otherwise ({@code HASHTAG_LAST_SEQUENCE}): the run of word characters after the sign, when it holds an
 *       {@code Alphabetic} character ({@code #a}, {@code #3d}); {@code #0123456} and {@code #·one} are no tags;</li>
 *   <li>a tag followed by {@code ://} loses a trailing {@code https} or {@code http} if something is left
 *       ({@code #hashtaghttps://} is {@code hashtag}).</li>
 * </ul>
 *
 * <p>Guarantee: the same hashtags, in the same order, as {@code Extractor.extract_hashtags} on the same text, for
 * the code points whose properties Java 17 (Unicode 13) and Ruby agree on; linear time in the length of the text.
 * The text is the post as written; for a {@code Status} from the API, its {@code content} HTML turned into plain text.
 */
public final class MastodonHashtagRules {

  private MastodonHashtagRules() {
  }

  /** The hashtags of {@code text}, without their sign, in order; an empty list when there is none. */
  public static List<String> extract(String text) {
    int length = text.length();
    List<String> tags = null;
    for (int sign = 0; sign < length; sign++) {
      char c = text.charAt(sign);
      if (c != '#' && c != '\uFF03') {
        continue;
      }
      if (sign > 0 && !isSpace(Character.codePointBefore(text, sign))) {
        continue;
      }
      int end = tagEnd(text, sign + 1);
      if (end < 0) {
        continue;
      }
      String tag = text.substring(sign + 1, end);
      if (text.startsWith("://", end)) {
        tag = withoutTrailingProtocol(tag);
      }
      if (tags == null) {
        tags = new ArrayList<>(4);
      }
      tags.add(tag);
      // the tag ends on a word character, so no sign inside or right after it can follow white space
      sign = end - 1;
    }
    return tags == null ? Collections.emptyList() : tags;
  }

  /**
   * The end of the tag whose body starts at {@code start}, or -1 when none does: {@code HASHTAG_FIRST_SEQUENCE}
   * when it matches, else {@code HASHTAG_LAST_SEQUENCE}, each as Ruby's backtracking search settles them.
   */
  private static int tagEnd(String text, int start) {
    int length = text.length();
    if (start >= length || !isWord(text.codePointAt(start))) {
      return -1;
    }
    // One walk over the run of word characters and separators serves both alternatives.
    int firstCodePointEnd = start + Character.charCount(text.codePointAt(start));
    int lastWordStart = start;
    int lastWordEnd = firstCodePointEnd;
    int firstInnerCandidate = -1;   // start of the first alphabetic-or-separator code point after the first one
    int wordRunEnd = -1;            // end of the leading run of word characters only
    boolean wordRunHasAlpha = isAlphabetic(text.codePointAt(start));
    int i = firstCodePointEnd;
    while (i < length) {
      int cp = text.codePointAt(i);
      boolean word = isWord(cp);
      boolean separator = isSeparator(cp);
      if (!word && !separator) {
        break;
      }
      if (wordRunEnd < 0) {
        if (word) {
          wordRunHasAlpha = wordRunHasAlpha || isAlphabetic(cp);
        } else {
          wordRunEnd = i;
        }
      }
      if (firstInnerCandidate < 0 && (separator || isAlphabetic(cp))) {
        firstInnerCandidate = i;
      }
      int next = i + Character.charCount(cp);
      if (word) {
        lastWordStart = i;
        lastWordEnd = next;
      }
      i = next;
    }
    if (wordRunEnd < 0) {
      wordRunEnd = i;
    }
    if (firstInnerCandidate >= 0 && firstInnerCandidate < lastWordStart) {
      return lastWordEnd;
    }
    return wordRunHasAlpha ? wordRunEnd : -1;
  }

  /** {@code hash_text.match(/(.+)(https?\Z)/)}: drops a trailing {@code https} or {@code http} when text is left. */
  private static String withoutTrailingProtocol(String tag) {
    if (tag.length() > 5 && tag.endsWith("https")) {
      return tag.substring(0, tag.length() - 5);
    }
    if (tag.length() > 4 && tag.endsWith("http")) {
      return tag.substring(0, tag.length() - 4);
    }
    return tag;
  }

  /**
   * Ruby's {@code [[:space:]]} on a Unicode string: the {@code White_Space} property (tab to carriage return, space,
   * U+0085, U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
   */
  static boolean isSpace(int cp) {
    if (cp < 128) {
      return cp == ' ' || (cp >= '\t' && cp <= '\r');
    }
    switch (cp) {
      case 0x0085:
      case 0x00A0:
      case 0x1680:
      case 0x2028:
      case 0x2029:
      case 0x202F:
      case 0x205F:
      case 0x3000:
        return true;
      default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
  }

  /**
   * Ruby's {@code [[:word:]]} on a Unicode string: {@code Alphabetic}, a mark ({@code Mn Mc Me}), a decimal digit
   * ({@code Nd}) or connector punctuation ({@code Pc}). Unlike Java's {@code \w}, ZWJ and ZWNJ are not in it.
   */
  static boolean isWord(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
    }
    switch (Character.getType(cp)) {
      case Character.NON_SPACING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.CONNECTOR_PUNCTUATION:
        return true;
      default:
        return Character.isAlphabetic(cp);
    }
  }

  /** Ruby's {@code [[:alpha:]]} on a Unicode string: the {@code Alphabetic} property. */
  static boolean isAlphabetic(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    }
    return Character.isAlphabetic(cp);
  }

  /** {@code Tag::HASHTAG_SEPARATORS}: {@code _}, the middle dot U+00B7, the katakana middle dot U+30FB and ZWNJ. */
  static boolean isSeparator(int cp) {
    return cp == '_' || cp == 0x00B7 || cp == 0x30FB || cp == 0x200C;
  }
}
