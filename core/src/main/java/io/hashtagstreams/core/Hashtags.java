package io.hashtagstreams.core;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.hashtagstreams.core.internal.text.HashtagScanner;

/**
 * Finds and normalizes hashtags in tweet text by Twitter's own rules (those of the twitter-text library, version 3).
 * Plain Java, no Spark; thread-safe; linear time in the length of the text.
 *
 * <pre>{@code
 * Hashtags.extract("Gold for Brazil! #Rio2016 #RIO2016 #Olympics");  // [Rio2016, RIO2016, Olympics]
 * Hashtags.normalize("ＲＩＯ２０１６");                                 // "rio2016"
 * }</pre>
 *
 * <p>What is a hashtag:
 * <ul>
 *   <li>a sign, {@code #} or the full-width {@code ＃}, not followed by U+FE0F or U+20E3 (the keycap emoji
 *       {@code #️⃣} is no hashtag);</li>
 *   <li>at the start of the text or after a character that is neither {@code &} nor a hashtag character
 *       ({@code abc#x}, {@code 1#x} and {@code &#39;} hold no hashtag; {@code 。#x}, {@code ✌️#x} and
 *       {@code (#x)} do);</li>
 *   <li>followed by the longest run of hashtag characters: Unicode letters, marks and decimal digits, {@code _},
 *       ZWNJ and ZWJ, the joiners {@code ・ 〜 ～ 〃 · ־ ׳ ״ ꙾ ゛ ゜ ゠ ་ ༌}, and the extra letters and digits
 *       twitter-text adds; the run needs at least one letter or mark ({@code #2016} and {@code #_} are no hashtags,
 *       {@code #1st} is);</li>
 *   <li>not followed right away by another sign or by {@code ://} ({@code #a#b} and {@code #http://x.com} give
 *       nothing);</li>
 *   <li>not inside a URL ({@code http://twitter.com/#hashtag}, {@code twitter.com/#hashtag}).</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class Hashtags {

  private Hashtags() {
  }

  /**
   * The hashtags of a text in order of appearance, as written and without their sign; a hashtag written twice is
   * listed twice.
   *
   * <pre>{@code
   * Hashtags.extract("#Rio2016, #rio2016! #2016 abc#x");  // [Rio2016, rio2016]
   * Hashtags.extract(null);                               // []
   * }</pre>
   *
   * @param text the text to search; may be null
   * @return the hashtags, possibly empty (never null; an empty list for a null text); a fresh list the caller may
   *     modify, except that a result without hashtags may be an immutable empty list
   */
  public static List<String> extract(CharSequence text) {
    if (text == null) {
      return List.of();
    }
    return HashtagScanner.extract(text.toString());
  }

  /**
   * The form under which hashtags are counted together: Unicode NFKC (full-width letters and digits become ASCII,
   * ligatures are split), then lower case by {@link Locale#ROOT} rules, whatever the JVM's default locale.
   *
   * <pre>{@code
   * Hashtags.normalize("Rio2016");   // "rio2016"
   * Hashtags.normalize("ＲＩＯ");      // "rio"
   * Hashtags.normalize("İstanbul");  // "i̇stanbul" (i + U+0307), also in a Turkish JVM
   * }</pre>
   *
   * @param hashtag a hashtag without its sign, as {@link #extract(CharSequence)} returns it
   * @return the normalized hashtag
   * @throws NullPointerException when {@code hashtag} is null
   */
  public static String normalize(String hashtag) {
    Objects.requireNonNull(hashtag, "hashtag");
    return Normalizer.normalize(hashtag, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }
}
