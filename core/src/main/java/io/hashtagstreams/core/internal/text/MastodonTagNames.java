package io.hashtagstreams.core.internal.text;

import java.text.Normalizer;

/**
 * The name under which a Mastodon server stores a tag and finds it again: Mastodon's {@code HashtagNormalizer}.
 * Two hashtags are the same tag on a Mastodon server exactly when their names are equal.
 *
 * <p>Source: glitch-soc/mastodon at commit {@code 839591f21bde483366347a4e5e9a85603f20d0a2} (Mastodon 4.6.5),
 * {@code app/lib/hashtag_normalizer.rb}, {@code app/lib/ascii_folding.rb} and {@code HASHTAG_INVALID_CHARS_RE} in
 * {@code app/models/tag.rb}. In that order:
 * <ol>
 *   <li>Unicode NFKC ({@code unicode_normalize(:nfkc)}: full-width and half-width forms, ligatures);</li>
 *   <li>lower case by Ruby's {@code downcase}: the full Unicode mapping of each code point on its own, so
 *       {@code İ} becomes {@code i̇} and a final capital sigma becomes {@code σ}, not {@code ς};</li>
 *   <li>ASCII folding by {@code ASCIIFolding}'s table, which maps the accented Latin letters of Latin-1 and Latin
 *       Extended-A to their base letter ({@code å} to {@code a}, {@code ł} to {@code l}, {@code ı} to {@code i});
 *       others ({@code ß}, {@code æ}, {@code œ}, Vietnamese letters) stay;</li>
 *   <li>every code point removed that is not {@code Alphabetic}, a decimal digit, a Thai mark U+0E47 to U+0E4E or
 *       one of the separators {@code _ · ・} ZWNJ ({@code #}, spaces, emoji, most combining marks).</li>
 * </ol>
 *
 * <p>Guarantee: the same string as {@code HashtagNormalizer#normalize} for the code points whose properties Java 17
 * (Unicode 13) and Ruby agree on.
 */
public final class MastodonTagNames {

  private static final int FOLD_FIRST = 0xE0;
  private static final char[] FOLD = new char[0x180 - FOLD_FIRST];

  static {
    // base letter, then the lower-case letters ASCIIFolding maps to it
    String[] table = {
        "a", "\u00E0\u00E1\u00E2\u00E3\u00E4\u00E5\u0101\u0103\u0105",
        "c", "\u00E7\u0107\u0109\u010B\u010D",
        "d", "\u00F0\u010F\u0111",
        "e", "\u00E8\u00E9\u00EA\u00EB\u0113\u0115\u0117\u0119\u011B",
        "g", "\u011D\u011F\u0121\u0123",
        "h", "\u0125\u0127",
        "i", "\u00EC\u00ED\u00EE\u00EF\u0129\u012B\u012D\u012F\u0131",
        "j", "\u0135",
        "k", "\u0137\u0138",
        "l", "\u013A\u013C\u013E\u0140\u0142",
        "n", "\u00F1\u0144\u0146\u0148\u0149\u014B",
        "o", "\u00F2\u00F3\u00F4\u00F5\u00F6\u00F8\u014D\u014F\u0151",
        "r", "\u0155\u0157\u0159",
        "s", "\u015B\u015D\u015F\u0161\u017F",
        "t", "\u0163\u0165\u0167",
        "u", "\u00F9\u00FA\u00FB\u00FC\u0169\u016B\u016D\u016F\u0171\u0173",
        "w", "\u0175",
        "y", "\u00FD\u00FF\u0177",
        "z", "\u017A\u017C\u017E"};
    for (int i = 0; i < table.length; i += 2) {
      for (char letter : table[i + 1].toCharArray()) {
        FOLD[letter - FOLD_FIRST] = table[i].charAt(0);
      }
    }
  }

  private MastodonTagNames() {
  }

  /** The Mastodon name of {@code tag} (a hashtag with or without its sign); never null for a non-null tag. */
  public static String name(String tag) {
    String text = Normalizer.normalize(tag, Normalizer.Form.NFKC);
    StringBuilder name = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == 0x130) {
        // the one unconditional lower-case mapping to two code points: i + combining dot above (then removed)
        append(name, 'i');
        append(name, 0x307);
      } else {
        append(name, Character.toLowerCase(cp));
      }
    }
    return name.toString();
  }

  private static void append(StringBuilder name, int lowerCase) {
    int folded = lowerCase >= FOLD_FIRST && lowerCase < 0x180 && FOLD[lowerCase - FOLD_FIRST] != 0
        ? FOLD[lowerCase - FOLD_FIRST] : lowerCase;
    if (isNameCharacter(folded)) {
      name.appendCodePoint(folded);
    }
  }

  /** Whether {@code cp} survives {@code HASHTAG_INVALID_CHARS_RE}: {@code [[:alnum:]]}, Thai marks, separators. */
  static boolean isNameCharacter(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
    }
    return Character.isAlphabetic(cp) || Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER
        || (cp >= 0x0E47 && cp <= 0x0E4E) || MastodonHashtagRules.isSeparator(cp);
  }
}
