package io.hashtagstreams.kafka.ingest;

import java.net.URI;

/**
 * A live stream of posts that {@link Ingester} writes to Kafka: {@link JetstreamSource} (Bluesky, WebSocket),
 * {@link MastodonSource} (server-sent events) or {@link XStreamSource} (X API v2, JSON lines).
 *
 * @since 0.3.0
 */
public sealed interface IngestSource permits JetstreamSource, MastodonSource, XStreamSource {

  /**
   * The network's short name, as the {@code ingest} subcommand spells it.
   *
   * @return {@code jetstream}, {@code mastodon} or {@code x}
   */
  String network();

  /**
   * The stream's address without query parameters, as messages name it.
   *
   * @return the endpoint
   */
  URI endpoint();

  /**
   * The token the stream is opened with, if any (printed as {@code [redacted]}).
   *
   * @return the token, or null
   */
  Secret token();
}
