package io.hashtagstreams.core.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One composed tweet text (decoded, before HTML escaping) with the positions of what it contains: hashtags,
 * mentions and links, each as {@code [start, end)} UTF-16 offsets into {@link #text}.
 */
final class TweetText {

  /** Something placed in the text: a hashtag (value without {@code #}), a mention or a link. */
  static final class Span {
    final char type;
    final String value;
    final int start;
    final int end;

    Span(char type, String value, int start, int end) {
      this.type = type;
      this.value = value;
      this.start = start;
      this.end = end;
    }
  }

  static final char HASHTAG = '#';
  static final char MENTION = '@';
  static final char URL = 'u';
  static final char MEDIA = 'm';

  private static final String[] AFTER_TAG = {",", "!", ".", "?", ":", ")", "'s"};
  private static final String[] SYMBOLS = {"&", "<3", "->", "&&", ">>"};
  private static final String LINK_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  final String text;
  final List<Span> spans;

  private TweetText(String text, List<Span> spans) {
    this.text = text;
    this.spans = Collections.unmodifiableList(spans);
  }

  /** The hashtags in order of appearance, as written. */
  List<String> hashtags() {
    List<String> tags = new ArrayList<>();
    for (Span span : spans) {
      if (span.type == HASHTAG) {
        tags.add(span.value);
      }
    }
    return tags;
  }

  /**
   * A new text in {@code language}: up to 140 code points, or 141 to 280 when {@code longText}.
   */
  static TweetText compose(Vocabulary.Language language, boolean longText, SplittableRandom random) {
    int limit = longText ? 280 : 140;
    int target = longText ? 150 + random.nextInt(120) : 30 + random.nextInt(100);
    StringBuilder text = new StringBuilder(limit * 2);
    List<Span> spans = new ArrayList<>();
    if (random.nextInt(5) == 0) {
      String name = Vocabulary.any(Vocabulary.SCREEN_NAMES, random);
      spans.add(new Span(MENTION, name, 0, name.length() + 1));
      text.append('@').append(name);
    }
    int tags = 0;
    StringBuilder token = new StringBuilder();
    while (text.length() < target) {
      token.setLength(0);
      String separator = text.length() == 0 ? "" : (random.nextInt(25) == 0 ? "\n" : " ");
      int start = text.length() + separator.length();
      double u = random.nextDouble();
      Span span = null;
      if (u < 0.2 && tags < 4) {
        String tag = hashtag(language, random);
        if (random.nextInt(10) == 0) {
          token.append(Vocabulary.any(Vocabulary.EMOJI, random));
        }
        int hash = start + token.length();
        token.append('#').append(tag);
        span = new Span(HASHTAG, tag, hash, hash + tag.length() + 1);
        int after = random.nextInt(10);
        if (after < 3) {
          token.append(Vocabulary.any(AFTER_TAG, random));
        } else if (after == 3) {
          token.append(Vocabulary.any(Vocabulary.EMOJI, random));
        }
        tags++;
      } else if (u < 0.23) {
        token.append(Vocabulary.any(SYMBOLS, random));
      } else {
        token.append(Vocabulary.any(language.words, random));
      }
      if (codePoints(text) + separator.length() + codePoints(token) > limit - 24) {
        break;
      }
      text.append(separator).append(token);
      if (span != null) {
        spans.add(span);
      }
    }
    int link = random.nextInt(10);
    if (link < 3) {
      appendLink(text, spans, "https://t.co/" + randomChars(random, 10));
    } else if (link == 3) {
      appendLink(text, spans, Vocabulary.any(Vocabulary.FRAGMENT_URLS, random));
    }
    while (longText && codePoints(text) <= 140) {
      text.append(' ').append(Vocabulary.any(language.words, random));
    }
    return new TweetText(text.toString(), spans);
  }

  /** The first {@code maxCodePoints} code points; when cut, the last becomes {@code …}. Spans wholly kept stay. */
  TweetText truncate(String prefix, int maxCodePoints) {
    String full = prefix + text;
    List<Span> shifted = new ArrayList<>();
    String cut = full;
    if (codePoints(full) > maxCodePoints) {
      cut = full.substring(0, full.offsetByCodePoints(0, maxCodePoints - 1)) + "\u2026";
    }
    int keep = cut.length() - (cut.length() == full.length() ? 0 : 1);
    for (Span span : spans) {
      int start = span.start + prefix.length();
      int end = span.end + prefix.length();
      if (end <= keep) {
        shifted.add(new Span(span.type, span.value, start, end));
      }
    }
    return new TweetText(cut, shifted);
  }

  /** {@code text} plus spans, for a text built by the caller (the retweet prefix's mention). */
  TweetText withLeadingMention(String screenName) {
    List<Span> all = new ArrayList<>();
    all.add(new Span(MENTION, screenName, 3, 4 + screenName.length()));
    all.addAll(spans);
    return new TweetText(text, all);
  }

  /** This text followed by a space and {@code url}, as Twitter ends the visible part of a long tweet. */
  TweetText withLink(String url) {
    List<Span> all = new ArrayList<>(spans);
    StringBuilder out = new StringBuilder(text);
    appendLink(out, all, url);
    return new TweetText(out.toString(), all);
  }

  /** This text followed by a space and {@code #tag}: the tag of a scheduled burst. */
  TweetText withHashtag(String tag) {
    List<Span> all = new ArrayList<>(spans);
    StringBuilder out = new StringBuilder(text);
    if (out.length() > 0) {
      out.append(' ');
    }
    all.add(new Span(HASHTAG, tag, out.length(), out.length() + tag.length() + 1));
    out.append('#').append(tag);
    return new TweetText(out.toString(), all);
  }

  /** This text followed by a space and the t.co link of an attached photo. */
  TweetText withMedia(String url) {
    List<Span> all = new ArrayList<>(spans);
    StringBuilder out = new StringBuilder(text);
    if (out.length() > 0) {
      out.append(' ');
    }
    all.add(new Span(MEDIA, url, out.length(), out.length() + url.length()));
    out.append(url);
    return new TweetText(out.toString(), all);
  }

  static String randomChars(SplittableRandom random, int n) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append(LINK_CHARS.charAt(random.nextInt(LINK_CHARS.length())));
    }
    return out.toString();
  }

  private static void appendLink(StringBuilder text, List<Span> spans, String url) {
    if (text.length() > 0) {
      text.append(' ');
    }
    spans.add(new Span(URL, url, text.length(), text.length() + url.length()));
    text.append(url);
  }

  private static String hashtag(Vocabulary.Language language, SplittableRandom random) {
    String tag = random.nextBoolean() ? language.tags.sample(random) : Vocabulary.GLOBAL_TAGS.sample(random);
    int variant = random.nextInt(12);
    if (variant == 0) {
      return tag.toLowerCase(Locale.ROOT);
    }
    if (variant == 1) {
      return tag.toUpperCase(Locale.ROOT);
    }
    return tag;
  }

  static int codePoints(CharSequence text) {
    return Character.codePointCount(text, 0, text.length());
  }
}
