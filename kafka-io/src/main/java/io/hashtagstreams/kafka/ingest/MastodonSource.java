package io.hashtagstreams.kafka.ingest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Mastodon instance's streaming API over server-sent events ({@code GET /api/v1/streaming/public},
 * {@code /public/local} or {@code /hashtag?tag=...}), where each {@code event: update} carries one Status as JSON
 * in its {@code data:} line; lines starting with {@code :} are heartbeats. Since Mastodon 4.2 the public streams
 * need a user token with {@code read:statuses}, sent as {@code Authorization: Bearer}.
 *
 * <p>Why server-sent events and not the WebSocket: the same line reader serves Mastodon and X (one framing to get
 * right), a plain HTTP GET carries the token in a header and its HTTP status (401, 429, 503) is visible at once,
 * and the JDK's own {@code HttpServer} serves it in tests.
 *
 * <p>What {@link Ingester} does with it: every {@code update} Status is written unchanged, keyed by its
 * {@code uri} (the same on every instance), else its {@code id}; other events ({@code delete},
 * {@code status.update}, {@code notification}, ...) are counted as skipped. After a reconnect, and at the start
 * of a process whose topic already holds Statuses (the newest id in the topic's tail), the gap is filled
 * through the REST timeline ({@code GET /api/v1/timelines/public} with {@code local=true}, or
 * {@code /api/v1/timelines/tag/:tag}) with {@code since_id} = the newest id received, newest first, 40 per page,
 * going back with {@code max_id} for at most {@link Builder#gapPages(int)} pages (default 5); the recovered posts
 * are written oldest first. A gap that could not be closed (the REST call failed or more pages were needed) is
 * counted in {@link IngestProgress#unrecoveredGaps()}. The posts of the gap may also arrive on the new stream: they
 * share the key.
 *
 * <pre>{@code
 * MastodonSource source = MastodonSource.builder()
 *     .instance(URI.create("https://mastodon.social"))
 *     .stream("public")
 *     .token(Secret.fromEnvironment("MASTODON_TOKEN"))
 *     .build();
 * }</pre>
 *
 * @since 0.3.0
 */
public final class MastodonSource implements IngestSource {

  /** The instance used when none is given. */
  public static final URI PUBLIC_INSTANCE = URI.create("https://mastodon.social");
  /** The REST timeline's page size (Mastodon's maximum). */
  public static final int PAGE_SIZE = 40;

  private final URI instance;
  private final URI streamingBase;
  private final String stream;
  private final String tag;
  private final Secret token;
  private final int gapPages;

  private MastodonSource(Builder builder) {
    this.instance = builder.instance == null ? PUBLIC_INSTANCE : builder.instance;
    this.streamingBase = builder.streamingBase == null
        ? URI.create(trimSlash(instance.toString()) + "/api/v1/streaming") : builder.streamingBase;
    this.stream = builder.stream == null ? "public" : builder.stream;
    this.tag = builder.tag;
    this.token = builder.token;
    this.gapPages = builder.gapPages == 0 ? 5 : builder.gapPages;
  }

  /**
   * A new builder; the token is required when the instance asks for one.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String network() {
    return "mastodon";
  }

  @Override
  public URI endpoint() {
    return URI.create(trimSlash(streamingBase.toString()) + "/" + stream.replace(':', '/'));
  }

  @Override
  public Secret token() {
    return token;
  }

  /**
   * The instance whose REST timeline fills gaps.
   *
   * @return its address
   */
  public URI instance() {
    return instance;
  }

  /**
   * The stream: {@code public}, {@code public:local} or {@code hashtag}.
   *
   * @return the stream's name
   */
  public String stream() {
    return stream;
  }

  /**
   * How many REST pages one gap fill reads at most.
   *
   * @return pages of {@link #PAGE_SIZE}
   */
  public int gapPages() {
    return gapPages;
  }

  /**
   * The address of the event stream.
   *
   * @return the streaming URL with the tag for {@code hashtag}
   */
  public URI streamUri() {
    return tag == null ? endpoint() : URI.create(endpoint() + "?tag=" + encode(tag));
  }

  /**
   * The address of one page of the REST timeline that matches the stream.
   *
   * @param sinceId the newest id already received
   * @param maxId null for the first page, else the oldest id of the page before
   * @return the timeline URL
   */
  public URI timelineUri(String sinceId, String maxId) {
    String base = trimSlash(instance.toString());
    String path = stream.equals("hashtag") ? "/api/v1/timelines/tag/" + encode(tag) : "/api/v1/timelines/public";
    StringBuilder query = new StringBuilder("?limit=").append(PAGE_SIZE).append("&since_id=").append(encode(sinceId));
    if (stream.equals("public:local")) {
      query.append("&local=true");
    }
    if (maxId != null) {
      query.append("&max_id=").append(encode(maxId));
    }
    return URI.create(base + path + query);
  }

  @Override
  public String toString() {
    return "MastodonSource{stream=" + streamUri() + ", instance=" + instance + ", token=" + (token == null ? "none"
        : token) + ", gapPages=" + gapPages + "}";
  }

  private static String trimSlash(String text) {
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * Collects the Mastodon settings; each may be set once ({@link IllegalStateException} otherwise), bad values
   * throw {@link IllegalArgumentException} naming them.
   *
   * @since 0.3.0
   */
  public static final class Builder {

    private final List<String> set = new ArrayList<>();
    private URI instance;
    private URI streamingBase;
    private String stream;
    private String tag;
    private Secret token;
    private int gapPages;

    private Builder() {
    }

    /**
     * The instance (default {@link #PUBLIC_INSTANCE}); its REST API fills gaps and, unless
     * {@link #streamingUrl(URI)} says otherwise, its {@code /api/v1/streaming} serves the stream.
     *
     * @param uri an http or https address
     * @return this builder
     * @throws IllegalArgumentException when not http or https
     * @throws IllegalStateException when already set
     */
    public Builder instance(URI uri) {
      instance = http("instance", uri);
      return this;
    }

    /**
     * The streaming API's base ({@code .../api/v1/streaming}) when the instance serves it elsewhere (its
     * {@code /api/v1/instance} names it as {@code urls.streaming_api}).
     *
     * @param uri an http or https address
     * @return this builder
     * @throws IllegalArgumentException when not http or https
     * @throws IllegalStateException when already set
     */
    public Builder streamingUrl(URI uri) {
      streamingBase = http("streamingUrl", uri);
      return this;
    }

    /**
     * The stream (default {@code public}).
     *
     * @param name {@code public}, {@code public:local} or {@code hashtag} (then {@link #tag(String)} is required)
     * @return this builder
     * @throws IllegalArgumentException when another name
     * @throws IllegalStateException when already set
     */
    public Builder stream(String name) {
      if (!List.of("public", "public:local", "hashtag").contains(name)) {
        throw new IllegalArgumentException("MastodonSource: stream must be public, public:local or hashtag, but was '"
            + name + "'");
      }
      once("stream");
      stream = name;
      return this;
    }

    /**
     * The hashtag of the {@code hashtag} stream, without {@code #}.
     *
     * @param name the tag
     * @return this builder
     * @throws IllegalArgumentException when blank or starting with {@code #}
     * @throws IllegalStateException when already set
     */
    public Builder tag(String name) {
      if (name == null || name.isBlank() || name.startsWith("#")) {
        throw new IllegalArgumentException("MastodonSource: tag must be a hashtag without '#', but was '" + name
            + "'");
      }
      once("tag");
      tag = name;
      return this;
    }

    /**
     * The user token ({@code read:statuses}), from {@link Secret#fromEnvironment(String)} or
     * {@link Secret#fromFile(java.nio.file.Path)}.
     *
     * @param secret the token
     * @return this builder
     * @throws IllegalArgumentException when null
     * @throws IllegalStateException when already set
     */
    public Builder token(Secret secret) {
      if (secret == null) {
        throw new IllegalArgumentException("MastodonSource: token must not be null");
      }
      once("token");
      token = secret;
      return this;
    }

    /**
     * At most this many REST pages of 40 per gap fill (default 5).
     *
     * @param pages 1 to 100
     * @return this builder
     * @throws IllegalArgumentException when outside 1 to 100
     * @throws IllegalStateException when already set
     */
    public Builder gapPages(int pages) {
      if (pages < 1 || pages > 100) {
        throw new IllegalArgumentException("MastodonSource: gapPages must be 1 to 100, but was " + pages);
      }
      once("gapPages");
      gapPages = pages;
      return this;
    }

    /**
     * The immutable source.
     *
     * @return the source
     * @throws IllegalArgumentException when {@code hashtag} is asked for without a tag, or a tag without it
     */
    public MastodonSource build() {
      if ("hashtag".equals(stream) != (tag != null)) {
        throw new IllegalArgumentException("MastodonSource: the hashtag stream needs tag(...), and tag(...) needs"
            + " stream(\"hashtag\"); stream was " + stream + ", tag " + tag);
      }
      return new MastodonSource(this);
    }

    private URI http(String what, URI uri) {
      String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("MastodonSource: " + what + " must be an http:// or https:// address,"
            + " but was " + uri);
      }
      once(what);
      return uri;
    }

    private void once(String name) {
      if (set.contains(name)) {
        throw new IllegalStateException("MastodonSource: " + name + " is already set; each setting can be set once");
      }
      set.add(name);
    }
  }
}
