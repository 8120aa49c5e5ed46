package io.hashtagstreams.kafka.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The server properties of the test brokers (in this JVM or in a child JVM): one KRaft node that is both broker and
 * controller on loopback ports, replication factor 1 everywhere, no topic auto-creation; and the readiness check
 * both use. Needs only kafka-clients.
 */
public final class SingleNodeBrokerConfig {

  private SingleNodeBrokerConfig() {
  }

  /**
   * The server properties: the defaults, then {@code overrides}, then the listeners and {@code log.dirs}, which
   * cannot be overridden.
   */
  public static Properties properties(int port, int controllerPort, Path logDir, Map<String, String> overrides) {
    return properties(port, controllerPort, logDir, overrides, "PLAINTEXT");
  }

  /**
   * The server properties with the client listener on {@code clientProtocol} ({@code PLAINTEXT} or
   * {@code SASL_SSL}); the broker talks to itself on that listener too.
   */
  public static Properties properties(int port, int controllerPort, Path logDir, Map<String, String> overrides,
      String clientProtocol) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "false");
    props.put("num.partitions", "1");
    props.put("default.replication.factor", "1");
    props.put("log.segment.bytes", Integer.toString(8 * 1024 * 1024));
    props.putAll(overrides);
    props.put("listeners", clientProtocol + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", clientProtocol + "://127.0.0.1:" + port);
    props.put("listener.security.protocol.map", clientProtocol + ":" + clientProtocol + ",CONTROLLER:PLAINTEXT");
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", clientProtocol);
    props.put("log.dirs", logDir.toString());
    return props;
  }

  /** Writes the properties as a {@code server.properties} file into {@code dir} and returns its path. */
  public static Path write(Properties properties, Path dir) throws IOException {
    Path file = dir.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(file)) {
      properties.store(out, "hashtag-streams test broker");
    }
    return file;
  }

  /**
   * Waits until the broker at {@code servers} lists a node, or fails after {@code timeout}, or as soon as
   * {@code gone} says the broker cannot come up any more (its process ended, for example).
   *
   * @throws IllegalStateException on timeout, when gone, or when interrupted
   */
  public static void awaitReady(String name, String servers, Duration timeout, BooleanSupplier gone) {
    awaitReady(name, servers, Map.of(), timeout, gone);
  }

  /** Polls every 100 ms until each {@code host:port} of {@code servers} accepts a TCP connection. */
  private static void awaitListening(String name, String servers, Duration timeout, long deadline,
      BooleanSupplier gone) {
    for (String server : servers.split(",")) {
      int colon = server.lastIndexOf(':');
      java.net.InetSocketAddress address = new java.net.InetSocketAddress(server.substring(0, colon).trim(),
          Integer.parseInt(server.substring(colon + 1).trim()));
      while (true) {
        if (gone.getAsBoolean()) {
          throw new IllegalStateException(name + " on " + servers + " stopped before it answered");
        }
        try (java.net.Socket socket = new java.net.Socket()) {
          socket.connect(address, 500);
          break;
        } catch (java.io.IOException notYet) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(name + " on " + servers + " did not listen within " + timeout, notYet);
          }
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted waiting for " + name, e);
        }
      }
    }
  }

  /** As {@link #awaitReady(String, String, Duration, BooleanSupplier)}, with client settings (a secured broker). */
  public static void awaitReady(String name, String servers, Map<String, String> clientProperties, Duration timeout,
      BooleanSupplier gone) {
    long deadline = System.nanoTime() + timeout.toNanos();
    // An admin client pointed at a port nobody listens on yet logs "Connection to node -1 ... could not be
    // established" on every retry (a broker in its own JVM takes seconds to bind): wait for the listener first.
    awaitListening(name, servers, timeout, deadline, gone);
    Properties config = new Properties();
    config.putAll(clientProperties);
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    try (Admin admin = Admin.create(config)) {
      while (true) {
        if (gone.getAsBoolean()) {
          throw new IllegalStateException(name + " on " + servers + " stopped before it answered");
        }
        try {
          if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(name + " on " + servers + " did not answer within " + timeout, e);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted waiting for " + name, e);
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(name + " on " + servers + " has no nodes after " + timeout);
        }
      }
    }
  }
}
