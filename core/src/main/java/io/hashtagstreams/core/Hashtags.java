package io.hashtagstreams.core;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.hashtagstreams.core.internal.text.BlueskyHashtagRules;
import io.hashtagstreams.core.internal.text.HashtagScanner;
import io.hashtagstreams.core.internal.text.MastodonHashtagRules;
import io.hashtagstreams.core.internal.text.MastodonTagNames;

/**
 * Finds and normalizes hashtags in post text: by Twitter's own rules (those of the twitter-text library, version 3)
 * unless a {@link Network} is given, then by that network's rules ({@link #extract(CharSequence, Network)}).
 * Plain Java, no Spark; thread-safe; linear time in the length of the text.
 *
 * <pre>{@code
 * Hashtags.extract("Gold for Brazil! #Rio2016 #RIO2016 #Olympics");  // [Rio2016, RIO2016, Olympics]
 * Hashtags.normalize("ＲＩＯ２０１６");                                 // "rio2016"
 * }</pre>
 *
 * <p>What is a hashtag on Twitter (the one-argument {@link #extract(CharSequence)}):
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
   * The hashtags of a text by the rules of the network it was posted on, in order of appearance, as written and
   * without their sign; a hashtag written twice is listed twice. Use it for a post that carries no tag list of its
   * own (a Bluesky post without tag facets, a Mastodon status without {@code tags}, an X post read without
   * {@code entities}).
   *
   * <table>
   *   <caption>Rules per network</caption>
   *   <tr><th>network</th><th>rule</th><th>example</th></tr>
   *   <tr><td>{@link Network#TWITTER}</td><td>twitter-text 3, as {@link #extract(CharSequence)}</td>
   *       <td>{@code "#a#b (#c) #d."} gives {@code [c, d]}</td></tr>
   *   <tr><td>{@link Network#BLUESKY}</td><td>atproto's rich-text detection ({@code TAG_REGEX}): a sign at the start
   *       or after white space, everything up to the next white space, trailing punctuation cut, at most 64
   *       graphemes; cashtags ({@code $AAPL}, {@code #$AAPL}) are not hashtags</td>
   *       <td>{@code "#a#b (#c) #d."} gives {@code [a#b, d]}</td></tr>
   *   <tr><td>{@link Network#MASTODON}</td><td>Mastodon's {@code Tag::HASHTAG_RE} (4.6): a sign at the start or
   *       after white space; letters, marks, digits and the separators {@code _ · ・} ZWNJ, ending on a letter, mark or
   *       digit; a letter somewhere, or a separator inside ({@code #1·2})</td>
   *       <td>{@code "#a#b (#c) #d."} gives {@code [a, d]}</td></tr>
   * </table>
   *
   * <pre>{@code
   * Hashtags.extract("Gold! #Rio2016 #double#rainbow", Network.BLUESKY);   // [Rio2016, double#rainbow]
   * Hashtags.extract("Gold! #Rio2016 #one·two·three·", Network.MASTODON);  // [Rio2016, one·two·three]
   * }</pre>
   *
   * <p>The three rules differ in what they find, not in how tags are counted: {@link #normalize(String)} is the
   * same for every network, so {@code #Rio2016} on X and {@code #rio2016} on Bluesky are one topic.
   *
   * @param text the text to search, as plain text (for Mastodon, the {@code content} HTML turned into text); may be
   *     null
   * @param network the network whose rules apply
   * @return the hashtags, possibly empty (never null; an empty list for a null text); a fresh list the caller may
   *     modify, except that a result without hashtags may be an immutable empty list
   * @throws NullPointerException when {@code network} is null
   * @since 0.3.0
   */
  public static List<String> extract(CharSequence text, Network network) {
    Objects.requireNonNull(network, "network");
    if (text == null) {
      return List.of();
    }
    switch (network) {
      case BLUESKY:
        return BlueskyHashtagRules.extract(text.toString());
      case MASTODON:
        return MastodonHashtagRules.extract(text.toString());
      case TWITTER:
      default:
        return HashtagScanner.extract(text.toString());
    }
  }

  /**
   * The name under which a Mastodon server stores a hashtag and finds it again (Mastodon's
   * {@code HashtagNormalizer}): NFKC, lower case, the accented Latin letters of Latin-1 and Latin Extended-A folded
   * to their base letter, and every character removed that cannot be part of a hashtag name. Use it to compare with
   * a Mastodon server's own tags (its trends, {@code /api/v1/timelines/tag/:name}); counting uses
   * {@link #normalize(String)}, which does not fold accents, on every network.
   *
   * <pre>{@code
   * Hashtags.mastodonName("#BLÅHAJ");      // "blahaj"
   * Hashtags.mastodonName("Ｓｙｎｔｈｗａｖｅ");  // "synthwave"
   * Hashtags.mastodonName("Straße");       // "straße" (ß is not folded)
   * }</pre>
   *
   * @param hashtag a hashtag with or without its sign
   * @return the Mastodon name, possibly empty (for a hashtag of emoji only)
   * @throws NullPointerException when {@code hashtag} is null
   * @since 0.3.0
   */
  public static String mastodonName(String hashtag) {
    Objects.requireNonNull(hashtag, "hashtag");
    return MastodonTagNames.name(hashtag);
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
   * <p>One form for every network, so the same tag from X, Bluesky and Mastodon is one topic. It does not fold
   * accents as Mastodon's own tag names do ({@link #mastodonName(String)}): folding would join different words
   * ({@code año} and {@code ano}) that X and Bluesky keep apart, Mastodon's table folds only Latin-1 and Latin
   * Extended-A letters ({@code é} but not {@code ế}), and a changed form would change the topics of existing outputs
   * and checkpoints. So a Mastodon tag that reaches us as {@code Blåhaj} from one server and {@code blahaj} from
   * another counts as two topics.
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
