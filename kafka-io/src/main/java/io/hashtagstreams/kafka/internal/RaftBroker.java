package io.hashtagstreams.kafka.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * The only class that touches the broker jar (kafka_2.12), so that the rest of the module loads without it: formats
 * a KRaft log directory and runs one combined broker/controller in this JVM.
 *
 * <p>A broker that fails asks Kafka's {@link Exit} to halt the process, which would end the test JVM or the app with
 * it. Loading this class therefore replaces Kafka's exit and halt procedures in this JVM: while {@link #start()} runs
 * in the calling thread, a request to halt is ignored, so that Kafka's own start-up code shuts the half-started
 * server down and rethrows the failure (a {@code BindException} for a port in use, for example); anywhere else the
 * request throws {@link IllegalStateException} in the thread that made it instead of ending the JVM.
 */
public final class RaftBroker {

  private static final ThreadLocal<Boolean> STARTING = ThreadLocal.withInitial(() -> false);

  static {
    Exit.setExitProcedure((code, message) -> refuse("exit", code, message));
    Exit.setHaltProcedure((code, message) -> refuse("halt", code, message));
  }

  private static void refuse(String what, int code, String message) {
    if (!STARTING.get()) {
      throw new IllegalStateException("the Kafka broker asked to " + what + " (status " + code + "): " + message);
    }
  }

  private final Properties properties;
  private KafkaRaftServer server;

  /** A broker for these server properties; nothing runs until {@link #format} and {@link #start}. */
  public RaftBroker(Properties properties) {
    this.properties = properties;
  }

  /** Formats the log directory with a new cluster id, as {@code kafka-storage.sh format} does. */
  public void format(Path workDir) throws IOException {
    format(workDir, List.of());
  }

  /** Formats as {@link #format(Path)}, with more storage tool arguments such as {@code --add-scram}. */
  public void format(Path workDir, List<String> extraArguments) throws IOException {
    Path config = SingleNodeBrokerConfig.write(properties, workDir);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exit;
    try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      List<String> args = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c",
          config.toString()));
      args.addAll(extraArguments);
      exit = StorageTool.execute(args.toArray(new String[0]), print);
    }
    if (exit != 0) {
      throw new IllegalStateException("kafka storage format failed (exit " + exit + "): "
          + output.toString(StandardCharsets.UTF_8).replaceAll("password=[^\\],]*", "password=***"));
    }
  }

  /**
   * Starts the server; returns once its sockets are bound. When the start fails (a port in use, for example) the
   * half-started server is shut down before the failure is rethrown, so that no thread or socket outlives it.
   */
  public void start() {
    KafkaRaftServer created = newServer();
    STARTING.set(true);
    try {
      created.startup();
    } catch (RuntimeException | Error e) {
      try {
        created.shutdown();
        created.awaitShutdown();
      } catch (RuntimeException | Error cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    } finally {
      STARTING.set(false);
    }
    server = created;
  }

  // KafkaConfig's superclass lives in kafka-server, which kafka_2.12 only has at run time: reach it reflectively
  // so that compiling against kafka_2.12 alone works.
  private KafkaRaftServer newServer() {
    try {
      Class<?> configClass = Class.forName("kafka.server.KafkaConfig");
      Object config = configClass.getMethod("fromProps", Properties.class, boolean.class)
          .invoke(null, properties, false);
      return KafkaRaftServer.class.getConstructor(configClass, Time.class)
          .newInstance(config, Time.SYSTEM);
    } catch (java.lang.reflect.InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException ? (RuntimeException) cause
          : new IllegalStateException("could not create the Kafka server", cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("unexpected kafka_2.12 version: " + e, e);
    }
  }

  /** Shuts the server down and waits until it has; no-op when not running. */
  public void stop() {
    if (server != null) {
      KafkaRaftServer stopping = server;
      server = null;
      stopping.shutdown();
      stopping.awaitShutdown();
    }
  }

  /** Whether {@link #start} ran and {@link #stop} has not. */
  public boolean running() {
    return server != null;
  }
}
