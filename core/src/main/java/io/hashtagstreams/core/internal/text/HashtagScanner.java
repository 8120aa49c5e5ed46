package io.hashtagstreams.core.internal.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The hashtag finder behind {@code Hashtags.extract}: one forward pass over the code points of a text that gives
 * the same hashtags as twitter-text 3's {@code extractHashtags}, without regular expressions.
 *
 * <p>It reproduces the way twitter-text's pattern is searched: a sign ({@code #} or {@code ＃}) starts a hashtag
 * when the code point before it {@link HashtagCharacters#mayPrecedeSign may precede it} (or it opens the text), it
 * is not the start of a keycap (U+FE0F or U+20E3 next), and the longest run of
 * {@link HashtagCharacters#isTagCharacter hashtag characters} after it holds a letter or mark. The character before
 * a sign only counts when no earlier hashtag ended after it, and a hashtag followed by a sign or by {@code ://} is
 * dropped. Last, hashtags whose sign lies inside a URL (as {@link UrlSpans} finds them) are dropped; that URL pass
 * only runs when some hashtag could be inside one (a {@code #} after URL punctuation, or any {@code ＃}).
 */
public final class HashtagScanner {

  private static final String URL_INNER_PUNCTUATION = "!*';:=+,.$/%#[]-~|@?()";

  private HashtagScanner() {
  }

  /** The hashtags of {@code text}, without their sign, in order; an empty list when there is none. */
  public static List<String> extract(String text) {
    int nextAscii = text.indexOf('#');
    int nextFullWidth = text.indexOf('\uFF03');
    if (nextAscii < 0 && nextFullWidth < 0) {
      return Collections.emptyList();
    }
    int length = text.length();
    int[] found = new int[4];
    int count = 0;
    boolean mayBeInUrl = false;
    int searchFrom = 0;
    while (nextAscii >= 0 || nextFullWidth >= 0) {
      // each search resumes after the sign it found last, so all of them together read the text once
      int sign;
      if (nextFullWidth < 0 || (nextAscii >= 0 && nextAscii < nextFullWidth)) {
        sign = nextAscii;
        nextAscii = text.indexOf('#', sign + 1);
      } else {
        sign = nextFullWidth;
        nextFullWidth = text.indexOf('\uFF03', sign + 1);
      }
      int before = -1;
      if (sign > 0) {
        before = Character.codePointBefore(text, sign);
        if (sign - Character.charCount(before) < searchFrom || !HashtagCharacters.mayPrecedeSign(before)) {
          continue;
        }
      }
      int bodyStart = sign + 1;
      if (bodyStart < length && (text.charAt(bodyStart) == '\uFE0F' || text.charAt(bodyStart) == '\u20E3')) {
        continue;
      }
      int end = bodyStart;
      boolean hasLetter = false;
      while (end < length) {
        int cp = text.codePointAt(end);
        if (!HashtagCharacters.isTagCharacter(cp)) {
          break;
        }
        hasLetter = hasLetter || HashtagCharacters.isLetterOrMark(cp);
        end += Character.charCount(cp);
      }
      if (!hasLetter) {
        continue;
      }
      searchFrom = end;
      if (end < length && (HashtagCharacters.isSign(text.charAt(end)) || text.startsWith("://", end))) {
        continue;
      }
      if (count == found.length) {
        found = Arrays.copyOf(found, count * 2);
      }
      found[count++] = sign;
      found[count++] = end;
      mayBeInUrl = mayBeInUrl || text.charAt(sign) == '\uFF03' || mayPrecedeSignInsideUrl(before);
    }
    if (count == 0) {
      return Collections.emptyList();
    }
    if (mayBeInUrl) {
      count = dropInsideUrls(found, count, UrlSpans.find(text));
    }
    List<String> hashtags = new ArrayList<>(count / 2);
    for (int i = 0; i < count; i += 2) {
      if (found[i] >= 0) {
        hashtags.add(text.substring(found[i] + 1, found[i + 1]));
      }
    }
    return hashtags;
  }

  /**
   * Whether a {@code #} after {@code cp} can be part of a URL: there it follows a URL punctuation mark (in a path or
   * query). A {@code ＃} can only be part of a URL's Unicode host name, after almost anything, so it is always checked.
   */
  private static boolean mayPrecedeSignInsideUrl(int cp) {
    if (cp < 0) {
      return false;
    }
    return cp < 128 ? URL_INNER_PUNCTUATION.indexOf(cp) >= 0 : cp == 0x2013 || cp == 0x482;
  }

  /**
   * Marks (start = -1) the hashtags that twitter-text's overlap removal drops: hashtags and URLs ordered by start
   * (a hashtag first on a tie), each entity that starts before the end of the last kept one removed.
   */
  private static int dropInsideUrls(int[] hashtags, int count, int[] urls) {
    if (urls.length == 0) {
      return count;
    }
    int h = 0;
    int u = 0;
    int keptEnd = -1;
    while (h < count || u < urls.length) {
      boolean takeHashtag = u >= urls.length || (h < count && hashtags[h] <= urls[u]);
      int start = takeHashtag ? hashtags[h] : urls[u];
      int end = takeHashtag ? hashtags[h + 1] : urls[u + 1];
      boolean kept = start >= keptEnd;
      if (kept) {
        keptEnd = end;
      } else if (takeHashtag) {
        hashtags[h] = -1;
      }
      if (takeHashtag) {
        h += 2;
      } else {
        u += 2;
      }
    }
    return count;
  }
}
