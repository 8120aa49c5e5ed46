package io.hashtagstreams.benchmarks.baseline;

import java.util.ArrayList;
import java.util.List;

/**
 * The notebook's hashtag rule in plain Java: {@code text.split(" ")} and keep the words that start with {@code #}.
 * A word keeps its {@code #}, its case and any punctuation glued to it ({@code #Rio2016!}); a tag after a newline
 * is missed. Kept only as a speed and correctness baseline.
 */
public final class SplitHashtags {

  private SplitHashtags() {
  }

  /** The words of {@code text} (split on single spaces) that start with {@code #}, in order. */
  public static List<String> extract(String text) {
    List<String> tags = new ArrayList<>();
    for (String word : text.split(" ")) {
      if (word.startsWith("#")) {
        tags.add(word);
      }
    }
    return tags;
  }
}
