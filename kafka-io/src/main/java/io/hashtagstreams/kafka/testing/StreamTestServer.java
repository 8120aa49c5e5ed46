package io.hashtagstreams.kafka.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A long-lived HTTP stream on 127.0.0.1 through the JDK's {@link HttpServer}, for tests: X-style JSON lines
 * ({@link #jsonLines(String, List)}: each entry one line ending {@code \r\n}, an empty entry a keep-alive) or
 * Mastodon-style server-sent events ({@link #serverSentEvents(String, List)}: each entry one whole event, see
 * {@link #update(String)} and {@link #heartbeat()}). What each connection gets is planned with {@link ConnectionPlan};
 * after the plans every connection gets all entries and stays open. It can also serve a Mastodon REST timeline
 * ({@link #timeline(List)}) with {@code since_id}, {@code max_id} and {@code limit}, newest first.
 *
 * <pre>{@code
 * try (StreamTestServer server = StreamTestServer.jsonLines("/2/tweets/search/stream", RecordedFrames.xStream())) {
 *   server.plan(ConnectionPlan.refuse(429), ConnectionPlan.serve(2).thenClose());
 *   URI url = server.url();
 *   ...
 *   List<String> auth = server.authorizations();    // the Authorization header of every request
 * }
 * }</pre>
 *
 * @since 0.3.0
 */
public final class StreamTestServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "stream-test-server");
    thread.setDaemon(true);
    return thread;
  });
  private final String path;
  private final List<String> entries;
  private final boolean events;
  private final List<ConnectionPlan> plans = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile List<String> timeline = List.of();

  private StreamTestServer(String path, List<String> entries, boolean events) throws IOException {
    this.path = path;
    this.entries = List.copyOf(entries);
    this.events = events;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext(path, this::stream);
    server.createContext("/api/v1/timelines/", this::timelinePage);
    server.start();
  }

  /**
   * A JSON-lines stream at {@code path}: every entry one line ending {@code \r\n}; an empty entry is a keep-alive.
   *
   * @param path e.g. {@code /2/tweets/search/stream}
   * @param lines the lines
   * @return the running server
   */
  public static StreamTestServer jsonLines(String path, List<String> lines) {
    return create(path, lines, false);
  }

  /**
   * A server-sent-events stream at {@code path}: every entry one whole event (use {@link #update(String)} and
   * {@link #heartbeat()}).
   *
   * @param path e.g. {@code /api/v1/streaming/public}
   * @param events the events
   * @return the running server
   */
  public static StreamTestServer serverSentEvents(String path, List<String> events) {
    return create(path, events, true);
  }

  /**
   * A Mastodon {@code update} event carrying a Status.
   *
   * @param status one line of JSON
   * @return the event's text
   */
  public static String update(String status) {
    return "event: update\ndata: " + status + "\n\n";
  }

  /**
   * A Mastodon heartbeat comment.
   *
   * @return the comment line
   */
  public static String heartbeat() {
    return ":thump\n";
  }

  private static StreamTestServer create(String path, List<String> entries, boolean events) {
    try {
      return new StreamTestServer(path, entries, events);
    } catch (IOException e) {
      throw new UncheckedIOException("StreamTestServer: cannot listen on 127.0.0.1", e);
    }
  }

  /**
   * Plans the next stream connections, in order.
   *
   * @param next one plan per connection
   * @return this server
   */
  public StreamTestServer plan(ConnectionPlan... next) {
    Collections.addAll(plans, next);
    return this;
  }

  /**
   * Serves these Statuses (one line of JSON each, ids increasing) as the REST timeline
   * ({@code /api/v1/timelines/public} and {@code /api/v1/timelines/tag/...}).
   *
   * @param statuses oldest first
   * @return this server
   */
  public StreamTestServer timeline(List<String> statuses) {
    timeline = List.copyOf(statuses);
    return this;
  }

  /**
   * {@code http://127.0.0.1:<port>} plus the stream's path.
   *
   * @return the stream's URL
   */
  public URI url() {
    return URI.create(base() + path);
  }

  /**
   * {@code http://127.0.0.1:<port>}.
   *
   * @return the server's base URL
   */
  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Path and query of every request so far (stream and timeline), in order.
   *
   * @return the requests
   */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /**
   * The {@code Authorization} header of every request so far ({@code ""} when absent).
   *
   * @return the headers
   */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /** Stops the server; stalled connections end. */
  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void record(HttpExchange exchange) {
    URI uri = exchange.getRequestURI();
    requests.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    authorizations.add(auth == null ? "" : auth);
  }

  private void stream(HttpExchange exchange) throws IOException {
    record(exchange);
    int number = connections.getAndIncrement();
    ConnectionPlan plan = number < plans.size() ? plans.get(number) : ConnectionPlan.serveAll();
    try (exchange) {
      if (plan.status() != 0) {
        exchange.sendResponseHeaders(plan.status(), -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", events ? "text/event-stream" : "application/json");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      int count = 0;
      for (String entry : entries.subList(Math.min(plan.skip(), entries.size()), entries.size())) {
        if (plan.frames() >= 0 && count >= plan.frames()) {
          break;
        }
        if (count == plan.malformedAfter()) {
          write(out, plan.malformed());
        }
        write(out, entry);
        count++;
      }
      if (count == plan.malformedAfter()) {
        write(out, plan.malformed());
      }
      out.flush();
      if (!plan.close()) {
        closed.await(10, TimeUnit.MINUTES);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client went away.
    }
  }

  private void write(OutputStream out, String entry) throws IOException {
    String text = events ? entry : entry + "\r\n";
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private void timelinePage(HttpExchange exchange) throws IOException {
    record(exchange);
    String query = exchange.getRequestURI().getRawQuery();
    String sinceId = parameter(query, "since_id");
    String maxId = parameter(query, "max_id");
    String limitText = parameter(query, "limit");
    int limit = limitText == null ? 20 : Integer.parseInt(limitText);
    List<String> page = new ArrayList<>();
    List<String> statuses = timeline;
    for (int i = statuses.size() - 1; i >= 0 && page.size() < limit; i--) {
      String id = idOf(statuses.get(i));
      if ((maxId == null || compare(id, maxId) < 0) && (sinceId == null || compare(id, sinceId) > 0)) {
        page.add(statuses.get(i));
      }
    }
    byte[] body = ("[" + String.join(",", page) + "]").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static int compare(String a, String b) {
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }

  private static String idOf(String status) {
    int at = status.indexOf("\"id\":\"");
    int start = at + "\"id\":\"".length();
    return status.substring(start, status.indexOf('"', start));
  }

  private static String parameter(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
