package io.hashtagstreams.core.sample;

/** The values of one generated status (tweet), before it is written as JSON by {@link StatusWriter}. */
final class Status {
  long id;
  long timestampMs;
  long userSeed;
  String lang;
  String source;
  /** What the {@code text} field holds (truncated for retweets and long tweets). */
  TweetText text;
  /** The complete text of a long tweet ({@code extended_tweet.full_text}), else null. */
  TweetText extended;
  Status retweeted;
  Status quoted;
  /** Index into the writer's place list, or -1 for {@code "place":null}. */
  int place = -1;
  int retweetCount;
  int favoriteCount;

  /** The complete text of this status itself (not of what it retweets). */
  TweetText fullText() {
    return extended != null ? extended : text;
  }
}
