package io.hashtagstreams.kafka.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A Jetstream look-alike on 127.0.0.1 for tests and benchmarks: a minimal WebSocket server (RFC 6455: the HTTP
 * upgrade with {@code Sec-WebSocket-Accept}, unmasked server text frames, client frames read and ignored) that
 * serves recorded frames as Jetstream does: from the first frame whose {@code time_us} is at least the request's
 * {@code cursor}, commits only of the {@code wantedCollections} (exact NSIDs or {@code prefix.*}), identity and
 * account events always. What each connection gets is planned with {@link ConnectionPlan} (refuse with a status,
 * serve n frames, insert a malformed one, close abruptly, stall); after the plans, every connection gets all frames
 * and stays open.
 *
 * <pre>{@code
 * try (JetstreamTestServer server = JetstreamTestServer.start(RecordedFrames.jetstream())) {
 *   server.plan(ConnectionPlan.serve(3).thenClose());
 *   URI endpoint = server.endpoint();                // ws://127.0.0.1:<port>/subscribe
 *   ...
 *   List<String> queries = server.requests();        // "wantedCollections=app.bsky.feed.post&cursor=..."
 * }
 * }</pre>
 *
 * @since 0.3.0
 */
public final class JetstreamTestServer implements AutoCloseable {

  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final ServerSocket socket;
  private final int size;
  private final IntFunction<String> frames;
  private final List<ConnectionPlan> plans = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger sent = new AtomicInteger();
  private volatile boolean closed;

  private JetstreamTestServer(int size, IntFunction<String> frames) throws IOException {
    this.size = size;
    this.frames = frames;
    this.socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread acceptor = new Thread(this::acceptLoop, "jetstream-test-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Starts a server on a free loopback port serving these frames (in {@code time_us} order).
   *
   * @param recorded the frames
   * @return the running server
   */
  public static JetstreamTestServer start(List<String> recorded) {
    List<String> copy = List.copyOf(recorded);
    return start(copy.size(), copy::get);
  }

  /**
   * Starts a server serving {@code count} frames made on demand (for benchmarks); {@code frameAt} must give
   * non-decreasing {@code time_us}.
   *
   * @param count how many frames
   * @param frameAt the frame at an index
   * @return the running server
   */
  public static JetstreamTestServer start(int count, IntFunction<String> frameAt) {
    try {
      return new JetstreamTestServer(count, frameAt);
    } catch (IOException e) {
      throw new UncheckedIOException("JetstreamTestServer: cannot listen on 127.0.0.1", e);
    }
  }

  /**
   * Plans the next connections, in order (appended to plans not used yet).
   *
   * @param next one plan per connection
   * @return this server
   */
  public JetstreamTestServer plan(ConnectionPlan... next) {
    Collections.addAll(plans, next);
    return this;
  }

  /**
   * {@code ws://127.0.0.1:<port>/subscribe}.
   *
   * @return the endpoint
   */
  public URI endpoint() {
    return URI.create("ws://127.0.0.1:" + socket.getLocalPort() + "/subscribe");
  }

  /**
   * The query string of every connection so far, in order.
   *
   * @return the queries ({@code ""} when none)
   */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /**
   * The {@code cursor} of every connection so far, in order.
   *
   * @return cursors, -1 where none was given
   */
  public List<Long> cursors() {
    List<Long> cursors = new ArrayList<>();
    for (String query : requests) {
      cursors.add(parameters(query, "cursor").stream().findFirst().map(Long::parseLong).orElse(-1L));
    }
    return cursors;
  }

  /**
   * Frames sent so far over all connections (malformed ones included).
   *
   * @return the count
   */
  public int framesSent() {
    return sent.get();
  }

  /** Closes the listening socket and every open connection. */
  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      // Closing anyway.
    }
    for (Socket connection : open) {
      try {
        connection.close();
      } catch (IOException e) {
        // Closing anyway.
      }
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket connection = socket.accept();
        open.add(connection);
        int number = connections.getAndIncrement();
        Thread handler = new Thread(() -> serve(connection, number), "jetstream-test-connection-" + number);
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket connection, int number) {
    try (connection) {
      connection.setTcpNoDelay(true);
      InputStream in = connection.getInputStream();
      OutputStream out = new BufferedOutputStream(connection.getOutputStream(), 64 * 1024);
      List<String> head = readHead(in);
      if (head.isEmpty()) {
        return;
      }
      String target = head.get(0).split(" ")[1];
      String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : "";
      requests.add(query);
      ConnectionPlan plan = number < plans.size() ? plans.get(number) : ConnectionPlan.serveAll();
      if (plan.status() != 0) {
        out.write(("HTTP/1.1 " + plan.status() + " Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return;
      }
      String key = header(head, "sec-websocket-key");
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread drain = new Thread(() -> drain(in), "jetstream-test-drain-" + number);
      drain.setDaemon(true);
      drain.start();
      sendFrames(out, plan, query);
      if (plan.close()) {
        // Mid-stream, without a WebSocket close frame: the client sees the stream end.
        connection.shutdownOutput();
        return;
      }
      drain.join();
    } catch (IOException e) {
      // The client went away.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(connection);
    }
  }

  private void sendFrames(OutputStream out, ConnectionPlan plan, String query) throws IOException {
    List<String> wanted = parameters(query, "wantedCollections");
    List<String> cursor = parameters(query, "cursor");
    int index = cursor.isEmpty() ? 0 : firstAtOrAfter(Long.parseLong(cursor.get(0)));
    int count = 0;
    int skipped = 0;
    for (; index < size && (plan.frames() < 0 || count < plan.frames()); index++) {
      String frame = frames.apply(index);
      if (!wanted(frame, wanted) || skipped++ < plan.skip()) {
        continue;
      }
      if (count == plan.malformedAfter()) {
        writeText(out, plan.malformed());
      }
      writeText(out, frame);
      count++;
    }
    if (count == plan.malformedAfter()) {
      writeText(out, plan.malformed());
    }
    out.flush();
  }

  private void writeText(OutputStream out, String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    out.write(0x81);
    if (payload.length < 126) {
      out.write(payload.length);
    } else if (payload.length < 65536) {
      out.write(126);
      out.write(payload.length >>> 8);
      out.write(payload.length & 0xff);
    } else {
      out.write(127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (((long) payload.length >>> shift) & 0xff));
      }
    }
    out.write(payload);
    sent.incrementAndGet();
  }

  private static void drain(InputStream in) {
    byte[] buffer = new byte[8192];
    try {
      while (in.read(buffer) >= 0) {
        // Client frames (pings, close) are read and ignored; EOF ends the connection.
      }
    } catch (IOException e) {
      // The connection closed.
    }
  }

  private int firstAtOrAfter(long cursor) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (timeUs(frames.apply(mid)) < cursor) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  static long timeUs(String frame) {
    int at = frame.indexOf("\"time_us\":");
    if (at < 0) {
      return Long.MIN_VALUE;
    }
    int start = at + "\"time_us\":".length();
    int end = start;
    while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
      end++;
    }
    return Long.parseLong(frame.substring(start, end));
  }

  private static boolean wanted(String frame, List<String> collections) {
    if (collections.isEmpty() || !frame.contains("\"kind\":\"commit\"")) {
      return true;
    }
    int at = frame.indexOf("\"collection\":\"");
    if (at < 0) {
      return true;
    }
    int start = at + "\"collection\":\"".length();
    String collection = frame.substring(start, frame.indexOf('"', start));
    for (String wanted : collections) {
      if (wanted.endsWith(".*") ? collection.startsWith(wanted.substring(0, wanted.length() - 1))
          : collection.equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> parameters(String query, String name) {
    List<String> values = new ArrayList<>();
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        values.add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int previous = -1;
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b == '\n' && previous == '\r') {
        line.setLength(line.length() - 1);
        if (line.length() == 0) {
          return lines;
        }
        lines.add(line.toString());
        line.setLength(0);
      } else {
        line.append((char) b);
      }
      previous = b;
    }
    return List.of();
  }

  private static String header(List<String> head, String name) {
    for (String line : head) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return "";
  }

  private static String accept(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID)
          .getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }
}
