package io.hashtagstreams.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A social network whose posts the library reads; {@link #id()} is the stable value of the {@code network} column
 * and of the {@code network} argument of the SQL functions.
 *
 * <pre>{@code
 * Network.fromId("bluesky");   // BLUESKY
 * Network.MASTODON.id();       // "mastodon"
 * }</pre>
 *
 * <p>X (formerly Twitter) is {@code twitter} whatever the format it arrives in (the v1.1 archive JSON or the X API
 * v2): both follow the same hashtag rules, those of the twitter-text library.
 *
 * @since 0.3.0
 */
public enum Network {
  /** Twitter / X: v1.1 archive JSON and X API v2 posts; hashtags by twitter-text. */
  TWITTER("twitter"),
  /** Bluesky posts ({@code app.bsky.feed.post}) as Jetstream delivers them; hashtags by atproto's rich-text rules. */
  BLUESKY("bluesky"),
  /** Mastodon {@code Status} objects; hashtags by Mastodon's {@code Tag::HASHTAG_RE}. */
  MASTODON("mastodon");

  private final String id;

  Network(String id) {
    this.id = id;
  }

  /**
   * The stable lower-case name written to the {@code network} column.
   *
   * @return {@code twitter}, {@code bluesky} or {@code mastodon}
   */
  public String id() {
    return id;
  }

  /**
   * The network with the given {@link #id()}, ignoring case and surrounding white space.
   *
   * @param id a network id such as {@code "bluesky"}
   * @return the network
   * @throws IllegalArgumentException when {@code id} is null or names no network; the message repeats the value and
   *     lists the accepted ones
   */
  public static Network fromId(String id) {
    if (id != null) {
      String wanted = id.trim().toLowerCase(Locale.ROOT);
      for (Network network : values()) {
        if (network.id.equals(wanted)) {
          return network;
        }
      }
    }
    throw new IllegalArgumentException("unknown network '" + id + "'; expected one of "
        + Arrays.stream(values()).map(Network::id).collect(Collectors.joining(", ")));
  }
}
