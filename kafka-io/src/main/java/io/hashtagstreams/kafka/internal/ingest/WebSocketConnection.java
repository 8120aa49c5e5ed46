package io.hashtagstreams.kafka.internal.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket stream through the JDK's {@link WebSocket}: one frame per text message (parts joined). Back-pressure:
 * the next message is requested only after the handler took the last one, so while the handler blocks (the queue
 * to Kafka is full) nothing more is read and TCP flow control slows the server. Pings are answered by the JDK.
 */
public final class WebSocketConnection implements StreamConnection {

  private final HttpClient client;
  private final Duration connectTimeout;
  private volatile WebSocket current;
  private volatile CompletableFuture<Disconnect> ended;

  /**
   * A connection factory on a shared client.
   *
   * @param client the HTTP client
   * @param connectTimeout how long the handshake may take
   */
  public WebSocketConnection(HttpClient client, Duration connectTimeout) {
    this.client = client;
    this.connectTimeout = connectTimeout;
  }

  @Override
  public void stream(URI uri, FrameHandler handler) throws Disconnect, InterruptedException {
    String endpoint = Endpoints.withoutQuery(uri);
    CompletableFuture<Disconnect> end = new CompletableFuture<>();
    ended = end;
    WebSocket socket;
    try {
      socket = client.newWebSocketBuilder().connectTimeout(connectTimeout)
          .buildAsync(uri, new Listener(handler, end, endpoint))
          .get(connectTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof WebSocketHandshakeException handshake) {
        throw Disconnect.forStatus(handshake.getResponse().statusCode(), endpoint);
      }
      throw new Disconnect(Disconnect.Cause.NETWORK, 0, "cannot connect to " + endpoint + ": " + describe(cause));
    } catch (TimeoutException e) {
      throw new Disconnect(Disconnect.Cause.NETWORK, 0, "no WebSocket handshake from " + endpoint + " within "
          + connectTimeout.toMillis() + " ms");
    }
    current = socket;
    try {
      Disconnect reason = end.get();
      throw reason;
    } catch (ExecutionException e) {
      throw new Disconnect(Disconnect.Cause.NETWORK, 0, endpoint + ": " + describe(e.getCause()));
    } finally {
      socket.abort();
      current = null;
    }
  }

  @Override
  public void abort(Disconnect.Cause cause) {
    CompletableFuture<Disconnect> end = ended;
    if (end != null) {
      end.complete(new Disconnect(cause, 0, cause == Disconnect.Cause.STALLED ? "the stream stalled"
          : "the connection was ended"));
    }
    WebSocket socket = current;
    if (socket != null) {
      socket.abort();
    }
  }

  static String describe(Throwable error) {
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + JetstreamFrames.firstLine(message));
  }

  private static final class Listener implements WebSocket.Listener {

    private final FrameHandler handler;
    private final CompletableFuture<Disconnect> end;
    private final String endpoint;
    private final StringBuilder parts = new StringBuilder();

    Listener(FrameHandler handler, CompletableFuture<Disconnect> end, String endpoint) {
      this.handler = handler;
      this.end = end;
      this.endpoint = endpoint;
    }

    @Override
    public void onOpen(WebSocket socket) {
      try {
        handler.opened();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        end.complete(new Disconnect(Disconnect.Cause.CLOSED, 0, "interrupted"));
        return;
      }
      socket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      handler.activity();
      if (!last) {
        parts.append(data);
      } else {
        String text;
        if (parts.length() == 0) {
          text = data.toString();
        } else {
          text = parts.append(data).toString();
          parts.setLength(0);
        }
        try {
          handler.frame(text.getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          end.complete(new Disconnect(Disconnect.Cause.CLOSED, 0, "interrupted"));
          return null;
        }
      }
      if (!end.isDone()) {
        socket.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
      handler.activity();
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      if (last) {
        try {
          // Compressed frames were not asked for: the handler counts this one as malformed.
          handler.frame(bytes);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket socket, ByteBuffer message) {
      handler.activity();
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      end.complete(new Disconnect(Disconnect.Cause.CLOSED, 0, endpoint + " closed the stream (" + statusCode
          + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")"));
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      end.complete(new Disconnect(Disconnect.Cause.NETWORK, 0, "the connection to " + endpoint + " broke: "
          + describe(error)));
    }
  }
}
