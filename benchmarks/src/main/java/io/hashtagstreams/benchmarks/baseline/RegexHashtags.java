package io.hashtagstreams.benchmarks.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A one-regex hashtag extractor, the usual step up from splitting on spaces: a {@code #} or full-width
 * {@code ＃} not preceded by a letter, digit, {@code _}, {@code &amp;} or {@code /}, then letters, marks, digits and
 * underscores, at least one of them not a digit. Returns the tag without its {@code #}, case kept. A speed baseline
 * for {@code Hashtags.extract}; it does not implement every twitter-text rule.
 */
public final class RegexHashtags {

  private static final Pattern TAG = Pattern.compile(
      "(?<![\\p{L}\\p{M}\\p{N}_&/#＃])[#＃]([\\p{L}\\p{M}\\p{N}_]*[\\p{L}\\p{M}_][\\p{L}\\p{M}\\p{N}_]*)");

  private RegexHashtags() {
  }

  /** The hashtags of {@code text} without the {@code #}, in order. */
  public static List<String> extract(CharSequence text) {
    List<String> tags = new ArrayList<>();
    Matcher matcher = TAG.matcher(text);
    while (matcher.find()) {
      tags.add(matcher.group(1));
    }
    return tags;
  }
}
