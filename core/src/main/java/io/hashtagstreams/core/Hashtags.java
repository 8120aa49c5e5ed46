package io.hashtagstreams.core;

import java.util.List;

/**
 * Hashtag extraction and normalization (plain Java, no Spark). Placeholder until the extractor lands.
 */
public final class Hashtags {

  private Hashtags() {
  }

  public static List<String> extract(CharSequence text) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public static String normalize(String hashtag) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
