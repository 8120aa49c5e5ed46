package io.hashtagstreams.kafka.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.hashtagstreams.core.internal.json.EventTimeReader;
import io.hashtagstreams.kafka.internal.KafkaNames;
import io.hashtagstreams.kafka.internal.KafkaPreflight;
import io.hashtagstreams.kafka.internal.OptionMap;
import io.hashtagstreams.kafka.internal.Redaction;
import io.hashtagstreams.kafka.internal.replay.AckTracker;
import io.hashtagstreams.kafka.internal.replay.Pacer;

/**
 * Replays tweet archives into a Kafka topic: every non-empty line of the inputs (see {@link ArchiveLines}) becomes
 * one record whose value is the line's bytes, unchanged; no key.
 *
 * <table>
 *   <caption>Input lines to records</caption>
 *   <tr><th>input line</th><th>record</th></tr>
 *   <tr><td>{@code {"created_at":"Fri Jul 01 00:00:00 +0000 2016",...}\r\n}</td>
 *       <td>key null, value {@code {"created_at":"Fri Jul 01 00:00:00 +0000 2016",...}}</td></tr>
 *   <tr><td>an empty line</td><td>none (counted in {@link ReplayProgress#emptyLines()})</td></tr>
 * </table>
 *
 * <pre>{@code
 * ReplayProgress done = Replayer.builder()
 *     .bootstrapServers("broker:9092")
 *     .topic("tweets")
 *     .inputs(List.of("archiveteam-twitter-stream-2016-07.tar"))
 *     .speed(60)                        // one hour of tweets per minute
 *     .progressListener(p -> System.err.println(p.records() + " records"))
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>Pacing: as fast as the brokers accept by default; {@link Builder#rate(double)} caps records per second;
 * {@link Builder#speed(double)} reproduces the gaps between event times ({@code timestamp_ms}, else
 * {@code created_at}, read by a one-pass scanner without building a tree) {@code speed} times faster. A line without
 * an event time (a delete or limit notice) goes right after the line before it.
 *
 * <p>Delivery: the producer uses {@code acks=all}, idempotence, batching ({@code linger.ms=20},
 * {@code batch.size=512 KiB}) and lz4 compression; {@link Builder#option(String, String)} overrides any producer
 * setting. A failed send stops the run with {@link ReplaySendException}, whose
 * {@link ReplaySendException#resumeSkip()} tells how many records of the inputs were acknowledged in order, so that
 * {@link Builder#skip(long)} resumes without loss.
 *
 * <p>Fail fast: {@link #run()} first expands the inputs (a missing path fails at once), then checks within
 * {@link Builder#failFastTimeout(Duration)} (default 30 s) that the brokers answer and the topic exists, creating it
 * with {@link Builder#createTopic(int)} partitions when asked to.
 *
 * @since 0.2.0
 */
public final class Replayer {

  private static final String OWNER = "Replayer";
  private static final Map<String, String> OWNED = Map.of(
      "kafka.bootstrap.servers", "bootstrapServers(...)",
      "kafka.key.serializer", "",
      "kafka.value.serializer", "");
  private static final int PROGRESS_CHECK_EVERY = 256;

  private final Map<String, String> kafkaOptions;
  private final String topic;
  private final List<String> inputs;
  private final double rate;
  private final double speed;
  private final long limit;
  private final long skip;
  private final boolean loop;
  private final int createPartitions;
  private final Duration failFastTimeout;
  private final Duration progressInterval;
  private final Consumer<ReplayProgress> listener;
  private volatile boolean stopRequested;

  private Replayer(Builder builder, Map<String, String> kafkaOptions) {
    this.kafkaOptions = kafkaOptions;
    this.topic = builder.topic;
    this.inputs = List.copyOf(builder.inputs);
    this.rate = builder.rate;
    this.speed = builder.speed;
    this.limit = builder.limit;
    this.skip = builder.skip;
    this.loop = builder.loop;
    this.createPartitions = builder.createPartitions;
    this.failFastTimeout = builder.failFastTimeout == null ? Duration.ofSeconds(30) : builder.failFastTimeout;
    this.progressInterval = builder.progressInterval == null ? Duration.ofSeconds(5) : builder.progressInterval;
    this.listener = builder.listener == null ? progress -> { } : builder.listener;
  }

  /**
   * A new builder; bootstrap servers, topic and inputs are required.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Replays the inputs; blocks until the last record is acknowledged, the limit is reached or {@link #stop()} is
   * called, and then returns the final summary (which the progress listener also receives).
   *
   * @return the final summary ({@link ReplayProgress#finished()} true)
   * @throws ReplayInputException when an input is missing or cannot be read (records read before it were sent)
   * @throws IllegalStateException when no broker answers or the topic is missing (fail fast)
   * @throws ReplaySendException when Kafka refused a record
   */
  public ReplayProgress run() {
    long startNanos = System.nanoTime();
    ArchiveLines lines = ArchiveLines.open(inputs);
    try {
      prepareTopic();
    } catch (RuntimeException e) {
      lines.close();
      throw e;
    }
    Run run = new Run(startNanos);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
      try {
        // Fetch the topic's metadata now, so that the first send does not wait for it and pacing starts on time.
        producer.partitionsFor(topic);
        run.replay(producer, lines);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        lines.close();
        producer.flush();
      }
      run.throwIfFailed();
    }
    ReplayProgress summary = run.snapshot(null, true);
    listener.accept(summary);
    return summary;
  }

  /** Asks a running {@link #run()} to stop after the record it is sending; it then flushes and returns. */
  public void stop() {
    stopRequested = true;
  }

  /** The settings, secret values shown as {@code [redacted]}. */
  @Override
  public String toString() {
    return OWNER + "{topic=" + topic + ", inputs=" + inputs + ", rate=" + rate + ", speed=" + speed + ", limit="
        + limit + ", skip=" + skip + ", loop=" + loop + ", createTopic=" + createPartitions + ", options="
        + Redaction.printable(kafkaOptions) + "}";
  }

  private void prepareTopic() {
    String turnOff = createPartitions > 0
        ? "createTopic(" + createPartitions + ") creates the topic once a broker answers"
        : "the topic must exist, or use createTopic(partitions)";
    if (createPartitions == 0) {
      KafkaPreflight.check(OWNER, kafkaOptions, List.of(topic), failFastTimeout, turnOff);
      return;
    }
    KafkaPreflight.check(OWNER, kafkaOptions, List.of(), failFastTimeout, turnOff);
    Properties props = new Properties();
    props.putAll(clientSettings());
    props.keySet().retainAll(AdminClientConfig.configNames());
    try (Admin admin = Admin.create(props)) {
      admin.createTopics(List.of(new NewTopic(topic, java.util.Optional.of(createPartitions),
          java.util.Optional.empty()))).all().get(failFastTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(Redaction.scrub(OWNER + ": cannot create topic '" + topic + "' at "
            + kafkaOptions.get("kafka.bootstrap.servers") + ": " + e.getCause().getMessage(), kafkaOptions));
      }
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(OWNER + ": creating topic '" + topic + "' took longer than "
          + failFastTimeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(OWNER + ": interrupted while creating topic '" + topic + "'");
    }
  }

  private Map<String, Object> clientSettings() {
    Map<String, Object> settings = new java.util.LinkedHashMap<>();
    kafkaOptions.forEach((key, value) -> settings.put(key.substring("kafka.".length()), value));
    return settings;
  }

  private Properties producerProperties() {
    Properties props = new Properties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(64L << 20));
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "hashtag-streams-replay");
    props.putAll(clientSettings());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return props;
  }

  /** The state of one call of {@link #run()}. */
  private final class Run {
    private final long startNanos;
    private final AckTracker acks = new AckTracker();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Pacer pacer = new Pacer(rate, speed);
    private volatile long sent;
    private volatile long bytes;
    private volatile long skipped;
    private long emptyLinesBefore;
    private long sourcesBefore;
    private long inputBytesBefore;
    private long nextReportNanos;
    private ArchiveLines current;

    Run(long startNanos) {
      this.startNanos = startNanos;
      this.nextReportNanos = startNanos + progressInterval.toNanos();
    }

    void replay(KafkaProducer<byte[], byte[]> producer, ArchiveLines first) throws InterruptedException {
      ArchiveLines lines = first;
      while (true) {
        current = lines;
        long before = sent + skipped;
        try {
          if (!replayPass(producer, lines)) {
            return;
          }
        } finally {
          lines.close();
          emptyLinesBefore += lines.emptyLines();
          sourcesBefore += lines.sources();
          inputBytesBefore += lines.inputBytesRead();
        }
        if (!loop || sent + skipped == before) {
          return;
        }
        lines = ArchiveLines.open(inputs);
        pacer.restart();
      }
    }

    /** One pass over the inputs; false when the run must end (limit, stop, failure). */
    private boolean replayPass(KafkaProducer<byte[], byte[]> producer, ArchiveLines lines)
        throws InterruptedException {
      for (byte[] line = lines.next(); line != null; line = lines.next()) {
        if (skipped < skip) {
          skipped++;
          continue;
        }
        if ((limit > 0 && sent >= limit) || stopRequested || failure.get() != null) {
          return false;
        }
        pacer.awaitTurn(pacer.usesEventTime() ? eventTime(line) : Pacer.NO_EVENT_TIME);
        long index = sent;
        if (!acks.awaitRoom(index, () -> failure.get() == null && !stopRequested)) {
          return false;
        }
        try {
          producer.send(new ProducerRecord<>(topic, line), (metadata, error) -> {
            if (error == null) {
              acks.acknowledge(index);
            } else {
              failure.compareAndSet(null, error);
            }
          });
        } catch (RuntimeException e) {
          failure.compareAndSet(null, e);
          return false;
        }
        sent = index + 1;
        bytes += line.length;
        if ((index & (PROGRESS_CHECK_EVERY - 1)) == 0) {
          maybeReport(lines);
        }
      }
      return !(limit > 0 && sent >= limit);
    }

    private long eventTime(byte[] line) {
      long millis = EventTimeReader.read(line, 0, line.length);
      return millis == EventTimeReader.NONE ? Pacer.NO_EVENT_TIME : millis;
    }

    private void maybeReport(ArchiveLines lines) {
      long now = System.nanoTime();
      if (now - nextReportNanos >= 0) {
        nextReportNanos = now + progressInterval.toNanos();
        listener.accept(snapshot(lines, false));
      }
    }

    ReplayProgress snapshot(ArchiveLines lines, boolean finished) {
      ArchiveLines view = lines != null ? lines : current;
      boolean closedPass = lines == null;
      return new ReplayProgress(sent, acks.acknowledged(), bytes, skipped,
          emptyLinesBefore + (closedPass ? 0 : view.emptyLines()),
          sourcesBefore + (closedPass ? 0 : view.sources()),
          view == null ? "" : view.source(),
          inputBytesBefore + (closedPass ? 0 : view.inputBytesRead()),
          view == null ? 0 : view.inputBytesTotal(), limit, loop,
          Duration.ofNanos(System.nanoTime() - startNanos), finished);
    }

    void throwIfFailed() {
      Exception error = failure.get();
      if (error == null) {
        return;
      }
      long prefix = acks.prefix();
      long afterGap = acks.acknowledged() - prefix;
      String message = OWNER + ": sending to topic '" + topic + "' at " + kafkaOptions.get("kafka.bootstrap.servers")
          + " failed: " + error.getMessage() + "; " + prefix + " of " + sent + " records sent were acknowledged in"
          + " order (resume with skip " + (skip + prefix) + ")"
          + (afterGap > 0 ? "; " + afterGap + " later records were acknowledged too and would be sent again" : "");
      throw new ReplaySendException(Redaction.scrub(message, kafkaOptions), skip + prefix, afterGap, null);
    }
  }

  /**
   * Collects the replay settings; not thread-safe. Every setter may be called once: a second call throws
   * {@link IllegalStateException}. Bad values throw {@link IllegalArgumentException} at once; missing settings
   * throw it from {@link #build()}.
   *
   * @since 0.2.0
   */
  public static final class Builder {

    private final OptionMap options = new OptionMap(OWNER);
    private final List<String> set = new ArrayList<>();
    private String topic;
    private List<String> inputs;
    private double rate;
    private double speed;
    private long limit;
    private long skip;
    private boolean loop;
    private int createPartitions;
    private Duration failFastTimeout;
    private Duration progressInterval;
    private Consumer<ReplayProgress> listener;

    private Builder() {
    }

    /**
     * The brokers to write to (required).
     *
     * @param servers {@code host:port[,host:port...]}
     * @return this builder
     * @throws IllegalArgumentException when blank or an entry is not host:port
     * @throws IllegalStateException when already set
     */
    public Builder bootstrapServers(String servers) {
      if (servers != null && !servers.isBlank()) {
        for (String server : servers.split(",")) {
          int colon = server.trim().lastIndexOf(':');
          if (colon <= 0 || colon == server.trim().length() - 1) {
            throw new IllegalArgumentException(OWNER + ": bootstrapServers entry '" + server.trim() + "' of '"
                + servers + "' is not host:port");
          }
        }
      }
      options.set("kafka.bootstrap.servers", servers);
      return this;
    }

    /**
     * The topic every record goes to (required).
     *
     * @param name a legal topic name
     * @return this builder
     * @throws IllegalArgumentException when not a legal topic name
     * @throws IllegalStateException when already set
     */
    public Builder topic(String name) {
      once("topic");
      topic = KafkaNames.requireTopic(OWNER, "topic", name);
      return this;
    }

    /**
     * The files, directories and globs to replay, in this order (required).
     *
     * @param paths at least one
     * @return this builder
     * @throws IllegalArgumentException when empty or an entry is blank
     * @throws IllegalStateException when already set
     */
    public Builder inputs(List<String> paths) {
      if (paths == null || paths.isEmpty() || paths.stream().anyMatch(p -> p == null || p.isBlank())) {
        throw new IllegalArgumentException(OWNER + ": inputs must name at least one path and none blank, but was "
            + paths);
      }
      once("inputs");
      inputs = List.copyOf(paths);
      return this;
    }

    /**
     * At most this many records per second (default: as fast as the brokers accept).
     *
     * @param recordsPerSecond positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     * @throws IllegalStateException when already set
     */
    public Builder rate(double recordsPerSecond) {
      rate = positive("rate", recordsPerSecond);
      return this;
    }

    /**
     * Reproduces the gaps between event times this many times faster (1 = real time).
     *
     * @param factor positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     * @throws IllegalStateException when already set
     */
    public Builder speed(double factor) {
      speed = positive("speed", factor);
      return this;
    }

    /**
     * Stops after sending this many records (default: all).
     *
     * @param records at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     * @throws IllegalStateException when already set
     */
    public Builder limit(long records) {
      if (records < 1) {
        throw new IllegalArgumentException(OWNER + ": limit must be at least 1, but was " + records);
      }
      once("limit");
      limit = records;
      return this;
    }

    /**
     * Skips the first records of the inputs (empty lines not counted), e.g. those a failed run had acknowledged.
     *
     * @param records 0 or more
     * @return this builder
     * @throws IllegalArgumentException when negative
     * @throws IllegalStateException when already set
     */
    public Builder skip(long records) {
      if (records < 0) {
        throw new IllegalArgumentException(OWNER + ": skip must not be negative, but was " + records);
      }
      once("skip");
      skip = records;
      return this;
    }

    /**
     * Starts over at the end of the inputs until the limit or {@link Replayer#stop()}; skip and limit count over
     * all passes.
     *
     * @param again true to loop
     * @return this builder
     * @throws IllegalStateException when already set
     */
    public Builder loop(boolean again) {
      once("loop");
      loop = again;
      return this;
    }

    /**
     * Creates the topic with this many partitions (broker's default replication) when it does not exist, instead
     * of failing.
     *
     * @param partitions at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     * @throws IllegalStateException when already set
     */
    public Builder createTopic(int partitions) {
      if (partitions < 1) {
        throw new IllegalArgumentException(OWNER + ": createTopic partitions must be at least 1, but was "
            + partitions);
      }
      once("createTopic");
      createPartitions = partitions;
      return this;
    }

    /**
     * How long the check that the brokers answer (and the topic exists) waits (default 30 s).
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     * @throws IllegalStateException when already set
     */
    public Builder failFastTimeout(Duration timeout) {
      failFastTimeout = positive("failFastTimeout", timeout);
      return this;
    }

    /**
     * How often the progress listener hears of the replay (default 5 s).
     *
     * @param interval positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     * @throws IllegalStateException when already set
     */
    public Builder progressInterval(Duration interval) {
      progressInterval = positive("progressInterval", interval);
      return this;
    }

    /**
     * Called on the replaying thread every progress interval and once with the final summary.
     *
     * @param onProgress the listener
     * @return this builder
     * @throws IllegalArgumentException when null
     * @throws IllegalStateException when already set
     */
    public Builder progressListener(Consumer<ReplayProgress> onProgress) {
      if (onProgress == null) {
        throw new IllegalArgumentException(OWNER + ": progressListener must not be null");
      }
      once("progressListener");
      listener = onProgress;
      return this;
    }

    /**
     * Any Kafka producer (and admin) setting, e.g. {@code security.protocol}, {@code compression.type} or
     * {@code linger.ms}, with or without the {@code kafka.} prefix; overrides the defaults in the class description.
     *
     * @param key the setting
     * @param value its value
     * @return this builder
     * @throws IllegalArgumentException when the key is blank, set by a builder method or a serializer
     * @throws IllegalStateException when the key was already set
     */
    public Builder option(String key, String value) {
      options.setKafka(key, value, OWNED);
      return this;
    }

    /**
     * The immutable replayer.
     *
     * @return the replayer
     * @throws IllegalArgumentException when bootstrap servers, topic or inputs are missing
     */
    public Replayer build() {
      if (!options.has("kafka.bootstrap.servers")) {
        throw new IllegalArgumentException(OWNER + ": bootstrapServers is required, but was not set");
      }
      if (topic == null) {
        throw new IllegalArgumentException(OWNER + ": topic is required, but was not set");
      }
      if (inputs == null) {
        throw new IllegalArgumentException(OWNER + ": inputs are required, but were not set");
      }
      return new Replayer(this, options.snapshot());
    }

    private void once(String name) {
      if (set.contains(name)) {
        throw new IllegalStateException(OWNER + ": " + name + " is already set; each setting can be set once");
      }
      set.add(name);
    }

    private double positive(String name, double value) {
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(OWNER + ": " + name + " must be a positive number, but was " + value);
      }
      once(name);
      return value;
    }

    private Duration positive(String name, Duration value) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(OWNER + ": " + name + " must be positive, but was " + value);
      }
      once(name);
      return value;
    }
  }
}
