package io.hashtagstreams.examples;

import java.util.function.Supplier;

/** Placeholder until TweetGenerator is merged. */
final class TweetFeed {
  private TweetFeed() {
  }

  static Supplier<byte[]> create(CommonConfig common) {
    return () -> {
      throw new UnsupportedOperationException("TweetGenerator is not merged yet");
    };
  }
}
