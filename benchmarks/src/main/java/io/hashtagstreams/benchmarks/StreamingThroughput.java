package io.hashtagstreams.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.sample.TweetGenerator;
import io.hashtagstreams.kafka.KafkaSink;
import io.hashtagstreams.kafka.KafkaTweetSource;
import io.hashtagstreams.kafka.testing.EmbeddedKafka;

/**
 * Streaming throughput and latency, Kafka to Kafka, on an in-process broker ({@link EmbeddedKafka}) in the same
 * JVM as Spark ({@code local[2]}; broker, producer and Spark share the 2 cores, as a laptop demo would).
 *
 * <p>The query: {@code KafkaTweetSource -> extractText -> explodeTopics -> windowedCounts(1 minute) ->
 * toKafkaValue -> KafkaSink} (at-least-once, update mode).
 * <ol>
 *   <li>Sustained throughput: {@code --tweets} generator tweets (default 200,000) are written to a 2-partition
 *       topic first; then the query runs with the fastest trigger ({@code ProcessingTime(0)}) and
 *       {@code maxOffsetsPerTrigger} {@code --per-trigger} (default 50,000) until all are processed. Reported:
 *       input rows / summed batch durations (from {@link StreamingQuery#recentProgress()}), with and without the first
 *       batch (which includes code generation and JIT warm-up).</li>
 *   <li>Latency at a fixed rate: a paced producer writes {@code --rate} tweets/s (default 10,000; one send burst
 *       every 100 ms) for {@code --seconds} (default 60) while the query runs with a 1 s trigger; reported: p50,
 *       p99 and max batch duration ({@code durationMs.triggerExecution}) of the batches that had input.</li>
 * </ol>
 *
 * <p>Run:
 * <pre>
 * mvn -B -ntp -o -pl benchmarks -am verify -Prun -DskipTests \
 *     -Dbench.main=io.hashtagstreams.benchmarks.StreamingThroughput -Dbench.args="--tweets=200000 --seconds=60"
 * </pre>
 */
public final class StreamingThroughput {

  private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(10);
  /** The parts of a batch's time that the tables show (keys of {@code StreamingQueryProgress.durationMs()}). */
  private static final List<String> PARTS = List.of("latestOffset", "queryPlanning", "addBatch", "walCommit",
      "commitOffsets");

  private StreamingThroughput() {
  }

  /**
   * What to run.
   *
   * @param tweets pre-filled tweets for the throughput phase (0 skips it)
   * @param perTrigger {@code maxOffsetsPerTrigger} of the throughput phase
   * @param rate tweets per second of the paced phase
   * @param seconds duration of the paced phase (0 skips it)
   */
  public record Config(int tweets, int perTrigger, int rate, int seconds) {

    /** Parses {@code --tweets=N --per-trigger=N --rate=N --seconds=N}; unknown arguments fail. */
    public static Config parse(String... args) {
      int tweets = 200_000;
      int perTrigger = 50_000;
      int rate = 10_000;
      int seconds = 60;
      for (String arg : args) {
        String value = arg.substring(arg.indexOf('=') + 1);
        if (arg.startsWith("--tweets=")) {
          tweets = HarnessArgs.atLeast(value, 0, arg);
        } else if (arg.startsWith("--per-trigger=")) {
          perTrigger = HarnessArgs.atLeast(value, 1, arg);
        } else if (arg.startsWith("--rate=")) {
          rate = HarnessArgs.atLeast(value, 10, arg);
        } else if (arg.startsWith("--seconds=")) {
          seconds = HarnessArgs.atLeast(value, 0, arg);
        } else {
          throw new IllegalArgumentException("unknown argument: " + arg
              + " (expected --tweets=N, --per-trigger=N, --rate=N, --seconds=N)");
        }
      }
      return new Config(tweets, perTrigger, rate, seconds);
    }
  }

  /**
   * The measured outcome.
   *
   * @param throughputBatches progress of the throughput phase's batches with input, in order
   * @param pacedBatches progress of the paced phase's batches with input, in order
   * @param pacedSent tweets the paced producer wrote
   * @param pacedSeconds how long the paced producer ran
   * @param outputRecords records the queries wrote to the output topics
   */
  public record Result(List<StreamingQueryProgress> throughputBatches, List<StreamingQueryProgress> pacedBatches,
      long pacedSent, double pacedSeconds, long outputRecords) {

    /** Input rows per second of batch time, over the given batches. */
    static double rowsPerSecond(List<StreamingQueryProgress> batches) {
      long rows = 0;
      long millis = 0;
      for (StreamingQueryProgress batch : batches) {
        rows += batch.numInputRows();
        millis += batch.durationMs().get("triggerExecution");
      }
      return millis == 0 ? Double.NaN : rows * 1000.0 / millis;
    }

    /** Mean of one {@code durationMs} part over the batches (0 when no batch reports it). */
    static double meanMillis(List<StreamingQueryProgress> batches, String part) {
      return batches.stream().mapToLong(b -> b.durationMs().getOrDefault(part, 0L)).average().orElse(0);
    }

    /** Batch durations in milliseconds of the paced phase. */
    double[] pacedDurations() {
      return pacedBatches.stream().mapToDouble(b -> b.durationMs().get("triggerExecution")).toArray();
    }

    /** The results as a Markdown table. */
    public String toTable() {
      Table table = new Table("measurement", "value");
      if (!throughputBatches.isEmpty()) {
        long rows = throughputBatches.stream().mapToLong(StreamingQueryProgress::numInputRows).sum();
        table.row("throughput: tweets processed", Table.count(rows))
            .row("throughput: batches", throughputBatches.size())
            .row("throughput: tweets/s, all batches", Table.count(rowsPerSecond(throughputBatches)));
        if (throughputBatches.size() > 1) {
          table.row("throughput: tweets/s, without the first batch",
              Table.count(rowsPerSecond(throughputBatches.subList(1, throughputBatches.size()))));
        }
        for (String part : PARTS) {
          table.row("throughput: mean " + part + " ms per batch", Table.count(meanMillis(throughputBatches, part)));
        }
      }
      if (!pacedBatches.isEmpty()) {
        double[] durations = pacedDurations();
        table.row("paced: tweets sent", Table.count(pacedSent))
            .row("paced: tweets processed",
                Table.count(pacedBatches.stream().mapToLong(StreamingQueryProgress::numInputRows).sum()))
            .row("paced: achieved input rate, tweets/s", Table.count(pacedSent / pacedSeconds))
            .row("paced: batches with input", durations.length)
            .row("paced: batch duration p50, ms", Table.count(Stats.percentile(durations, 50)))
            .row("paced: batch duration p99, ms", Table.count(Stats.percentile(durations, 99)))
            .row("paced: batch duration max, ms", Table.count(Stats.percentile(durations, 100)));
        for (String part : PARTS) {
          table.row("paced: mean " + part + " ms per batch", Table.count(meanMillis(pacedBatches, part)));
        }
      }
      table.row("records written to the output topics", Table.count(outputRecords));
      return table.toString();
    }
  }

  /** How long Spark's cached producer may take to close (idle 1 s, then the evictor's next 1 s run) and more. */
  static final Duration CLIENTS_CLOSE = Duration.ofSeconds(20);

  /**
   * Starts a broker, runs both phases as configured and stops the broker, once Spark's cached Kafka clients have
   * closed.
   */
  public static Result run(SparkSession spark, Config config) throws IOException, TimeoutException,
      StreamingQueryException, InterruptedException {
    try (EmbeddedKafka kafka = new EmbeddedKafka();
        KafkaClientThreads.Wait clients = KafkaClientThreads.closedBeforeTheBroker(CLIENTS_CLOSE)) {
      kafka.start();
      TweetGenerator generator = Corpus.generator(Corpus.SEED);
      List<StreamingQueryProgress> throughput = new ArrayList<>();
      long output = 0;
      if (config.tweets() > 0) {
        kafka.createTopic("tweets", 2);
        kafka.createTopic("counts", 2);
        List<byte[]> chunk = new ArrayList<>();
        for (int i = 0; i < config.tweets(); i++) {
          chunk.add(generator.next().bytes());
          if (chunk.size() == 10_000 || i == config.tweets() - 1) {
            kafka.produce("tweets", chunk);
            chunk.clear();
          }
        }
        throughput = runQuery(spark, kafka, "tweets", "counts", Trigger.ProcessingTime(0), config.perTrigger(),
            null);
        output += kafka.consumeAll("counts", org.apache.kafka.common.IsolationLevel.READ_UNCOMMITTED,
            Duration.ofMinutes(1)).size();
        System.out.println("throughput phase:");
        System.out.println(new Result(throughput, List.of(), 0, 0, output).toTable());
      }
      List<StreamingQueryProgress> paced = new ArrayList<>();
      long[] sent = new long[1];
      double[] seconds = new double[1];
      if (config.seconds() > 0) {
        kafka.createTopic("paced", 2);
        kafka.createTopic("paced-counts", 2);
        Runnable producer = () -> {
          long start = System.nanoTime();
          sent[0] = pace(kafka.bootstrapServers(), "paced", generator, config.rate(), config.seconds());
          seconds[0] = (System.nanoTime() - start) / 1e9;
        };
        paced = runQuery(spark, kafka, "paced", "paced-counts", Trigger.ProcessingTime("1 second"), 0, producer);
        output += kafka.consumeAll("paced-counts", org.apache.kafka.common.IsolationLevel.READ_UNCOMMITTED,
            Duration.ofMinutes(1)).size();
      }
      return new Result(throughput, paced, sent[0], seconds[0], output);
    }
  }

  /**
   * Runs the query from the earliest offset of {@code in}; when {@code whileRunning} is given, runs it on this
   * thread once the query is up, then waits until everything written is processed. Returns the progress of the
   * batches that had input.
   */
  private static List<StreamingQueryProgress> runQuery(SparkSession spark, EmbeddedKafka kafka, String in,
      String out, Trigger trigger, int maxPerTrigger, Runnable whileRunning)
      throws IOException, TimeoutException, StreamingQueryException {
    Path checkpoint = Files.createTempDirectory("bench-checkpoint-");
    KafkaTweetSource.Builder source = KafkaTweetSource.builder()
        .bootstrapServers(kafka.bootstrapServers())
        .subscribe(in)
        .startingOffsets("earliest");
    if (maxPerTrigger > 0) {
      source.maxOffsetsPerTrigger(maxPerTrigger);
    }
    Dataset<Row> records = source.build().stream(spark)
        .transform(HashtagOps.extractText())
        .transform(HashtagOps.explodeTopics())
        .transform(HashtagOps.windowedCounts(Duration.ofMinutes(1)))
        .transform(HashtagOps.toKafkaValue());
    String name = "bench_" + in.replace('-', '_') + "_" + UUID.randomUUID().toString().replace("-", "");
    StreamingQuery query = KafkaSink.builder()
        .bootstrapServers(kafka.bootstrapServers())
        .topic(out)
        .checkpointLocation(checkpoint.toString())
        .outputMode("update")
        .trigger(trigger)
        .queryName(name)
        .build()
        .start(records);
    try {
      if (whileRunning != null) {
        whileRunning.run();
      }
      query.processAllAvailable();
      if (query.exception().isDefined()) {
        throw query.exception().get();
      }
    } finally {
      query.stop();
      query.awaitTermination(QUERY_TIMEOUT.toMillis());
      TempDirectories.delete(checkpoint);
    }
    // BenchSpark keeps 10,000 progress updates per query, so none of these runs loses any.
    List<StreamingQueryProgress> withInput = new ArrayList<>();
    for (StreamingQueryProgress batch : query.recentProgress()) {
      if (batch.numInputRows() > 0) {
        withInput.add(batch);
      }
    }
    return withInput;
  }

  /**
   * Writes {@code rate} tweets/s for {@code seconds}, a burst every 100 ms; returns how many were written.
   *
   * @param bootstrap the broker
   * @param topic where the tweets go
   * @param generator where they come from (used from the producer's clock thread only)
   * @param rate tweets per second
   * @param seconds how long
   * @return tweets written
   */
  public static long pace(String bootstrap, String topic, TweetGenerator generator, int rate, int seconds) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.ACKS_CONFIG, "1");
    config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    int perTick = rate / 10;
    int ticks = seconds * 10;
    AtomicLong sent = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
      AtomicLong tick = new AtomicLong();
      clock.scheduleAtFixedRate(() -> {
        if (stop.get() || tick.getAndIncrement() >= ticks) {
          done.countDown();
          return;
        }
        for (int i = 0; i < perTick && !stop.get(); i++) {
          producer.send(new ProducerRecord<>(topic, generator.next().bytes()));
          sent.incrementAndGet();
        }
      }, 0, 100, TimeUnit.MILLISECONDS);
      // A machine too slow to produce the rate makes the ticks late: stop at the deadline and report what was sent.
      if (!done.await(seconds + 30L, TimeUnit.SECONDS)) {
        stop.set(true);
        System.out.printf("the paced producer fell behind: %,d of %,d tweets sent in %d s%n", sent.get(),
            (long) perTick * ticks, seconds + 30);
      }
      clock.shutdown();
      if (!clock.awaitTermination(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the paced producer did not stop within 60 s");
      }
      producer.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while producing", e);
    } finally {
      clock.shutdownNow();
    }
    return sent.get();
  }

  /** Parses the arguments, runs and prints. */
  public static void main(String[] args) throws Exception {
    Config config = Config.parse(args);
    SparkSession spark = BenchSpark.session();
    try {
      System.out.printf("streaming: %s, local[2], in-process Kafka; load average at start: %s%n", config,
          Machine.loadAverage());
      Result result = run(spark, config);
      System.out.println(result.toTable());
      System.out.printf("load average at end: %s%n", Machine.loadAverage());
    } finally {
      spark.stop();
    }
  }
}
