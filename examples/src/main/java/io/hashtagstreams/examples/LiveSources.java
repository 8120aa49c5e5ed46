package io.hashtagstreams.examples;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.hashtagstreams.kafka.ingest.IngestSource;
import io.hashtagstreams.kafka.ingest.JetstreamSource;
import io.hashtagstreams.kafka.ingest.MastodonSource;
import io.hashtagstreams.kafka.ingest.Secret;
import io.hashtagstreams.kafka.ingest.XStreamSource;

/**
 * Turns the command line's choice of network ({@code jetstream}, {@code mastodon}, {@code x}), URL and token source
 * into an {@link IngestSource}, for {@code ingest} and {@code --live}. Tokens come from an environment variable
 * ({@code --token-env}, default {@value #MASTODON_TOKEN} or {@value #X_TOKEN}) or a file ({@code --token-file}),
 * never from the command line.
 *
 * <table>
 *   <caption>Networks</caption>
 *   <tr><th>network</th><th>{@code --url} default</th><th>token</th></tr>
 *   <tr><td>{@code jetstream}</td><td>{@code wss://jetstream2.us-east.bsky.network/subscribe}</td><td>none</td></tr>
 *   <tr><td>{@code mastodon}</td><td>{@code https://mastodon.social} (the instance)</td><td>a user token with
 *       {@code read:statuses}, used when set</td></tr>
 *   <tr><td>{@code x}</td><td>{@code https://api.x.com/2/tweets/search/stream}</td><td>an app's bearer token,
 *       required</td></tr>
 * </table>
 */
final class LiveSources {

  /** The networks, as typed on the command line. */
  static final List<String> NETWORKS = List.of("jetstream", "mastodon", "x");
  /** The default environment variable of a Mastodon token. */
  static final String MASTODON_TOKEN = "MASTODON_TOKEN";
  /** The default environment variable of an X bearer token. */
  static final String X_TOKEN = "X_BEARER_TOKEN";

  private LiveSources() {
  }

  /**
   * The source of a network.
   *
   * @param network {@code jetstream}, {@code mastodon} or {@code x}
   * @param url the endpoint (Mastodon: the instance), or null for the public default
   * @param tokenEnv the token's environment variable, or null for the network's default
   * @param tokenFile a file holding the token, or null
   * @param environment the process environment
   * @return the source
   * @throws UsageException for an unknown network, a URL of the wrong scheme, a missing or unreadable token
   */
  static IngestSource create(String network, URI url, String tokenEnv, Path tokenFile,
      Map<String, String> environment) {
    return create(network, url, tokenEnv, tokenFile, null, null, environment);
  }

  /**
   * The source of a network, with Mastodon's stream and hashtag.
   *
   * @param network {@code jetstream}, {@code mastodon} or {@code x}
   * @param url the endpoint (Mastodon: the instance), or null for the public default
   * @param tokenEnv the token's environment variable, or null for the network's default
   * @param tokenFile a file holding the token, or null
   * @param stream Mastodon's stream ({@code public}, {@code public:local}, {@code hashtag}), or null for public
   * @param tag the hashtag of Mastodon's {@code hashtag} stream, or null
   * @param environment the process environment
   * @return the source
   * @throws UsageException for an unknown network, a bad value, a missing or unreadable token, or a stream or tag for
   *     another network than Mastodon
   */
  static IngestSource create(String network, URI url, String tokenEnv, Path tokenFile, String stream, String tag,
      Map<String, String> environment) {
    if ((stream != null || tag != null) && !"mastodon".equalsIgnoreCase(network)) {
      throw new UsageException((stream != null ? "--stream" : "--tag") + " applies only to mastodon, not to "
          + network);
    }
    String name = network == null ? "" : network.toLowerCase(Locale.ROOT);
    try {
      switch (name) {
        case "jetstream" -> {
          if (tokenEnv != null || tokenFile != null) {
            throw new UsageException("jetstream needs no token; drop --token-env/--token-file");
          }
          JetstreamSource.Builder builder = JetstreamSource.builder();
          if (url != null) {
            builder.endpoint(url);
          }
          return builder.build();
        }
        case "mastodon" -> {
          MastodonSource.Builder builder = MastodonSource.builder();
          if (url != null) {
            builder.instance(url);
          }
          if (stream != null) {
            builder.stream(stream);
          }
          if (tag != null) {
            builder.tag(tag);
          }
          Secret token = token(tokenEnv != null ? tokenEnv : MASTODON_TOKEN, tokenFile, environment,
              tokenEnv != null || tokenFile != null);
          if (token != null) {
            builder.token(token);
          }
          return builder.build();
        }
        case "x" -> {
          XStreamSource.Builder builder = XStreamSource.builder();
          if (url != null) {
            builder.url(url);
          }
          return builder.token(token(tokenEnv != null ? tokenEnv : X_TOKEN, tokenFile, environment, true)).build();
        }
        default -> throw new UsageException("the network must be one of " + String.join(", ", NETWORKS)
            + ", but was '" + network + "'");
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static Secret token(String variable, Path file, Map<String, String> environment, boolean required) {
    if (file != null) {
      return Secret.fromFile(file);
    }
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      if (required) {
        throw new UsageException("no token: set environment variable " + variable + " or pass --token-file PATH"
            + " (tokens are never taken from the command line)");
      }
      return null;
    }
    return Secret.fromEnvironment(variable, environment);
  }
}
