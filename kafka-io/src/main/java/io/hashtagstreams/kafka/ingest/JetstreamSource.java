package io.hashtagstreams.kafka.ingest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bluesky's Jetstream (v1): one JSON object per WebSocket text message, {@code kind} {@code commit},
 * {@code identity} or {@code account}, each with {@code time_us}, the server's time in microseconds that is also
 * the stream's cursor. Described in bluesky-social/jetstream {@code README.md} (commit
 * {@code b5b059ce1c414ea5f73eea16fe2ee48d0e0275f4}): query parameters {@code wantedCollections} (NSIDs or
 * {@code prefix.*}), {@code wantedDids}, {@code cursor} ("to begin playback from"; absent or in the future means
 * live tail), and the advice to rewind the cursor a few seconds for gapless playback.
 *
 * <p>What {@link Ingester} does with it: every {@code commit} message is written unchanged, keyed
 * {@code at://<did>/<collection>/<rkey>} (the record's AT URI), so the same post keeps the same key; identity and
 * account messages carry no post and are counted as skipped. The cursor of each (re)connection is the
 * {@code time_us} of the last message Kafka acknowledged minus {@link Builder#overlap(Duration)} (default 3 s):
 * nothing is lost, and the only duplicates are messages of that overlap, under the same key. At start the last
 * records of the topic are read back, so a restarted process resumes where the previous one stopped; only when the
 * topic holds none is {@link Builder#cursor(long)} used (else live tail). Compressed frames ({@code compress=true})
 * are not requested: they need Jetstream's zstd dictionary and a zstd library; plain JSON needs neither.
 *
 * <pre>{@code
 * JetstreamSource source = JetstreamSource.builder()
 *     .wantedCollections(List.of("app.bsky.feed.post"))   // the default
 *     .build();                                          // wss://jetstream2.us-east.bsky.network/subscribe
 * }</pre>
 *
 * @since 0.3.0
 */
public final class JetstreamSource implements IngestSource {

  /** The public instance used when no endpoint is given. */
  public static final URI PUBLIC_ENDPOINT = URI.create("wss://jetstream2.us-east.bsky.network/subscribe");
  /** The collection asked for when none is given. */
  public static final String POSTS = "app.bsky.feed.post";
  /** The rewind applied to the resume cursor when none is given. */
  public static final Duration DEFAULT_OVERLAP = Duration.ofSeconds(3);

  private final URI endpoint;
  private final List<String> wantedCollections;
  private final List<String> wantedDids;
  private final long cursor;
  private final Duration overlap;

  private JetstreamSource(Builder builder) {
    this.endpoint = builder.endpoint == null ? PUBLIC_ENDPOINT : builder.endpoint;
    this.wantedCollections = builder.wantedCollections == null ? List.of(POSTS) : builder.wantedCollections;
    this.wantedDids = builder.wantedDids == null ? List.of() : builder.wantedDids;
    this.cursor = builder.cursor;
    this.overlap = builder.overlap == null ? DEFAULT_OVERLAP : builder.overlap;
  }

  /**
   * A new builder; every setting has a default.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String network() {
    return "jetstream";
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  /** Jetstream needs no token: always null. */
  @Override
  public Secret token() {
    return null;
  }

  /**
   * The collections asked for.
   *
   * @return NSIDs or prefixes
   */
  public List<String> wantedCollections() {
    return wantedCollections;
  }

  /**
   * The repositories asked for (empty: all).
   *
   * @return DIDs
   */
  public List<String> wantedDids() {
    return wantedDids;
  }

  /**
   * The cursor used when the topic holds no Jetstream record, or -1 for live tail.
   *
   * @return microseconds since the epoch, or -1
   */
  public long cursor() {
    return cursor;
  }

  /**
   * The rewind applied to the cursor of the last acknowledged message.
   *
   * @return the overlap
   */
  public Duration overlap() {
    return overlap;
  }

  /**
   * The address of one connection.
   *
   * @param fromMicros the cursor, or a negative number for live tail
   * @return the endpoint with {@code wantedCollections}, {@code wantedDids} and {@code cursor}
   */
  public URI subscribeUri(long fromMicros) {
    StringBuilder query = new StringBuilder();
    for (String collection : wantedCollections) {
      query.append(query.length() == 0 ? "" : "&").append("wantedCollections=").append(encode(collection));
    }
    for (String did : wantedDids) {
      query.append(query.length() == 0 ? "" : "&").append("wantedDids=").append(encode(did));
    }
    if (fromMicros >= 0) {
      query.append(query.length() == 0 ? "" : "&").append("cursor=").append(fromMicros);
    }
    String base = endpoint.toString();
    return URI.create(query.length() == 0 ? base : base + (base.contains("?") ? "&" : "?") + query);
  }

  @Override
  public String toString() {
    return "JetstreamSource{endpoint=" + endpoint + ", wantedCollections=" + wantedCollections + ", wantedDids="
        + wantedDids.size() + ", cursor=" + cursor + ", overlap=" + overlap + "}";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2A", "*").replace("%3A", ":");
  }

  /**
   * Collects the Jetstream settings; each may be set once ({@link IllegalStateException} otherwise), bad values
   * throw {@link IllegalArgumentException} naming them.
   *
   * @since 0.3.0
   */
  public static final class Builder {

    private final List<String> set = new ArrayList<>();
    private URI endpoint;
    private List<String> wantedCollections;
    private List<String> wantedDids;
    private long cursor = -1;
    private Duration overlap;

    private Builder() {
    }

    /**
     * The instance's subscribe address (default {@link #PUBLIC_ENDPOINT}).
     *
     * @param uri a {@code ws://} or {@code wss://} address
     * @return this builder
     * @throws IllegalArgumentException when not ws or wss
     * @throws IllegalStateException when already set
     */
    public Builder endpoint(URI uri) {
      String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("ws") && !scheme.equals("wss")) {
        throw new IllegalArgumentException("JetstreamSource: endpoint must be a ws:// or wss:// address, but was "
            + uri);
      }
      once("endpoint");
      endpoint = uri;
      return this;
    }

    /**
     * The collections to receive (default {@code app.bsky.feed.post}); at most 100, as Jetstream allows.
     *
     * @param collections NSIDs or {@code prefix.*}
     * @return this builder
     * @throws IllegalArgumentException when empty, above 100 or an entry is blank or has spaces
     * @throws IllegalStateException when already set
     */
    public Builder wantedCollections(List<String> collections) {
      wantedCollections = names("wantedCollections", collections, 100);
      return this;
    }

    /**
     * The repositories to receive (default all); at most 10,000, as Jetstream allows.
     *
     * @param dids DIDs such as {@code did:plc:...}
     * @return this builder
     * @throws IllegalArgumentException when empty, above 10,000 or an entry is not a DID
     * @throws IllegalStateException when already set
     */
    public Builder wantedDids(List<String> dids) {
      List<String> checked = names("wantedDids", dids, 10_000);
      for (String did : checked) {
        if (!did.startsWith("did:")) {
          throw new IllegalArgumentException("JetstreamSource: wantedDids entry '" + did + "' is not a DID");
        }
      }
      wantedDids = checked;
      return this;
    }

    /**
     * Where to start when the topic holds no Jetstream record yet (default: live tail).
     *
     * @param micros a {@code time_us} value, microseconds since the epoch
     * @return this builder
     * @throws IllegalArgumentException when negative
     * @throws IllegalStateException when already set
     */
    public Builder cursor(long micros) {
      if (micros < 0) {
        throw new IllegalArgumentException("JetstreamSource: cursor must not be negative, but was " + micros);
      }
      once("cursor");
      cursor = micros;
      return this;
    }

    /**
     * How far before the last acknowledged message a resumed connection starts (default 3 s).
     *
     * @param rewind zero or more
     * @return this builder
     * @throws IllegalArgumentException when null or negative
     * @throws IllegalStateException when already set
     */
    public Builder overlap(Duration rewind) {
      if (rewind == null || rewind.isNegative()) {
        throw new IllegalArgumentException("JetstreamSource: overlap must not be negative, but was " + rewind);
      }
      once("overlap");
      overlap = rewind;
      return this;
    }

    /**
     * The immutable source.
     *
     * @return the source
     */
    public JetstreamSource build() {
      return new JetstreamSource(this);
    }

    private List<String> names(String what, List<String> values, int max) {
      if (values == null || values.isEmpty() || values.size() > max) {
        throw new IllegalArgumentException("JetstreamSource: " + what + " must name 1 to " + max
            + " entries, but was " + (values == null ? null : values.size() + " entries"));
      }
      for (String value : values) {
        if (value == null || value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException("JetstreamSource: " + what + " entry '" + value
              + "' is blank or has white space");
        }
      }
      once(what);
      return List.copyOf(values);
    }

    private void once(String name) {
      if (set.contains(name)) {
        throw new IllegalStateException("JetstreamSource: " + name + " is already set; each setting can be set once");
      }
      set.add(name);
    }
  }
}
