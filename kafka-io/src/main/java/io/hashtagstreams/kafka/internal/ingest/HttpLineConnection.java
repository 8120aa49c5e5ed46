package io.hashtagstreams.kafka.internal.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.hashtagstreams.kafka.ingest.Secret;

/**
 * A long-lived HTTP GET read line by line through the JDK's {@link HttpClient} (X's JSON lines, Mastodon's
 * server-sent events). The token goes in an {@code Authorization: Bearer} header only. Back-pressure: the reading
 * thread blocks in the handler while the queue to Kafka is full, so nothing more is read and TCP flow control
 * slows the server.
 */
public final class HttpLineConnection implements StreamConnection {

  private static final int MAX_LINE = 16 << 20;

  private final HttpClient client;
  private final Duration connectTimeout;
  private final Secret token;
  private final LineFraming framing;
  private final String accept;
  private volatile InputStream body;
  private volatile CompletableFuture<?> pending;
  private volatile Disconnect.Cause aborted;

  /**
   * A connection factory on a shared client.
   *
   * @param client the HTTP client
   * @param connectTimeout how long until the response headers may take
   * @param token the bearer token, or null
   * @param framing how lines become frames
   * @param accept the {@code Accept} header
   */
  public HttpLineConnection(HttpClient client, Duration connectTimeout, Secret token, LineFraming framing,
      String accept) {
    this.client = client;
    this.connectTimeout = connectTimeout;
    this.token = token;
    this.framing = framing;
    this.accept = accept;
  }

  @Override
  public void stream(URI uri, FrameHandler handler) throws Disconnect, InterruptedException {
    String endpoint = Endpoints.withoutQuery(uri);
    aborted = null;
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(connectTimeout).header("Accept", accept)
        .header("User-Agent", "hashtag-streams-ingest").GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token.reveal());
    }
    HttpResponse<InputStream> response;
    CompletableFuture<HttpResponse<InputStream>> future =
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    pending = future;
    try {
      response = future.get(connectTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new Disconnect(Disconnect.Cause.NETWORK, 0, "cannot connect to " + endpoint + ": "
          + scrub(WebSocketConnection.describe(e.getCause())));
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new Disconnect(Disconnect.Cause.NETWORK, 0, "no answer from " + endpoint + " within "
          + connectTimeout.toMillis() + " ms");
    } catch (java.util.concurrent.CancellationException e) {
      throw new Disconnect(aborted == null ? Disconnect.Cause.CLOSED : aborted, 0, "the connection was ended");
    }
    InputStream in = response.body();
    body = in;
    try (in) {
      if (response.statusCode() != 200) {
        throw Disconnect.forStatus(response.statusCode(), endpoint);
      }
      handler.opened();
      read(in, handler, framing.fresh(), endpoint);
    } catch (IOException e) {
      Disconnect.Cause cause = aborted;
      if (cause != null) {
        throw new Disconnect(cause, 0, cause == Disconnect.Cause.STALLED ? endpoint + " stalled"
            : "the connection was ended");
      }
      throw new Disconnect(Disconnect.Cause.NETWORK, 0, "the connection to " + endpoint + " broke: "
          + scrub(WebSocketConnection.describe(e)));
    } finally {
      body = null;
    }
  }

  private void read(InputStream in, FrameHandler handler, LineFraming lines, String endpoint)
      throws IOException, InterruptedException, Disconnect {
    byte[] buffer = new byte[64 * 1024];
    int filled = 0;
    int scanned = 0;
    while (true) {
      int n = in.read(buffer, filled, buffer.length - filled);
      if (n < 0) {
        Disconnect.Cause cause = aborted;
        throw new Disconnect(cause != null ? cause : Disconnect.Cause.CLOSED, 0,
            cause == Disconnect.Cause.STALLED ? endpoint + " stalled" : endpoint + " ended the stream");
      }
      handler.activity();
      filled += n;
      int lineStart = 0;
      for (int i = scanned; i < filled; i++) {
        if (buffer[i] == '\n') {
          int end = i > lineStart && buffer[i - 1] == '\r' ? i - 1 : i;
          lines.line(buffer, lineStart, end, handler);
          lineStart = i + 1;
        }
      }
      if (lineStart > 0) {
        System.arraycopy(buffer, lineStart, buffer, 0, filled - lineStart);
        filled -= lineStart;
      }
      scanned = filled;
      if (filled == buffer.length) {
        if (buffer.length >= MAX_LINE) {
          throw new IOException("a line longer than " + MAX_LINE + " bytes");
        }
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
    }
  }

  @Override
  public void abort(Disconnect.Cause cause) {
    aborted = cause;
    CompletableFuture<?> future = pending;
    if (future != null) {
      future.cancel(true);
    }
    InputStream in = body;
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // Closing is all that was asked.
      }
    }
  }

  private String scrub(String text) {
    return token == null ? text : token.scrub(text);
  }
}
