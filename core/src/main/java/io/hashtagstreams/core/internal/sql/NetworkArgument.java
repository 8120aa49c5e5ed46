package io.hashtagstreams.core.internal.sql;

import io.hashtagstreams.core.Network;

/**
 * The {@code network} argument of the SQL functions: a {@link Network#id()} such as {@code 'bluesky'}, read per row.
 */
public final class NetworkArgument {

  private NetworkArgument() {
  }

  /**
   * The network named by {@code value}, ignoring case and surrounding spaces.
   *
   * @param function the SQL call, for the message, such as {@code "hashtags(text, network)"}
   * @param value the argument; not null
   * @throws IllegalArgumentException naming the function and the value, listing the accepted ones
   */
  public static Network parse(String function, String value) {
    switch (value) {
      case "twitter":
        return Network.TWITTER;
      case "bluesky":
        return Network.BLUESKY;
      case "mastodon":
        return Network.MASTODON;
      default:
        try {
          return Network.fromId(value);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(function + ": " + e.getMessage(), e);
        }
    }
  }
}
