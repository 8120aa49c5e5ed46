package io.hashtagstreams.kafka.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.hashtagstreams.kafka.internal.KafkaNames;
import io.hashtagstreams.kafka.internal.OptionMap;
import io.hashtagstreams.kafka.internal.Redaction;
import io.hashtagstreams.kafka.internal.TopicProducers;
import io.hashtagstreams.kafka.internal.ingest.AckedPrefix;
import io.hashtagstreams.kafka.internal.ingest.Backoff;
import io.hashtagstreams.kafka.internal.ingest.Disconnect;
import io.hashtagstreams.kafka.internal.ingest.FrameHandler;
import io.hashtagstreams.kafka.internal.ingest.HttpLineConnection;
import io.hashtagstreams.kafka.internal.ingest.Inspection;
import io.hashtagstreams.kafka.internal.ingest.JetstreamFrames;
import io.hashtagstreams.kafka.internal.ingest.LineFraming;
import io.hashtagstreams.kafka.internal.ingest.MastodonGapFill;
import io.hashtagstreams.kafka.internal.ingest.MastodonStatuses;
import io.hashtagstreams.kafka.internal.ingest.StreamConnection;
import io.hashtagstreams.kafka.internal.ingest.TopicResume;
import io.hashtagstreams.kafka.internal.ingest.WebSocketConnection;
import io.hashtagstreams.kafka.internal.ingest.XLines;

/**
 * Writes a live stream of posts ({@link JetstreamSource}, {@link MastodonSource}, {@link XStreamSource}) into a
 * Kafka topic, message by message, byte for byte: the record value is the message's JSON as the network sent it,
 * the key the post's id (see each source), so that a duplicate carries the same key as its original.
 *
 * <table>
 *   <caption>Frames to records</caption>
 *   <tr><th>frame</th><th>record</th></tr>
 *   <tr><td>Jetstream {@code {"did":"did:plc:x","time_us":1725911162329308,"kind":"commit","commit":{
 *       "collection":"app.bsky.feed.post","rkey":"3l3q",...}}}</td>
 *       <td>key {@code at://did:plc:x/app.bsky.feed.post/3l3q}, value the frame</td></tr>
 *   <tr><td>Mastodon {@code event: update} / {@code data: {"id":"1","uri":"https://m.example/users/a/statuses/1",...}}</td>
 *       <td>key {@code https://m.example/users/a/statuses/1}, value the Status</td></tr>
 *   <tr><td>X {@code {"data":{"id":"1850",...},"includes":{...}}}</td><td>key {@code 1850}, value the line</td></tr>
 *   <tr><td>a keep-alive, heartbeat, identity or account event</td><td>none ({@link IngestProgress#skipped()})</td></tr>
 *   <tr><td>X {@code {"errors":[...]}}</td><td>none; logged ({@link IngestProgress#errorMessages()})</td></tr>
 *   <tr><td>not a JSON object of the expected shape</td><td>the frame to {@link Builder#deadLetterTopic(String)}
 *       with header {@code hashtag-streams.reason}, or a log line with its number
 *       ({@link IngestProgress#malformed()})</td></tr>
 * </table>
 *
 * <pre>{@code
 * Ingester ingester = Ingester.builder()
 *     .bootstrapServers("broker:9092")
 *     .topic("bluesky")
 *     .source(JetstreamSource.builder().build())
 *     .progressListener(p -> System.err.println(p.messagesPerSecond() + " msg/s"))
 *     .build();
 * Runtime.getRuntime().addShutdownHook(new Thread(ingester::stop));
 * IngestProgress summary = ingester.run();      // until stop()
 * }</pre>
 *
 * <p>Threads and back-pressure: one thread reads the socket and puts each frame into a bounded queue
 * ({@link Builder#queueCapacity(int)}, default 10,000 frames); the thread of {@link #run()} takes them and hands
 * them to the producer. When Kafka is slower than the stream, the queue fills and the reading thread waits: the
 * socket is read no further, TCP flow control pushes back to the server, and memory stays bounded. A server that
 * gives up on a slow reader closes the connection; the ingest then reconnects like after any disconnect (Jetstream
 * resumes from its cursor without a gap; Mastodon fills the gap through REST; X loses what it sent meanwhile, counted
 * as an unrecovered gap).
 *
 * <p>Reconnects: after a disconnect, a stall (nothing received for {@link Builder#stallTimeout(Duration)}, default
 * 30 s; the networks send keep-alives more often), or an HTTP 429/5xx, the ingest waits and reconnects, for ever.
 * Delays grow exponentially with jitter up to a cap (default 0.5 s to 30 s; X uses X's documented schedule, see
 * {@link XStreamSource}); {@link Builder#backoff(Duration, Duration)} sets one schedule for all. Before a Jetstream
 * reconnect the records in flight are acknowledged first (within 10 s), so the new cursor is the last record's.
 * Fail fast: HTTP 401, 403 or 404 ends the run at once with an {@link IngestException} naming the endpoint (never the
 * token); so does an endpoint that cannot be reached within {@link Builder#failFastTimeout(Duration)} (default 30 s)
 * before a first connection. The same timeout bounds the check that Kafka answers and the topics exist.
 *
 * <p>Delivery: {@code acks=all}, idempotence, {@code linger.ms=20}, 512 KiB batches, lz4 (as {@code Replayer};
 * {@link Builder#option(String, String)} overrides any producer setting). {@link #stop()} closes the stream; every
 * frame already read is still sent, and {@link #run()} returns once all are acknowledged.
 *
 * @since 0.3.0
 */
public final class Ingester {

  private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);
  private static final String OWNER = "Ingester";
  private static final Map<String, String> OWNED = Map.of(
      "kafka.bootstrap.servers", "bootstrapServers(...)",
      "kafka.key.serializer", "",
      "kafka.value.serializer", "");
  private static final String REASON_HEADER = "hashtag-streams.reason";
  private static final String SOURCE_HEADER = "hashtag-streams.source";

  private final Map<String, String> kafkaOptions;
  private final String topic;
  private final String deadLetterTopic;
  private final IngestSource source;
  private final int createPartitions;
  private final int queueCapacity;
  private final Backoff backoff;
  private final Duration stallTimeout;
  private final Duration failFastTimeout;
  private final Duration progressInterval;
  private final Consumer<IngestProgress> listener;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
  private volatile StreamConnection connection;

  private Ingester(Builder builder, Map<String, String> kafkaOptions) {
    this.kafkaOptions = kafkaOptions;
    this.topic = builder.topic;
    this.deadLetterTopic = builder.deadLetterTopic;
    this.source = builder.source;
    this.createPartitions = builder.createPartitions;
    this.queueCapacity = builder.queueCapacity == 0 ? 10_000 : builder.queueCapacity;
    this.backoff = builder.backoffFirst != null ? Backoff.exponential(builder.backoffFirst, builder.backoffMax)
        : source instanceof XStreamSource ? Backoff.xDocumented()
        : Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(30));
    this.stallTimeout = builder.stallTimeout == null ? Duration.ofSeconds(30) : builder.stallTimeout;
    this.failFastTimeout = builder.failFastTimeout == null ? Duration.ofSeconds(30) : builder.failFastTimeout;
    this.progressInterval = builder.progressInterval == null ? Duration.ofSeconds(5) : builder.progressInterval;
    this.listener = builder.listener == null ? progress -> { } : builder.listener;
  }

  /**
   * A new builder; bootstrap servers, topic and source are required.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks Kafka, resumes (Jetstream: from the topic's last record), then reads the stream and writes it until
   * {@link #stop()} or a failure that reconnecting cannot help; returns once everything read is acknowledged.
   *
   * @return the final summary ({@link IngestProgress#finished()} true), also given to the progress listener
   * @throws IllegalStateException when no broker answers or a topic is missing (fail fast)
   * @throws IngestException when the endpoint refused the token, does not exist, cannot be reached before a first
   *     connection within the fail-fast timeout, or Kafka refused a record
   * @throws IllegalStateException when called a second time (an ingester runs once)
   */
  public IngestProgress run() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException(OWNER + ": run() was already called; build a new Ingester to run again");
    }
    List<String> topics = deadLetterTopic == null ? List.of(topic) : List.of(topic, deadLetterTopic);
    TopicProducers.prepareTopics(OWNER, kafkaOptions, topics, createPartitions, failFastTimeout);
    long startCursor = -1;
    if (source instanceof JetstreamSource jetstream) {
      long last = TopicResume.lastJetstreamCursor(kafkaOptions, topic, failFastTimeout);
      startCursor = last >= 0 ? Math.max(0, last - jetstream.overlap().toNanos() / 1000) : jetstream.cursor();
      if (last >= 0) {
        LOG.info("{}: topic '{}' ends at time_us {}; resuming from cursor {}", OWNER, topic, last, startCursor);
      }
    }
    String startStatusId = source instanceof MastodonSource
        ? TopicResume.lastMastodonId(kafkaOptions, topic, failFastTimeout) : null;
    Run run = new Run(startCursor, startStatusId);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(TopicProducers.producerProperties(kafkaOptions, "hashtag-streams-ingest"))) {
      producer.partitionsFor(topic);
      Thread reader = new Thread(run::readLoop, "hashtag-streams-ingest-" + source.network());
      reader.setDaemon(true);
      reader.start();
      try {
        run.writeLoop(producer);
      } finally {
        stop();
        try {
          reader.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        run.writeRemaining(producer);
        producer.flush();
      }
    }
    run.throwIfFailed();
    IngestProgress summary = run.snapshot(true);
    listener.accept(summary);
    return summary;
  }

  /** Closes the stream; a running {@link #run()} sends what was read, waits for the acknowledgements and returns. */
  public void stop() {
    stopRequested.countDown();
    StreamConnection current = connection;
    if (current != null) {
      current.abort(Disconnect.Cause.CLOSED);
    }
  }

  /** The settings, secret values shown as {@code [redacted]}. */
  @Override
  public String toString() {
    return OWNER + "{topic=" + topic + ", deadLetterTopic=" + deadLetterTopic + ", source=" + source
        + ", queueCapacity=" + queueCapacity + ", options=" + Redaction.printable(kafkaOptions) + "}";
  }

  private boolean stopping() {
    return stopRequested.getCount() == 0;
  }

  private String scrub(String text) {
    return source.token() == null ? text : source.token().scrub(text);
  }

  /** One frame on its way from the socket to the producer. */
  private record Pending(byte[] key, byte[] value, Inspection inspection) {
  }

  /** The state of one call of {@link #run()}. */
  private final class Run implements FrameHandler {
    private final long startNanos = System.nanoTime();
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(queueCapacity);
    private final AckedPrefix acks = new AckedPrefix(1 << 16);
    /** Why reading ended for good (a refused token, an unreachable endpoint); what was read is still sent. */
    private final AtomicReference<String> readFailure = new AtomicReference<>();
    /** Why Kafka refused a record; nothing more is sent. */
    private final AtomicReference<String> sendFailure = new AtomicReference<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong recovered = new AtomicLong();
    private final AtomicLong unrecovered = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final HttpClient client;
    private final long startCursor;
    private volatile boolean readerDone;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile boolean everOpened;
    private volatile String newestMastodonId;
    private long lastReportNanos = System.nanoTime();
    private long lastReportMessages;
    private double rate;

    Run(long startCursor, String startStatusId) {
      this.startCursor = startCursor;
      this.newestMastodonId = startStatusId;
      this.client = HttpClient.newBuilder().connectTimeout(connectTimeout())
          .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private Duration connectTimeout() {
      return failFastTimeout.compareTo(Duration.ofSeconds(30)) < 0 ? failFastTimeout : Duration.ofSeconds(30);
    }

    // ---- reading thread ----

    void readLoop() {
      try {
        StreamConnection conn = newConnection();
        connection = conn;
        if (stopping()) {
          return;
        }
        Thread watchdog = startWatchdog(conn);
        try {
          loop(conn);
        } finally {
          watchdog.interrupt();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        readFailure.compareAndSet(null, scrub(OWNER + ": reading " + source.endpoint() + " failed: " + e));
      } finally {
        readerDone = true;
      }
    }

    private void loop(StreamConnection conn) throws InterruptedException {
      long firstAttempt = System.nanoTime();
      while (!stopping() && readFailure.get() == null && sendFailure.get() == null) {
        boolean reconnect = everOpened;
        try {
          conn.stream(nextUri(reconnect), this);
        } catch (Disconnect d) {
          if (stopping()) {
            return;
          }
          String message = scrub(d.getMessage());
          if (d.kind() == Disconnect.Cause.REFUSED) {
            readFailure.compareAndSet(null, OWNER + ": " + message + "; not retrying");
            return;
          }
          if (!everOpened && System.nanoTime() - firstAttempt > failFastTimeout.toNanos()) {
            readFailure.compareAndSet(null, OWNER + ": cannot reach " + source.endpoint() + " within "
                + failFastTimeout.toSeconds() + " s: " + message);
            return;
          }
          Duration delay = backoff.next(d.kind());
          LOG.warn("{}: {}; reconnecting in {} ms", OWNER, message, delay.toMillis());
          if (stopRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        }
      }
    }

    private URI nextUri(boolean reconnect) throws InterruptedException {
      if (source instanceof JetstreamSource jetstream) {
        long cursor = startCursor;
        if (reconnect) {
          awaitDrained(TimeUnit.SECONDS.toMillis(10));
          long last = acks.lastCursor();
          cursor = last >= 0 ? Math.max(0, last - jetstream.overlap().toNanos() / 1000) : startCursor;
        }
        return jetstream.subscribeUri(cursor);
      }
      if (source instanceof MastodonSource mastodon) {
        return mastodon.streamUri();
      }
      return ((XStreamSource) source).streamUri(reconnect);
    }

    private void awaitDrained(long timeoutMillis) throws InterruptedException {
      long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
      while (!queue.isEmpty() && System.nanoTime() < deadline && sendFailure.get() == null) {
        Thread.sleep(5);
      }
      acks.awaitAll(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
    }

    private StreamConnection newConnection() {
      Secret token = source.token();
      if (source instanceof JetstreamSource) {
        return new WebSocketConnection(client, connectTimeout());
      }
      if (source instanceof MastodonSource) {
        return new HttpLineConnection(client, connectTimeout(), token, LineFraming.serverSentEvents("update"),
            "text/event-stream");
      }
      return new HttpLineConnection(client, connectTimeout(), token, LineFraming.jsonLines(), "application/json");
    }

    private Thread startWatchdog(StreamConnection conn) {
      Thread watchdog = new Thread(() -> {
        long period = Math.max(10, stallTimeout.toMillis() / 4);
        try {
          while (!stopping()) {
            Thread.sleep(period);
            if (System.nanoTime() - lastActivityNanos > stallTimeout.toNanos()) {
              lastActivityNanos = System.nanoTime();
              conn.abort(Disconnect.Cause.STALLED);
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "hashtag-streams-ingest-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
      return watchdog;
    }

    @Override
    public void opened() throws InterruptedException {
      activity();
      backoff.reset();
      boolean reconnect = everOpened;
      everOpened = true;
      if (!reconnect) {
        LOG.info("{}: connected to {}", OWNER, source.endpoint());
        if (source instanceof MastodonSource mastodon && newestMastodonId != null) {
          // A restarted process: the topic's newest Status tells where the previous one stopped.
          fillGap(mastodon);
        }
        return;
      }
      reconnects.incrementAndGet();
      LOG.info("{}: reconnected to {}", OWNER, source.endpoint());
      if (source instanceof MastodonSource mastodon && newestMastodonId != null) {
        fillGap(mastodon);
      } else if (source instanceof XStreamSource x && x.backfillMinutes() == 0) {
        unrecovered.incrementAndGet();
      }
    }

    private void fillGap(MastodonSource mastodon) throws InterruptedException {
      MastodonGapFill.Result result = MastodonGapFill.fetch(client, mastodon, newestMastodonId, connectTimeout());
      for (byte[] status : result.statuses()) {
        recovered.incrementAndGet();
        frame(status);
      }
      if (!result.complete()) {
        unrecovered.incrementAndGet();
        LOG.warn("{}: the gap after the reconnect could not be filled completely: {}", OWNER,
            scrub(result.problem()));
      }
    }

    @Override
    public void frame(byte[] frame) throws InterruptedException {
      activity();
      long number = frames.incrementAndGet();
      Inspection inspection = source instanceof JetstreamSource ? JetstreamFrames.inspect(frame)
          : source instanceof MastodonSource ? MastodonStatuses.inspect(frame)
          : XLines.inspect(frame);
      switch (inspection.kind()) {
        case SKIP -> skipped.incrementAndGet();
        case ERROR -> {
          errors.incrementAndGet();
          LOG.warn("{}: {} sent an error message: {}", OWNER, source.endpoint(), scrub(inspection.reason()));
        }
        case MALFORMED -> {
          malformed.incrementAndGet();
          if (deadLetterTopic == null) {
            LOG.warn("{}: frame #{} from {} ({} bytes) is malformed: {}", OWNER, number, source.endpoint(),
                frame.length, inspection.reason());
          } else {
            enqueue(new Pending(null, frame, inspection));
          }
        }
        case POST -> {
          if (source instanceof MastodonSource && inspection.postId() != null) {
            String newest = newestMastodonId;
            if (newest == null || MastodonStatuses.compareIds(inspection.postId(), newest) > 0) {
              newestMastodonId = inspection.postId();
            }
          }
          enqueue(new Pending(inspection.key(), frame, inspection));
        }
        default -> throw new IllegalStateException("unknown frame kind " + inspection.kind());
      }
    }

    private void enqueue(Pending pending) throws InterruptedException {
      while (!queue.offer(pending, 100, TimeUnit.MILLISECONDS)) {
        if (sendFailure.get() != null) {
          return;
        }
      }
    }

    @Override
    public void skipped(String what) {
      activity();
      skipped.incrementAndGet();
    }

    @Override
    public void activity() {
      lastActivityNanos = System.nanoTime();
    }

    // ---- writing thread ----

    void writeLoop(KafkaProducer<byte[], byte[]> producer) throws IllegalStateException {
      try {
        while (sendFailure.get() == null) {
          Pending pending = queue.poll(50, TimeUnit.MILLISECONDS);
          if (pending != null) {
            send(producer, pending);
          } else if (readerDone) {
            return;
          }
          maybeReport();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void writeRemaining(KafkaProducer<byte[], byte[]> producer) {
      for (Pending pending = queue.poll(); pending != null && sendFailure.get() == null; pending = queue.poll()) {
        try {
          send(producer, pending);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    private void send(KafkaProducer<byte[], byte[]> producer, Pending pending) throws InterruptedException {
      boolean post = pending.inspection().kind() == Inspection.Kind.POST;
      long index = acks.register(post ? pending.inspection().cursorMicros() : -1,
          post ? pending.inspection().eventMillis() : Long.MIN_VALUE, () -> sendFailure.get() == null);
      if (index < 0) {
        return;
      }
      ProducerRecord<byte[], byte[]> record;
      if (post) {
        record = new ProducerRecord<>(topic, pending.key(), pending.value());
      } else {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, pending.inspection().reason().getBytes(StandardCharsets.UTF_8));
        headers.add(SOURCE_HEADER, source.endpoint().toString().getBytes(StandardCharsets.UTF_8));
        record = new ProducerRecord<>(deadLetterTopic, null, (byte[]) null, pending.value(), headers);
      }
      try {
        producer.send(record, (metadata, error) -> {
          if (error == null) {
            if (post) {
              acknowledged.incrementAndGet();
            }
            acks.acknowledge(index);
          } else {
            sendFailure.compareAndSet(null, Redaction.scrub(OWNER + ": sending to topic '" + record.topic() + "' at "
                + kafkaOptions.get("kafka.bootstrap.servers") + " failed: " + error.getMessage(), kafkaOptions));
          }
        });
      } catch (RuntimeException e) {
        sendFailure.compareAndSet(null, Redaction.scrub(OWNER + ": sending to topic '" + record.topic() + "' failed: "
            + e.getMessage(), kafkaOptions));
        return;
      }
      if (post) {
        messages.incrementAndGet();
        bytes.addAndGet(pending.value().length);
      }
    }

    private void maybeReport() {
      long now = System.nanoTime();
      if (now - lastReportNanos >= progressInterval.toNanos()) {
        long count = messages.get();
        rate = (count - lastReportMessages) / ((now - lastReportNanos) / 1e9);
        lastReportMessages = count;
        lastReportNanos = now;
        listener.accept(snapshot(false));
      }
    }

    IngestProgress snapshot(boolean finished) {
      long event = acks.lastEventMillis();
      Duration lag = event == Long.MIN_VALUE ? null : Duration.ofMillis(System.currentTimeMillis() - event);
      double shownRate = finished ? messages.get() / Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9) : rate;
      return new IngestProgress(source.network(), messages.get(), acknowledged.get(), bytes.get(), malformed.get(),
          skipped.get(), errors.get(), reconnects.get(), recovered.get(), unrecovered.get(), queue.size(), shownRate,
          lag, Duration.ofNanos(System.nanoTime() - startNanos), finished);
    }

    void throwIfFailed() {
      String message = sendFailure.get() != null ? sendFailure.get() : readFailure.get();
      if (message != null) {
        throw new IngestException(scrub(message) + " (" + acknowledged.get() + " posts were written and"
            + " acknowledged)");
      }
    }
  }

  /**
   * Collects the ingest settings; not thread-safe. Every setter may be called once: a second call throws
   * {@link IllegalStateException}. Bad values throw {@link IllegalArgumentException} at once; missing settings
   * throw it from {@link #build()}.
   *
   * @since 0.3.0
   */
  public static final class Builder {

    private final OptionMap options = new OptionMap(OWNER);
    private final List<String> set = new ArrayList<>();
    private String topic;
    private String deadLetterTopic;
    private IngestSource source;
    private int createPartitions;
    private int queueCapacity;
    private Duration backoffFirst;
    private Duration backoffMax;
    private Duration stallTimeout;
    private Duration failFastTimeout;
    private Duration progressInterval;
    private Consumer<IngestProgress> listener;

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
     * The topic the posts go to (required).
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
     * The topic malformed frames go to, unchanged, with header {@code hashtag-streams.reason} (default: none; they
     * are then logged with their number and counted).
     *
     * @param name a legal topic name, not the posts' topic
     * @return this builder
     * @throws IllegalArgumentException when not a legal topic name
     * @throws IllegalStateException when already set
     */
    public Builder deadLetterTopic(String name) {
      once("deadLetterTopic");
      deadLetterTopic = KafkaNames.requireTopic(OWNER, "deadLetterTopic", name);
      return this;
    }

    /**
     * The stream to read (required).
     *
     * @param stream a {@link JetstreamSource}, {@link MastodonSource} or {@link XStreamSource}
     * @return this builder
     * @throws IllegalArgumentException when null
     * @throws IllegalStateException when already set
     */
    public Builder source(IngestSource stream) {
      if (stream == null) {
        throw new IllegalArgumentException(OWNER + ": source must not be null");
      }
      once("source");
      source = stream;
      return this;
    }

    /**
     * Creates the topics with this many partitions when they do not exist, instead of failing.
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
     * How many frames may wait between the socket and the producer (default 10,000).
     *
     * @param frames 1 to 1,000,000
     * @return this builder
     * @throws IllegalArgumentException when outside 1 to 1,000,000
     * @throws IllegalStateException when already set
     */
    public Builder queueCapacity(int frames) {
      if (frames < 1 || frames > 1_000_000) {
        throw new IllegalArgumentException(OWNER + ": queueCapacity must be 1 to 1000000, but was " + frames);
      }
      once("queueCapacity");
      queueCapacity = frames;
      return this;
    }

    /**
     * One exponential schedule with jitter for every reconnect: {@code first}, doubling up to {@code max}
     * (default 0.5 s to 30 s; for X, X's documented schedule).
     *
     * @param first the first delay, positive
     * @param max the cap, at least {@code first}
     * @return this builder
     * @throws IllegalArgumentException when not positive or {@code max < first}
     * @throws IllegalStateException when already set
     */
    public Builder backoff(Duration first, Duration max) {
      if (first == null || max == null || first.isZero() || first.isNegative() || max.compareTo(first) < 0) {
        throw new IllegalArgumentException(OWNER + ": backoff needs 0 < first <= max, but was " + first + " and "
            + max);
      }
      once("backoff");
      backoffFirst = first;
      backoffMax = max;
      return this;
    }

    /**
     * How long the stream may stay silent before it is dropped and reopened (default 30 s).
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     * @throws IllegalStateException when already set
     */
    public Builder stallTimeout(Duration timeout) {
      stallTimeout = positive("stallTimeout", timeout);
      return this;
    }

    /**
     * How long the Kafka check waits, and how long the endpoint may stay unreachable before a first connection
     * (default 30 s).
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
     * How often the progress listener hears of the ingest (default 5 s).
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
     * Called on the thread of {@link Ingester#run()} every progress interval and once with the final summary.
     *
     * @param onProgress the listener
     * @return this builder
     * @throws IllegalArgumentException when null
     * @throws IllegalStateException when already set
     */
    public Builder progressListener(Consumer<IngestProgress> onProgress) {
      if (onProgress == null) {
        throw new IllegalArgumentException(OWNER + ": progressListener must not be null");
      }
      once("progressListener");
      listener = onProgress;
      return this;
    }

    /**
     * Any Kafka producer (and admin) setting, with or without the {@code kafka.} prefix; overrides the defaults.
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
     * The immutable ingester.
     *
     * @return the ingester
     * @throws IllegalArgumentException when bootstrap servers, topic or source are missing, or the dead-letter topic
     *     is the posts' topic
     */
    public Ingester build() {
      if (!options.has("kafka.bootstrap.servers")) {
        throw new IllegalArgumentException(OWNER + ": bootstrapServers is required, but was not set");
      }
      if (topic == null) {
        throw new IllegalArgumentException(OWNER + ": topic is required, but was not set");
      }
      if (source == null) {
        throw new IllegalArgumentException(OWNER + ": source is required, but was not set");
      }
      if (topic.equals(deadLetterTopic)) {
        throw new IllegalArgumentException(OWNER + ": deadLetterTopic must differ from topic, but both were '"
            + topic + "'");
      }
      return new Ingester(this, options.snapshot());
    }

    private void once(String name) {
      if (set.contains(name)) {
        throw new IllegalStateException(OWNER + ": " + name + " is already set; each setting can be set once");
      }
      set.add(name);
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
