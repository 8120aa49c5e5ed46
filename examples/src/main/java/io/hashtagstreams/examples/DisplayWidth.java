package io.hashtagstreams.examples;

/**
 * How many terminal columns a text takes, so that tables stay aligned after CJK hashtags and emoji.
 *
 * <p>The rules follow what terminals do (and what the POSIX {@code wcwidth} function and its common implementations
 * compute):
 * <ul>
 *   <li>2 columns: the East Asian Wide (W) and Fullwidth (F) characters of Unicode Standard Annex #11
 *       (EastAsianWidth.txt: CJK ideographs, kana, Hangul syllables, fullwidth forms such as {@code ＲＩＯ}) and the
 *       emoji shown as pictures by default ({@code Emoji_Presentation=Yes} in UTS #51's emoji-data.txt, most of which
 *       UAX #11 also lists as W);</li>
 *   <li>0 columns: combining and enclosing marks (general categories Mn, Me), format characters (Cf, such as the
 *       zero width joiner), Hangul medial vowels and final consonants, and control characters;</li>
 *   <li>emoji sequences count as the one picture they show: a variation selector 16 turns a narrow character into
 *       an emoji picture (2 columns), an emoji joined by a zero width joiner and a skin tone modifier after an emoji
 *       add nothing;</li>
 *   <li>1 column: everything else.</li>
 * </ul>
 * Terminals differ on characters of ambiguous width (UAX #11 class A, e.g. {@code ①}); they count 1 here, as in
 * Western locales.
 *
 * <pre>{@code
 * DisplayWidth.of("rio2016");   // 7
 * DisplayWidth.of("リオ五輪");    // 8
 * DisplayWidth.of("#ＲＩＯ");     // 7
 * DisplayWidth.of("🏅");         // 2
 * DisplayWidth.of("Cafe\u0301"); // 4
 * }</pre>
 */
public final class DisplayWidth {

  private static final int ZERO_WIDTH_JOINER = 0x200D;
  private static final int EMOJI_PRESENTATION_SELECTOR = 0xFE0F;

  /**
   * Wide and fullwidth ranges, inclusive and sorted: UAX #11 W and F, with the emoji that have
   * Emoji_Presentation=Yes.
   */
  private static final int[][] WIDE = {
      {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0}, {0x23F3, 0x23F3},
      {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
      {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA},
      {0x26F2, 0x26F3}, {0x26F5, 0x26F5}, {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
      {0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
      {0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
      {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xA960, 0xA97F},
      {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6},
      {0x16FE0, 0x16FE4}, {0x16FF0, 0x16FF1}, {0x17000, 0x18CFF}, {0x1AFF0, 0x1B2FF},
      {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F202},
      {0x1F210, 0x1F23B}, {0x1F240, 0x1F248}, {0x1F250, 0x1F251}, {0x1F260, 0x1F265}, {0x1F300, 0x1F320},
      {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3},
      {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC},
      {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596},
      {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2},
      {0x1F6D5, 0x1F6D7}, {0x1F6DC, 0x1F6DF}, {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB},
      {0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF},
      {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
  };

  private DisplayWidth() {
  }

  /**
   * The columns a text takes in a terminal.
   *
   * @param text any text, not null
   * @return the sum of its code points' widths, emoji sequences counted once
   */
  public static int of(CharSequence text) {
    int width = 0;
    int previous = -1;
    int baseWidth = 0;                                   // the width of what the marks so far attach to
    for (int i = 0; i < text.length(); ) {
      int codePoint = Character.codePointAt(text, i);
      i += Character.charCount(codePoint);
      int own = of(codePoint);
      if (previous == ZERO_WIDTH_JOINER) {
        own = 0;                                         // joined into the picture before it
      } else if (codePoint == EMOJI_PRESENTATION_SELECTOR && baseWidth == 1) {
        own = 1;                                         // e.g. U+2764 U+FE0F, the red heart picture
        baseWidth = 2;
      } else if (isSkinToneModifier(codePoint) && baseWidth == 2) {
        own = 0;
      } else if (own > 0) {
        baseWidth = own;
      }
      width += own;
      previous = codePoint;
    }
    return width;
  }

  /**
   * The columns one code point takes on its own.
   *
   * @param codePoint a Unicode code point
   * @return 0, 1 or 2
   */
  public static int of(int codePoint) {
    if (codePoint < 0x20 || codePoint >= 0x7F && codePoint < 0xA0) {
      return 0;
    }
    if (codePoint < 0x300) {
      return 1;                                          // Latin, fast path
    }
    int type = Character.getType(codePoint);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
        || codePoint >= 0x1160 && codePoint <= 0x11FF) {
      return 0;
    }
    return isWide(codePoint) ? 2 : 1;
  }

  /**
   * Pads a text with spaces on the right to a display width.
   *
   * @param text the text
   * @param width the columns it should take
   * @return the text, followed by as many spaces as it lacks (none when it is already wider)
   */
  public static String padRight(String text, int width) {
    return text + " ".repeat(Math.max(0, width - of(text)));
  }

  /**
   * Pads a text with spaces on the left to a display width.
   *
   * @param text the text
   * @param width the columns it should take
   * @return as many spaces as the text lacks (none when it is already wider), followed by the text
   */
  public static String padLeft(String text, int width) {
    return " ".repeat(Math.max(0, width - of(text))) + text;
  }

  private static boolean isSkinToneModifier(int codePoint) {
    return codePoint >= 0x1F3FB && codePoint <= 0x1F3FF;
  }

  private static boolean isWide(int codePoint) {
    int low = 0;
    int high = WIDE.length - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (codePoint < WIDE[middle][0]) {
        high = middle - 1;
      } else if (codePoint > WIDE[middle][1]) {
        low = middle + 1;
      } else {
        return true;
      }
    }
    return false;
  }
}
