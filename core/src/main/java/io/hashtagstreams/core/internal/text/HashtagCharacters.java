package io.hashtagstreams.core.internal.text;

/**
 * The character classes of Twitter's hashtag rule (twitter-text 3): which code points may precede a hashtag sign,
 * form its body, and count as the letter every hashtag needs.
 *
 * <p>A hashtag character is a Unicode letter ({@code L*}), mark ({@code M*}) or decimal digit ({@code Nd}), one of
 * the joiners in {@link #isJoiner(int)}, or a code point of the extra ranges twitter-text adds to letters and
 * numerals (scripts it supported before the JDK's Unicode tables did). ASCII is answered from a table; everything
 * else from {@link Character#getType(int)} and a binary search over the extra ranges.
 */
final class HashtagCharacters {

  /** Inclusive code point ranges twitter-text counts as letters or marks in addition to {@code \p{L}\p{M}}. */
  private static final int[] EXTRA_LETTERS_AND_MARKS = {
      0x37F, 0x37F, 0x528, 0x52F, 0x8A0, 0x8B2, 0x8E4, 0x8FF, 0x978, 0x978, 0x980, 0x980, 0xC00, 0xC00,
      0xC34, 0xC34, 0xC81, 0xC81, 0xD01, 0xD01, 0xEDE, 0xEDE, 0xEDF, 0xEDF, 0x10C7, 0x10C7, 0x10CD, 0x10CD,
      0x10FD, 0x10FF, 0x16F1, 0x16F8, 0x17B4, 0x17B4, 0x17B5, 0x17B5, 0x191D, 0x191D, 0x191E, 0x191E,
      0x1AB0, 0x1ABE, 0x1BAB, 0x1BAD, 0x1BBA, 0x1BBF, 0x1CF3, 0x1CF6, 0x1CF8, 0x1CF8, 0x1CF9, 0x1CF9,
      0x1DE7, 0x1DF5, 0x2CF2, 0x2CF2, 0x2CF3, 0x2CF3, 0x2D27, 0x2D27, 0x2D2D, 0x2D2D, 0x2D66, 0x2D66,
      0x2D67, 0x2D67, 0x9FCC, 0x9FCC, 0xA674, 0xA67B, 0xA698, 0xA69D, 0xA69F, 0xA69F, 0xA792, 0xA79F,
      0xA7AA, 0xA7AD, 0xA7B0, 0xA7B0, 0xA7B1, 0xA7B1, 0xA7F7, 0xA7F9, 0xA9E0, 0xA9EF, 0xA9FA, 0xA9FE,
      0xAA7C, 0xAA7F, 0xAAE0, 0xAAEF, 0xAAF2, 0xAAF6, 0xAB30, 0xAB5A, 0xAB5C, 0xAB5F, 0xAB64, 0xAB64,
      0xAB65, 0xAB65, 0xF870, 0xF87F, 0xF882, 0xF882, 0xF884, 0xF89F, 0xF8B8, 0xF8B8, 0xF8C1, 0xF8D6,
      0xFA2E, 0xFA2E, 0xFA2F, 0xFA2F, 0xFE27, 0xFE2D, 0x102E0, 0x102E0, 0x1031F, 0x1031F, 0x10350, 0x1037A,
      0x10500, 0x10527, 0x10530, 0x10563, 0x10600, 0x10736, 0x10740, 0x10755, 0x10760, 0x10767,
      0x10860, 0x10876, 0x10880, 0x1089E, 0x10980, 0x109B7, 0x109BE, 0x109BE, 0x109BF, 0x109BF,
      0x10A80, 0x10A9C, 0x10AC0, 0x10AC7, 0x10AC9, 0x10AE6, 0x10B80, 0x10B91, 0x1107F, 0x1107F,
      0x110D0, 0x110E8, 0x11100, 0x11134, 0x11150, 0x11173, 0x11176, 0x11176, 0x11180, 0x111C4,
      0x111DA, 0x111DA, 0x11200, 0x11211, 0x11213, 0x11237, 0x112B0, 0x112EA, 0x11301, 0x11303,
      0x11305, 0x1130C, 0x1130F, 0x1130F, 0x11310, 0x11310, 0x11313, 0x11328, 0x1132A, 0x11330,
      0x11332, 0x11332, 0x11333, 0x11333, 0x11335, 0x11339, 0x1133C, 0x11344, 0x11347, 0x11347,
      0x11348, 0x11348, 0x1134B, 0x1134D, 0x11357, 0x11357, 0x1135D, 0x11363, 0x11366, 0x1136C,
      0x11370, 0x11374, 0x11480, 0x114C5, 0x114C7, 0x114C7, 0x11580, 0x115B5, 0x115B8, 0x115C0,
      0x11600, 0x11640, 0x11644, 0x11644, 0x11680, 0x116B7, 0x118A0, 0x118DF, 0x118FF, 0x118FF,
      0x11AC0, 0x11AF8, 0x1236F, 0x12398, 0x16A40, 0x16A5E, 0x16AD0, 0x16AED, 0x16AF0, 0x16AF4,
      0x16B00, 0x16B36, 0x16B40, 0x16B43, 0x16B63, 0x16B77, 0x16B7D, 0x16B8F, 0x16F00, 0x16F44,
      0x16F50, 0x16F7E, 0x16F8F, 0x16F9F, 0x1BC00, 0x1BC6A, 0x1BC70, 0x1BC7C, 0x1BC80, 0x1BC88,
      0x1BC90, 0x1BC99, 0x1BC9D, 0x1BC9D, 0x1BC9E, 0x1BC9E, 0x1E800, 0x1E8C4, 0x1E8D0, 0x1E8D6,
      0x1EE00, 0x1EE03, 0x1EE05, 0x1EE1F, 0x1EE21, 0x1EE21, 0x1EE22, 0x1EE22, 0x1EE24, 0x1EE24,
      0x1EE27, 0x1EE27, 0x1EE29, 0x1EE32, 0x1EE34, 0x1EE37, 0x1EE39, 0x1EE39, 0x1EE3B, 0x1EE3B,
      0x1EE42, 0x1EE42, 0x1EE47, 0x1EE47, 0x1EE49, 0x1EE49, 0x1EE4B, 0x1EE4B, 0x1EE4D, 0x1EE4F,
      0x1EE51, 0x1EE51, 0x1EE52, 0x1EE52, 0x1EE54, 0x1EE54, 0x1EE57, 0x1EE57, 0x1EE59, 0x1EE59,
      0x1EE5B, 0x1EE5B, 0x1EE5D, 0x1EE5D, 0x1EE5F, 0x1EE5F, 0x1EE61, 0x1EE61, 0x1EE62, 0x1EE62,
      0x1EE64, 0x1EE64, 0x1EE67, 0x1EE6A, 0x1EE6C, 0x1EE72, 0x1EE74, 0x1EE77, 0x1EE79, 0x1EE7C,
      0x1EE7E, 0x1EE7E, 0x1EE80, 0x1EE89, 0x1EE8B, 0x1EE9B, 0x1EEA1, 0x1EEA3, 0x1EEA5, 0x1EEA9,
      0x1EEAB, 0x1EEBB  };

  /** Inclusive code point ranges twitter-text counts as numerals in addition to {@code \p{Nd}}. */
  private static final int[] EXTRA_NUMERALS = {
      0xDE6, 0xDEF, 0xA9F0, 0xA9F9, 0x110F0, 0x110F9, 0x11136, 0x1113F, 0x111D0, 0x111D9, 0x112F0, 0x112F9,
      0x114D0, 0x114D9, 0x11650, 0x11659, 0x116C0, 0x116C9, 0x118E0, 0x118E9, 0x16A60, 0x16A69,
      0x16B50, 0x16B59  };

  private static final byte ASCII_OTHER = 0;
  private static final byte ASCII_TAG = 1;
  private static final byte ASCII_LETTER = 2;
  private static final byte[] ASCII = new byte[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      ASCII[c] = ASCII_LETTER;
      ASCII[Character.toUpperCase(c)] = ASCII_LETTER;
    }
    for (char c = '0'; c <= '9'; c++) {
      ASCII[c] = ASCII_TAG;
    }
    ASCII['_'] = ASCII_TAG;
  }

  private HashtagCharacters() {
  }

  /** Whether {@code c} starts a hashtag: {@code #} or the full-width {@code ＃} (U+FF03). */
  static boolean isSign(char c) {
    return c == '#' || c == '\uFF03';
  }

  /** Whether {@code cp} may stand anywhere in a hashtag's body. */
  static boolean isTagCharacter(int cp) {
    if (cp < 128) {
      return ASCII[cp] != ASCII_OTHER;
    }
    return isLetterOrMark(cp) || isNumeral(cp) || isJoiner(cp);
  }

  /** Whether {@code cp} is a letter or mark in the hashtag sense; a hashtag needs at least one. */
  static boolean isLetterOrMark(int cp) {
    if (cp < 128) {
      return ASCII[cp] == ASCII_LETTER;
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.COMBINING_SPACING_MARK:
        return true;
      default:
        return inRanges(EXTRA_LETTERS_AND_MARKS, cp);
    }
  }

  private static boolean isNumeral(int cp) {
    return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER || inRanges(EXTRA_NUMERALS, cp);
  }

  /**
   * The punctuation twitter-text allows inside a hashtag (besides {@code _}): ZWNJ, ZWJ, Cyrillic kavyka, Hebrew
   * maqaf, geresh and gershayim, full-width tilde, wave dash, the kana voiced sound marks and double hyphen,
   * katakana middle dot, ditto mark, the Tibetan tshegs and the middle dot.
   */
  static boolean isJoiner(int cp) {
    switch (cp) {
      case '_':
      case 0x200C:
      case 0x200D:
      case 0xA67E:
      case 0x05BE:
      case 0x05F3:
      case 0x05F4:
      case 0xFF5E:
      case 0x301C:
      case 0x309B:
      case 0x309C:
      case 0x30A0:
      case 0x30FB:
      case 0x3003:
      case 0x0F0B:
      case 0x0F0C:
      case 0x00B7:
        return true;
      default:
        return false;
    }
  }

  /**
   * Whether the code point just before a sign lets the sign start a hashtag: any character but {@code &} and
   * hashtag characters, except that the variation selectors U+FE0E and U+FE0F (marks, so hashtag characters) are
   * allowed, so that a hashtag may follow an emoji presentation sequence.
   */
  static boolean mayPrecedeSign(int cp) {
    return cp == 0xFE0E || cp == 0xFE0F || (cp != '&' && !isTagCharacter(cp));
  }

  private static boolean inRanges(int[] ranges, int cp) {
    int low = 0;
    int high = ranges.length / 2 - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (cp < ranges[2 * mid]) {
        high = mid - 1;
      } else if (cp > ranges[2 * mid + 1]) {
        low = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }
}
