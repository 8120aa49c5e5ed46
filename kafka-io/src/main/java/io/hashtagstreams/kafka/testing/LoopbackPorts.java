package io.hashtagstreams.kafka.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Free TCP ports on the loopback address for the servers tests start (Kafka brokers, Spark masters and workers),
 * and a start that retries with new ports when another process took one first.
 *
 * <p>{@link #reserve(int)} opens all the sockets it needs before closing any, so the ports it returns are distinct;
 * asking the operating system for one free port at a time can return the same port twice (a broker then fails with
 * "two listeners on the same port"). A port is free when reserved; between then and the server's own bind another
 * process can take it. {@link #startWithRetry} covers that window: when the start fails because an address is in
 * use ({@link #isBindClash(Throwable)}), it reserves new ports and starts again, up to {@link #ATTEMPTS} times.
 *
 * <pre>{@code
 * EmbeddedServer server = LoopbackPorts.startWithRetry(2, ports -> startServer(ports[0], ports[1]));
 * }</pre>
 *
 * @since 0.3.0
 */
public final class LoopbackPorts {

  /** How many times {@link #startWithRetry} tries before giving up: a clash twice in a row is already rare. */
  public static final int ATTEMPTS = 5;

  private LoopbackPorts() {
  }

  /**
   * Distinct ports that were free on 127.0.0.1 a moment ago: all sockets are bound at once, then closed.
   *
   * @param count how many ports, at least 1
   * @return {@code count} distinct port numbers
   * @throws IllegalArgumentException when {@code count} is below 1
   * @throws UncheckedIOException when the operating system refuses a socket
   */
  public static int[] reserve(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("reserve needs at least 1 port, got " + count);
    }
    List<ServerSocket> open = new ArrayList<>(count);
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket();
        open.add(socket);
        // Without SO_REUSEADDR the closed socket's TIME_WAIT could keep the server from binding the port.
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("could not reserve " + count + " loopback ports", e);
    } finally {
      for (ServerSocket socket : open) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // a socket that cannot close keeps its port: the next reservation simply gets another one
        }
      }
    }
  }

  /**
   * Reserves {@code count} ports and calls {@code start} with them; when {@code start} fails with a bind clash,
   * reserves new ports and calls it again, at most {@link #ATTEMPTS} times in all. {@code start} must release what
   * it acquired (processes, directories) before it throws.
   *
   * @param count how many ports {@code start} needs
   * @param start starts a server on the given ports and returns it
   * @param <T> the started server
   * @return what {@code start} returned
   * @throws RuntimeException the first failure that is not a bind clash, or the last clash after
   *     {@link #ATTEMPTS} attempts
   */
  public static <T> T startWithRetry(int count, Function<int[], T> start) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return start.apply(reserve(count));
      } catch (RuntimeException e) {
        if (!isBindClash(e)) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  /**
   * Whether a failure says that an address was already in use: a {@link BindException} anywhere in the cause
   * chain, or its message "Address already in use" (a server in another JVM reports it only as text).
   *
   * @param failure what a start threw
   * @return true for a bind clash
   */
  public static boolean isBindClash(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      boolean inUse = t.getMessage() != null && t.getMessage().contains("Address already in use");
      if (t instanceof BindException || inUse) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
