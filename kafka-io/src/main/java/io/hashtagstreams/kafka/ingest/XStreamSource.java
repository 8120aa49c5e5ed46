package io.hashtagstreams.kafka.ingest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * X API v2's filtered stream ({@code GET /2/tweets/search/stream}) or sample stream ({@code /2/tweets/sample/stream}):
 * one JSON object per line over a long-lived HTTP response, {@code \r\n} keep-alive lines (at least every 20 s),
 * opened with an app's bearer token. The request asks for {@code tweet.fields=created_at,entities,note_tweet,
 * referenced_tweets} and {@code expansions=referenced_tweets.id}, what the post readers need: the time, the hashtag
 * entities, long posts' full text, and the original of a retweet in {@code includes.tweets}.
 *
 * <p>What {@link Ingester} does with it: every line with {@code data} is written unchanged, keyed by
 * {@code data.id}; keep-alive lines are skipped; a line with only {@code errors} (such as an operational disconnect)
 * is logged and counted in {@link IngestProgress#errorMessages()}. X's stream has no cursor: posts sent while
 * disconnected are lost unless {@link Builder#backfillMinutes(int)} (an X API option for some access levels) asks
 * for them on reconnect; each reconnect without it counts as an unrecovered gap. Reconnects follow X's documented
 * schedule: network errors back off linearly from 250 ms to 16 s, HTTP errors exponentially from 5 s to 320 s,
 * 429 (too many connections) exponentially from 1 minute; 401, 403 and 404 end the run.
 *
 * <pre>{@code
 * XStreamSource source = XStreamSource.builder()
 *     .token(Secret.fromEnvironment("X_BEARER_TOKEN"))
 *     .build();                                   // https://api.x.com/2/tweets/search/stream
 * }</pre>
 *
 * @since 0.3.0
 */
public final class XStreamSource implements IngestSource {

  /** The filtered stream, used when no URL is given. */
  public static final URI FILTERED_STREAM = URI.create("https://api.x.com/2/tweets/search/stream");
  /** The fields asked for on every connection. */
  public static final String FIELDS =
      "tweet.fields=created_at,entities,note_tweet,referenced_tweets&expansions=referenced_tweets.id";

  private final URI url;
  private final Secret token;
  private final int backfillMinutes;

  private XStreamSource(Builder builder) {
    this.url = builder.url == null ? FILTERED_STREAM : builder.url;
    this.token = builder.token;
    this.backfillMinutes = builder.backfillMinutes;
  }

  /**
   * A new builder; the token is required.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String network() {
    return "x";
  }

  @Override
  public URI endpoint() {
    String text = url.toString();
    int query = text.indexOf('?');
    return query < 0 ? url : URI.create(text.substring(0, query));
  }

  @Override
  public Secret token() {
    return token;
  }

  /**
   * Minutes of posts asked for again after a reconnect, 0 for none.
   *
   * @return 0 to 5
   */
  public int backfillMinutes() {
    return backfillMinutes;
  }

  /**
   * The address of one connection.
   *
   * @param reconnect whether a connection was open before (then {@code backfill_minutes} is added when set)
   * @return the URL with the fields and expansions
   */
  public URI streamUri(boolean reconnect) {
    String text = url.toString();
    String withFields = text + (text.contains("?") ? "&" : "?") + FIELDS;
    return URI.create(reconnect && backfillMinutes > 0 ? withFields + "&backfill_minutes=" + backfillMinutes
        : withFields);
  }

  @Override
  public String toString() {
    return "XStreamSource{url=" + url + ", token=" + token + ", backfillMinutes=" + backfillMinutes + "}";
  }

  /**
   * Collects the X settings; each may be set once ({@link IllegalStateException} otherwise), bad values throw
   * {@link IllegalArgumentException} naming them.
   *
   * @since 0.3.0
   */
  public static final class Builder {

    private final List<String> set = new ArrayList<>();
    private URI url;
    private Secret token;
    private int backfillMinutes;

    private Builder() {
    }

    /**
     * The stream's URL (default {@link #FILTERED_STREAM}; the sample stream is
     * {@code https://api.x.com/2/tweets/sample/stream}).
     *
     * @param uri an http or https address
     * @return this builder
     * @throws IllegalArgumentException when not http or https
     * @throws IllegalStateException when already set
     */
    public Builder url(URI uri) {
      String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("XStreamSource: url must be an http:// or https:// address, but was "
            + uri);
      }
      once("url");
      url = uri;
      return this;
    }

    /**
     * The app's bearer token, from {@link Secret#fromEnvironment(String)} or
     * {@link Secret#fromFile(java.nio.file.Path)} (required).
     *
     * @param secret the token
     * @return this builder
     * @throws IllegalArgumentException when null
     * @throws IllegalStateException when already set
     */
    public Builder token(Secret secret) {
      if (secret == null) {
        throw new IllegalArgumentException("XStreamSource: token must not be null");
      }
      once("token");
      token = secret;
      return this;
    }

    /**
     * Asks for the last minutes of posts again after a reconnect (X allows 1 to 5 for some access levels).
     *
     * @param minutes 1 to 5
     * @return this builder
     * @throws IllegalArgumentException when outside 1 to 5
     * @throws IllegalStateException when already set
     */
    public Builder backfillMinutes(int minutes) {
      if (minutes < 1 || minutes > 5) {
        throw new IllegalArgumentException("XStreamSource: backfillMinutes must be 1 to 5, but was " + minutes);
      }
      once("backfillMinutes");
      backfillMinutes = minutes;
      return this;
    }

    /**
     * The immutable source.
     *
     * @return the source
     * @throws IllegalArgumentException when the token is missing
     */
    public XStreamSource build() {
      if (token == null) {
        throw new IllegalArgumentException("XStreamSource: token is required (a bearer token from an environment"
            + " variable or a file), but was not set");
      }
      return new XStreamSource(this);
    }

    private void once(String name) {
      if (set.contains(name)) {
        throw new IllegalStateException("XStreamSource: " + name + " is already set; each setting can be set once");
      }
      set.add(name);
    }
  }
}
