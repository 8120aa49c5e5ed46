package io.hashtagstreams.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A record format that {@link HashtagOps#extractText(ExtractOptions)} recognises by itself, record by record, from
 * the record's first keys; {@link ExtractOptions.Builder#formats(PostFormat...)} may restrict the accepted ones.
 *
 * <table>
 *   <caption>Formats</caption>
 *   <tr><th>format</th><th>{@link #id()}</th><th>network</th><th>what a record is</th></tr>
 *   <tr><td>{@link #TWITTER_V1}</td><td>{@code twitter_v1}</td><td>twitter</td><td>a Twitter v1.1 streaming
 *       status, as the archive.org dumps hold it</td></tr>
 *   <tr><td>{@link #X_V2}</td><td>{@code x_v2}</td><td>twitter</td><td>an X API v2 stream line
 *       ({@code {"data":{...},"includes":{...}}}) or a bare v2 post object</td></tr>
 *   <tr><td>{@link #BLUESKY_JETSTREAM}</td><td>{@code bluesky_jetstream}</td><td>bluesky</td><td>a Bluesky
 *       Jetstream v1 event (one WebSocket text message)</td></tr>
 *   <tr><td>{@link #MASTODON}</td><td>{@code mastodon}</td><td>mastodon</td><td>a Mastodon {@code Status}: a REST
 *       timeline element, a streaming WebSocket message ({@code payload}) or a server-sent event
 *       ({@code event:} / {@code data:} lines)</td></tr>
 * </table>
 *
 * <pre>{@code
 * PostFormat.fromId("x_v2").network();   // Network.TWITTER
 * }</pre>
 *
 * @since 0.3.0
 */
public enum PostFormat {
  /** Twitter v1.1 streaming JSON. */
  TWITTER_V1("twitter_v1", Network.TWITTER),
  /** X API v2 stream lines and post objects. */
  X_V2("x_v2", Network.TWITTER),
  /** Bluesky Jetstream v1 events. */
  BLUESKY_JETSTREAM("bluesky_jetstream", Network.BLUESKY),
  /** Mastodon {@code Status} JSON, bare, in a WebSocket message or in a server-sent event. */
  MASTODON("mastodon", Network.MASTODON);

  private final String id;
  private final Network network;

  PostFormat(String id, Network network) {
    this.id = id;
    this.network = network;
  }

  /**
   * The stable lower-case name of the format.
   *
   * @return for example {@code x_v2}
   */
  public String id() {
    return id;
  }

  /**
   * The network whose posts this format carries.
   *
   * @return the network
   */
  public Network network() {
    return network;
  }

  /**
   * The format with the given {@link #id()}, ignoring case and surrounding white space.
   *
   * @param id a format id such as {@code "mastodon"}
   * @return the format
   * @throws IllegalArgumentException when {@code id} is null or names no format; the message repeats the value and
   *     lists the accepted ones
   */
  public static PostFormat fromId(String id) {
    if (id != null) {
      String wanted = id.trim().toLowerCase(Locale.ROOT);
      for (PostFormat format : values()) {
        if (format.id.equals(wanted)) {
          return format;
        }
      }
    }
    throw new IllegalArgumentException("unknown post format '" + id + "'; expected one of "
        + Arrays.stream(values()).map(PostFormat::id).collect(Collectors.joining(", ")));
  }
}
