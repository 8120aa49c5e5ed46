package io.hashtagstreams.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.spark.sql.api.java.UDF3;

import io.hashtagstreams.core.Hashtags;
import io.hashtagstreams.core.Network;
import io.hashtagstreams.core.TopicOptions;

/**
 * The per-row work of {@code explodeTopics}: the topics of one post, as an array for Spark's {@code explode}.
 *
 * <p>Arguments: {@code text}, {@code network} (a {@link Network#id()}, or null for twitter) and {@code tags} (the
 * post's own tag list, or null). When {@code tags} is not null it is the truth and {@code text} is not searched;
 * otherwise the network's text rules find the hashtags in {@code text}. Then every network's tags go through the
 * same {@link Hashtags#normalize(String)} (unless {@code keepCase}), so {@code #Rio2016} on X and on Bluesky is one
 * topic. A {@code network} value that names no network is read with twitter-text rules. Null-safe and total: every
 * input, including strings with unpaired surrogates, gives an array.
 */
public final class TopicFunction implements UDF3<String, String, scala.collection.Seq<String>, String[]> {

  private static final long serialVersionUID = 1L;
  private static final String[] NONE = new String[0];

  private final boolean keepCase;
  private final boolean oncePerTweet;

  /** The topics of a post under {@code options}. */
  public TopicFunction(TopicOptions options) {
    this.keepCase = options.keepCase();
    this.oncePerTweet = options.oncePerTweet();
  }

  /** The topics of a tweet text by twitter-text rules (what the one-argument SQL functions use). */
  public String[] call(String text) {
    return call(text, null, null);
  }

  @Override
  public String[] call(String text, String network, scala.collection.Seq<String> tags) {
    List<String> found;
    if (tags != null) {
      found = new ArrayList<>(tags.length());
      for (int i = 0; i < tags.length(); i++) {
        String tag = tags.apply(i);
        if (tag != null && !tag.isEmpty()) {
          found.add(tag);
        }
      }
    } else if (text == null) {
      return NONE;
    } else {
      found = textRules(text, network);
    }
    if (found.isEmpty()) {
      return NONE;
    }
    if (!keepCase) {
      found.replaceAll(Hashtags::normalize);
    }
    if (oncePerTweet && found.size() > 1) {
      Set<String> distinct = new LinkedHashSet<>(found);
      return distinct.toArray(NONE);
    }
    return found.toArray(NONE);
  }

  /** The hashtags of {@code text} by the rules of {@code network}. */
  static List<String> textRules(String text, String network) {
    return Hashtags.extract(text, networkOf(network));
  }

  private static Network networkOf(String id) {
    if (id != null) {
      String wanted = id.trim().toLowerCase(Locale.ROOT);
      for (Network network : Network.values()) {
        if (network.id().equals(wanted)) {
          return network;
        }
      }
    }
    return Network.TWITTER;
  }
}
