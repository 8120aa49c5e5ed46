package io.hashtagstreams.core.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.spark.sql.api.java.UDF1;

import io.hashtagstreams.core.Hashtags;
import io.hashtagstreams.core.TopicOptions;

/**
 * The per-row work of {@code explodeTopics}: the topics of one tweet text, as an array for Spark's {@code explode}.
 * Null-safe (a null text has no topics) and total: every string, including one with unpaired surrogates, gives an
 * array.
 */
public final class TopicFunction implements UDF1<String, String[]> {

  private static final long serialVersionUID = 1L;
  private static final String[] NONE = new String[0];

  private final boolean keepCase;
  private final boolean oncePerTweet;

  /** The topics of a text under {@code options}. */
  public TopicFunction(TopicOptions options) {
    this.keepCase = options.keepCase();
    this.oncePerTweet = options.oncePerTweet();
  }

  @Override
  public String[] call(String text) {
    if (text == null) {
      return NONE;
    }
    List<String> tags = Hashtags.extract(text);
    if (tags.isEmpty()) {
      return NONE;
    }
    if (!keepCase) {
      tags.replaceAll(Hashtags::normalize);
    }
    if (oncePerTweet && tags.size() > 1) {
      Set<String> distinct = new LinkedHashSet<>(tags);
      return distinct.toArray(NONE);
    }
    return tags.toArray(NONE);
  }
}
