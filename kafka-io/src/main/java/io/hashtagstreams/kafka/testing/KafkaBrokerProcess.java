package io.hashtagstreams.kafka.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

import io.hashtagstreams.kafka.internal.SingleNodeBrokerConfig;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) in a JVM of its own, on free loopback
 * ports, for tests and measurements that need the broker outside the JVM under test: a Spark cluster reading from
 * it, a broker outage by {@link #stop()} or {@link #kill()}, or a benchmark that must not share its heap or CPU
 * accounting with the broker. Same broker settings as {@link EmbeddedKafka} (replication factor 1 everywhere, no
 * topic auto-creation); only kafka-clients is needed in the calling JVM, the child JVM needs
 * {@code org.apache.kafka:kafka_2.12:3.9.2} and its dependencies on the classpath given to the builder (by default
 * this JVM's own {@code java.class.path}).
 *
 * <pre>{@code
 * try (KafkaBrokerProcess kafka = KafkaBrokerProcess.builder().workDirectory(dir).build().start()) {
 *   KafkaTestClients.createTopic(kafka.bootstrapServers(), "tweets", 2, Map.of());
 *   kafka.stop();      // a graceful shutdown, as an operator would do
 *   kafka.restart();   // same ports, same data
 *   kafka.kill();      // SIGKILL, as a crash would do
 *   kafka.restart();
 * }
 * }</pre>
 *
 * <p>{@link #start()} formats the log directory (with {@code kafka.tools.StorageTool format} in a child JVM), then
 * runs {@code java -cp <classpath> kafka.Kafka server.properties} and waits until the broker answers. The work
 * directory holds {@code server.properties}, the log directory {@code data/} and the broker's standard output and
 * error in {@code broker.log} (appended to across restarts; {@link #logFile()}), at INFO from a logging
 * configuration of its own ({@code log4j2-broker.properties}), whatever the classpath's configuration says. Nothing
 * is deleted: the caller owns the work directory, so the log stays for a failed test to show. Every wait is bounded,
 * and the process is stopped by its own id ({@link #pid()}), never by name.
 *
 * <p>With {@link Builder#security(BrokerSecurity)} the broker is secured as {@link EmbeddedKafka}'s: one
 * {@code SASL_SSL} listener, SCRAM-SHA-512 users added by the format step, key and trust store made by
 * {@code keytool} in {@code tls/} of the work directory at each {@link #start()}, and the ACLs created once it
 * answers; clients connect with {@link BrokerSecurity#clientProperties(String)}. The users' passwords are on the
 * format step's command line and the broker's own in {@code server.properties}: test brokers only.
 *
 * @since 0.2.0
 */
public final class KafkaBrokerProcess implements AutoCloseable {

  private final Path workDir;
  private final String classpath;
  private final String maxHeap;
  private final Map<String, String> overrides;
  private final Duration startTimeout;
  private final Duration stopTimeout;
  private final BrokerSecurity security;
  private int port;
  private Path configFile;
  private Process process;

  private KafkaBrokerProcess(Builder builder) {
    this.workDir = builder.workDir;
    this.classpath = builder.classpath != null ? builder.classpath : System.getProperty("java.class.path");
    this.maxHeap = builder.maxHeap;
    this.overrides = Collections.unmodifiableMap(new HashMap<>(builder.overrides));
    this.startTimeout = builder.startTimeout;
    this.stopTimeout = builder.stopTimeout;
    this.security = builder.security;
  }

  /**
   * A builder; only {@link Builder#workDirectory(Path)} is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reserves two loopback ports ({@link LoopbackPorts}), formats a new log directory under the work directory,
   * starts the broker JVM and waits until it answers (at most the start timeout); when the broker could not bind a
   * port that another process took in the meantime, starts again on new ports.
   *
   * @return this broker
   * @throws IllegalStateException when already started, when formatting fails, or when the broker exits or does not
   *     answer in time (the message names the log file); the half-started process is stopped first
   */
  public synchronized KafkaBrokerProcess start() {
    if (configFile != null) {
      throw new IllegalStateException("KafkaBrokerProcess was already started on " + bootstrapServers());
    }
    LoopbackPorts.startWithRetry(2, ports -> {
      startOn(ports[0], ports[1]);
      return this;
    });
    return this;
  }

  // One attempt: a freshly formatted data directory, server.properties for these ports, the broker JVM. A failed
  // attempt has stopped its process (launch does that) and leaves the data directory to the next attempt's format.
  void startOn(int brokerPort, int controllerPort) {
    try {
      Files.createDirectories(workDir);
      Path data = workDir.resolve("data");
      deleteTree(data);
      port = brokerPort;
      Map<String, String> serverProperties = new HashMap<>(overrides);
      if (security != null) {
        Path tls = workDir.resolve("tls");
        deleteTree(tls); // new stores at each start: keytool refuses to add to a store of an earlier attempt
        Files.createDirectories(tls);
        security.prepare(tls);
        serverProperties.putAll(security.serverProperties());
      }
      Properties properties = SingleNodeBrokerConfig.properties(port, controllerPort, data, serverProperties,
          security == null ? "PLAINTEXT" : "SASL_SSL");
      Path written = SingleNodeBrokerConfig.write(properties, workDir);
      format(written);
      configFile = written;
    } catch (IOException e) {
      port = 0;
      throw new UncheckedIOException("KafkaBrokerProcess could not prepare " + workDir, e);
    }
    long logBefore = logSize();
    try {
      launch();
      if (security != null && !security.acls().isEmpty()) {
        KafkaTestClients.createAcls(bootstrapServers(), adminProperties(), security.acls());
      }
    } catch (RuntimeException e) {
      if (process != null && process.isAlive()) {
        terminate(process, Duration.ZERO);
      }
      configFile = null;
      port = 0;
      if (!LoopbackPorts.isBindClash(e) && brokerLogSaysAddressInUse(logBefore)) {
        throw new IllegalStateException(e.getMessage() + " (Address already in use)", e);
      }
      throw e;
    }
  }

  private long logSize() {
    try {
      return Files.exists(logFile()) ? Files.size(logFile()) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  // Only what this attempt appended: the log keeps earlier attempts' lines.
  private boolean brokerLogSaysAddressInUse(long from) {
    try {
      byte[] all = Files.readAllBytes(logFile());
      int start = (int) Math.min(from, all.length);
      return new String(all, start, all.length - start, StandardCharsets.UTF_8).contains("Address already in use");
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /**
   * {@code 127.0.0.1:<port>}, the address clients connect to; the same after {@link #restart()}.
   *
   * @return the bootstrap servers
   * @throws IllegalStateException when never started
   */
  public synchronized String bootstrapServers() {
    if (port == 0) {
      throw new IllegalStateException("KafkaBrokerProcess is not started");
    }
    return "127.0.0.1:" + port;
  }

  /**
   * The process id of the running broker JVM.
   *
   * @return the pid
   * @throws IllegalStateException when not running
   */
  public synchronized long pid() {
    if (!running()) {
      throw new IllegalStateException("KafkaBrokerProcess is not running");
    }
    return process.pid();
  }

  /**
   * Whether the broker JVM is alive.
   *
   * @return true between a successful {@link #start()} or {@link #restart()} and the process's end
   */
  public synchronized boolean running() {
    return process != null && process.isAlive();
  }

  /**
   * The file holding the broker's standard output and error.
   *
   * @return {@code <work directory>/broker.log}
   */
  public Path logFile() {
    return workDir.resolve("broker.log");
  }

  /**
   * Shuts the broker down gracefully (SIGTERM: Kafka's controlled shutdown), forcibly if it has not ended within
   * the stop timeout; keeps its ports and data for {@link #restart()}.
   *
   * @throws IllegalStateException when not running
   */
  public synchronized void stop() {
    requireRunning();
    terminate(process, stopTimeout);
  }

  /**
   * Kills the broker at once (SIGKILL), as a machine failure would; keeps its ports and data for
   * {@link #restart()}.
   *
   * @throws IllegalStateException when not running
   */
  public synchronized void kill() {
    requireRunning();
    terminate(process, Duration.ZERO);
  }

  /**
   * Starts the stopped broker again on the same ports and log directory and waits until it answers.
   *
   * @throws IllegalStateException when never started, still running, or when the broker does not answer in time
   */
  public synchronized void restart() {
    if (configFile == null) {
      throw new IllegalStateException("KafkaBrokerProcess was never started");
    }
    if (running()) {
      throw new IllegalStateException("KafkaBrokerProcess is still running on " + bootstrapServers());
    }
    launch();
  }

  /** Stops the broker if it runs (gracefully, then forcibly); the work directory stays. */
  @Override
  public synchronized void close() {
    if (process != null) {
      terminate(process, stopTimeout);
    }
  }

  /**
   * The client settings of the broker's super user for an admin client: empty for a {@code PLAINTEXT} broker, else
   * {@link BrokerSecurity#clientProperties(String)} of {@link BrokerSecurity#ADMIN}.
   *
   * @return the settings, keys without the {@code kafka.} prefix
   * @since 0.3.0
   */
  public Map<String, String> adminProperties() {
    return security == null ? Map.of() : security.clientProperties(BrokerSecurity.ADMIN);
  }

  private void requireRunning() {
    if (!running()) {
      throw new IllegalStateException("KafkaBrokerProcess is not running");
    }
  }

  private void format(Path config) throws IOException {
    List<String> command = javaCommand("kafka.tools.StorageTool");
    command.addAll(List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
    if (security != null) {
      command.addAll(security.formatArguments());
    }
    Path log = workDir.resolve("format.log");
    Process format = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!format.waitFor(startTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        terminate(format, Duration.ZERO);
        throw new IllegalStateException("kafka storage format did not finish within " + startTimeout + "; see "
            + log);
      }
    } catch (InterruptedException e) {
      terminate(format, Duration.ZERO);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted formatting " + workDir, e);
    }
    if (format.exitValue() != 0) {
      String output = Files.readString(log, StandardCharsets.UTF_8).strip();
      int newline = output.indexOf('\n');
      throw new IllegalStateException("kafka storage format failed (exit " + format.exitValue() + "): "
          + (newline < 0 ? output : output.substring(0, newline)) + " (see " + log + ")");
    }
  }

  private void launch() {
    // The broker logs at INFO into its own log file whatever logging configuration the classpath carries (a test
    // classpath usually turns Kafka down to errors), so that the log of a failed run says what the broker did.
    List<String> command = javaCommand("kafka.Kafka", "-Dlog4j2.configurationFile=" + brokerLogConfig());
    command.add(configFile.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the broker JVM: " + command, e);
    }
    Process started = process;
    try {
      SingleNodeBrokerConfig.awaitReady("KafkaBrokerProcess (pid " + started.pid() + ", log " + logFile() + ")",
          bootstrapServers(), adminProperties(), startTimeout, () -> !started.isAlive());
    } catch (RuntimeException e) {
      terminate(started, Duration.ZERO);
      throw e;
    }
  }

  private List<String> javaCommand(String mainClass, String... jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    command.add("-XX:+UseSerialGC");
    command.add("-Djava.net.preferIPv4Stack=true");
    command.addAll(List.of(jvmOptions));
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    return command;
  }

  private Path brokerLogConfig() {
    Path config = workDir.resolve("log4j2-broker.properties");
    try {
      Files.writeString(config, String.join("\n",
          "rootLogger.level = info",
          "rootLogger.appenderRef.stdout.ref = stdout",
          "appender.stdout.type = Console",
          "appender.stdout.name = stdout",
          "appender.stdout.layout.type = PatternLayout",
          "appender.stdout.layout.pattern = [%d] %p %m (%c)%n%ex",
          ""), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the broker's logging configuration " + config, e);
    }
    return config;
  }

  /** Ends a process and its descendants: SIGTERM and a bounded wait, then SIGKILL and a bounded wait. */
  private static void terminate(Process target, Duration grace) {
    List<ProcessHandle> children = target.descendants().toList();
    if (!grace.isZero()) {
      target.destroy();
      try {
        target.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (target.isAlive()) {
      target.destroyForcibly();
    }
    children.forEach(ProcessHandle::destroyForcibly);
    try {
      if (!target.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("broker process " + target.pid() + " did not end after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Options of a {@link KafkaBrokerProcess}; each may be set once.
   *
   * @since 0.2.0
   */
  public static final class Builder {
    private Path workDir;
    private String classpath;
    private String maxHeap = "512m";
    private final Map<String, String> overrides = new HashMap<>();
    private Duration startTimeout = Duration.ofSeconds(60);
    private Duration stopTimeout = Duration.ofSeconds(30);
    private BrokerSecurity security;
    private final java.util.Set<String> set = new java.util.HashSet<>();

    private Builder() {
    }

    /**
     * Where {@code server.properties}, the log directory and {@code broker.log} go (required; created if absent).
     *
     * @param dir the work directory
     * @return this builder
     * @throws IllegalArgumentException when null
     * @throws IllegalStateException when already set
     */
    public Builder workDirectory(Path dir) {
      if (dir == null) {
        throw new IllegalArgumentException("workDirectory must not be null");
      }
      once("workDirectory", workDir);
      this.workDir = dir;
      return this;
    }

    /**
     * The broker JVM's classpath, holding kafka_2.12 3.9.2 and its dependencies (default: this JVM's
     * {@code java.class.path}).
     *
     * @param classpath entries separated by the platform's path separator
     * @return this builder
     * @throws IllegalArgumentException when null or blank
     * @throws IllegalStateException when already set
     */
    public Builder classpath(String classpath) {
      if (classpath == null || classpath.isBlank()) {
        throw new IllegalArgumentException("classpath must not be blank, got '" + classpath + "'");
      }
      once("classpath", this.classpath);
      this.classpath = classpath;
      return this;
    }

    /**
     * The broker JVM's {@code -Xmx} (default {@code 512m}).
     *
     * @param size a JVM size such as {@code 512m} or {@code 1g}
     * @return this builder
     * @throws IllegalArgumentException when not a number followed by k, m or g
     * @throws IllegalStateException when already set
     */
    public Builder maxHeap(String size) {
      if (size == null || !size.matches("[1-9][0-9]*[kKmMgG]")) {
        throw new IllegalArgumentException("maxHeap must be like 512m or 1g, got '" + size + "'");
      }
      once("maxHeap", maxHeap);
      this.maxHeap = size;
      return this;
    }

    /**
     * A server property that differs from the defaults (listeners, ports and {@code log.dirs} are chosen by the
     * broker and cannot be set); may be called once per key.
     *
     * @param key the property, such as {@code message.max.bytes}
     * @param value its value
     * @return this builder
     * @throws IllegalArgumentException when the key or value is null, or the key is one the broker chooses
     * @throws IllegalStateException when this key was already set
     */
    public Builder serverProperty(String key, String value) {
      if (key == null || value == null) {
        throw new IllegalArgumentException("serverProperty needs a key and a value, got " + key + "=" + value);
      }
      if (List.of("listeners", "advertised.listeners", "log.dirs", "controller.quorum.voters").contains(key)) {
        throw new IllegalArgumentException("serverProperty '" + key + "' is chosen by KafkaBrokerProcess");
      }
      once("serverProperty " + key, overrides.get(key));
      overrides.put(key, value);
      return this;
    }

    /**
     * How long {@link KafkaBrokerProcess#start()} and {@link KafkaBrokerProcess#restart()} wait for the broker to
     * answer (default 60 s: a JVM start on a loaded machine).
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException when not positive
     * @throws IllegalStateException when already set
     */
    public Builder startTimeout(Duration timeout) {
      once("startTimeout", startTimeout);
      this.startTimeout = positive("startTimeout", timeout);
      return this;
    }

    /**
     * How long a graceful stop may take before the process is killed (default 30 s).
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException when not positive
     * @throws IllegalStateException when already set
     */
    public Builder stopTimeout(Duration timeout) {
      once("stopTimeout", stopTimeout);
      this.stopTimeout = positive("stopTimeout", timeout);
      return this;
    }

    /**
     * Secures the broker: a {@code SASL_SSL} listener, SCRAM-SHA-512 users, TLS stores per start and ACLs, as
     * {@link EmbeddedKafka#EmbeddedKafka(Map, BrokerSecurity)}.
     *
     * @param brokerSecurity the users, ACLs and TLS set-up
     * @return this builder
     * @throws IllegalArgumentException when null
     * @throws IllegalStateException when already set
     * @since 0.3.0
     */
    public Builder security(BrokerSecurity brokerSecurity) {
      if (brokerSecurity == null) {
        throw new IllegalArgumentException("security must not be null");
      }
      once("security", security);
      this.security = brokerSecurity;
      return this;
    }

    /**
     * The broker, not yet started.
     *
     * @return a broker; call {@link KafkaBrokerProcess#start()}
     * @throws IllegalStateException when no work directory was set
     */
    public KafkaBrokerProcess build() {
      if (workDir == null) {
        throw new IllegalStateException("KafkaBrokerProcess needs a workDirectory");
      }
      return new KafkaBrokerProcess(this);
    }

    private static Duration positive(String name, Duration timeout) {
      if (timeout == null || timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, got " + timeout);
      }
      return timeout;
    }

    private void once(String name, Object current) {
      if (!set.add(name)) {
        throw new IllegalStateException(name + " was already set to " + Objects.toString(current));
      }
    }
  }
}
