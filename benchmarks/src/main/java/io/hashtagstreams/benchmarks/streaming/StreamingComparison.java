package io.hashtagstreams.benchmarks.streaming;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;

import io.hashtagstreams.benchmarks.BenchSpark;
import io.hashtagstreams.benchmarks.Corpus;
import io.hashtagstreams.benchmarks.HarnessArgs;
import io.hashtagstreams.benchmarks.Machine;
import io.hashtagstreams.benchmarks.OursPipeline;
import io.hashtagstreams.benchmarks.Stats;
import io.hashtagstreams.benchmarks.StreamingThroughput;
import io.hashtagstreams.benchmarks.Table;
import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.sample.TweetGenerator;
import io.hashtagstreams.kafka.KafkaTweetSource;
import io.hashtagstreams.kafka.testing.EmbeddedKafka;
import io.hashtagstreams.kafka.testing.KafkaBrokerProcess;
import io.hashtagstreams.kafka.testing.KafkaTestClients;

/**
 * Where streaming time goes: one topic, read to its end by every chosen {@link TopicReader} in alternating rounds in
 * one Spark session ({@code local[2]}), with the broker in this JVM ({@link EmbeddedKafka}) and in a JVM of its own
 * ({@link KafkaBrokerProcess}, as in production). A reader is a pipeline (a plain consumer, Spark's raw read, the
 * notebook, ours or a part of ours) under a set-up (Spark's defaults, or tuned as Hashtag Streams sets it up:
 * {@code KafkaTweetSource}'s 8 MiB fetches and {@code LocalCheckpoints}), so that each cut is measured on its own and
 * side by side. Prints per reader the median tweets/s of busy time (the sum of the micro-batches'
 * {@code triggerExecution}) with min and max over the rounds, the mean of each {@code durationMs} part per batch, the
 * state-store figures and the CPU of the read (Spark JVM, broker process, task threads, GC, JIT, Janino compiles),
 * then the per-round ratios of the readers that ran and their medians. A latency phase then runs
 * {@code windowedCounts} and {@code topTopics} under both set-ups at a fixed rate with a 1 s trigger and prints
 * p50/p99 batch durations.
 *
 * <p>Data: {@code --tweets} generator tweets (about 4.2 KB each, seed {@link Corpus#SEED}) in a 2-partition topic.
 * Run (after {@code mvn -B -ntp -pl benchmarks -am package -Pjmh-jar -DskipTests}):
 * <pre>
 * java -Xmx6g -XX:+UseParallelGC ${java17.spark.flags} -cp benchmarks/target/benchmarks.jar \
 *     io.hashtagstreams.benchmarks.streaming.StreamingComparison --tweets=100000 --per-trigger=20000 --rounds=5 \
 *     --readers=spark-raw,notebook,ours
 * </pre>
 * Add {@code -XX:StartFlightRecording=filename=/tmp/streaming.jfr,settings=profile} to profile it, and summarise
 * the recording with {@code io.hashtagstreams.benchmarks.JfrHotFrames}.
 */
public final class StreamingComparison {

  private static final String TOPIC = "tweets";

  private StreamingComparison() {
  }

  /**
   * What to run.
   *
   * @param tweets tweets in the topic
   * @param perTrigger {@code maxOffsetsPerTrigger} of the streaming readers
   * @param warmups rounds run first and not counted
   * @param rounds counted rounds
   * @param brokers where the broker runs: {@code jvm}, {@code process} or both
   * @param rate tweets per second of the latency phase
   * @param latencySeconds length of each latency run (0 skips the phase)
   * @param readers the readers of the rounds, in the order of the first round
   */
  public record Config(int tweets, int perTrigger, int warmups, int rounds, List<String> brokers, int rate,
      int latencySeconds, List<TopicReader> readers) {

    /** The readers of the table: every reader except the variants of ours. */
    public static final List<TopicReader> DEFAULT_READERS = List.of(TopicReader.PLAIN_CONSUMER,
        TopicReader.SPARK_RAW_STOCK, TopicReader.SPARK_RAW, TopicReader.NOTEBOOK_STOCK, TopicReader.NOTEBOOK,
        TopicReader.OURS_STOCK, TopicReader.OURS_FORKLESS_ONLY, TopicReader.OURS, TopicReader.OURS_BATCH);

    /**
     * Parses {@code --tweets=N --per-trigger=N --warmups=N --rounds=N --brokers=jvm,process --rate=N
     * --latency-seconds=N --readers=ID,...} (reader ids as {@link TopicReader#id()} gives them).
     *
     * @throws IllegalArgumentException for an unknown argument or a bad value, naming it
     */
    public static Config parse(String... args) {
      int tweets = 100_000;
      int perTrigger = 20_000;
      int warmups = 1;
      int rounds = 5;
      List<String> brokers = List.of("jvm", "process");
      int rate = 2_000;
      int latencySeconds = 60;
      List<TopicReader> readers = DEFAULT_READERS;
      for (String arg : args) {
        String value = arg.substring(arg.indexOf('=') + 1);
        if (arg.startsWith("--tweets=")) {
          tweets = HarnessArgs.atLeast(value, 1, arg);
        } else if (arg.startsWith("--per-trigger=")) {
          perTrigger = HarnessArgs.atLeast(value, 1, arg);
        } else if (arg.startsWith("--warmups=")) {
          warmups = HarnessArgs.atLeast(value, 0, arg);
        } else if (arg.startsWith("--rounds=")) {
          rounds = HarnessArgs.atLeast(value, 1, arg);
        } else if (arg.startsWith("--brokers=")) {
          brokers = List.of(value.split(","));
          for (String broker : brokers) {
            if (!broker.equals("jvm") && !broker.equals("process")) {
              throw new IllegalArgumentException("expected --brokers=jvm,process (either or both): " + arg);
            }
          }
        } else if (arg.startsWith("--rate=")) {
          rate = HarnessArgs.atLeast(value, 10, arg);
        } else if (arg.startsWith("--latency-seconds=")) {
          latencySeconds = HarnessArgs.atLeast(value, 0, arg);
        } else if (arg.startsWith("--readers=")) {
          List<TopicReader> chosen = new ArrayList<>();
          for (String id : value.split(",")) {
            try {
              chosen.add(TopicReader.byId(id));
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException(arg + ": " + e.getMessage(), e);
            }
          }
          readers = List.copyOf(chosen);
        } else {
          throw new IllegalArgumentException("unknown argument: " + arg + " (expected --tweets=N, --per-trigger=N,"
              + " --warmups=N, --rounds=N, --brokers=jvm,process, --rate=N, --latency-seconds=N, --readers=ID,...)");
        }
      }
      return new Config(tweets, perTrigger, warmups, rounds, brokers, rate, latencySeconds, readers);
    }
  }

  /**
   * The outcome for one broker placement.
   *
   * @param broker {@code jvm} or {@code process}
   * @param rounds per counted round, each reader's measurement
   * @param latency per operator of the latency phase, the batch durations in ms of the batches with input
   */
  public record Result(String broker, List<Map<TopicReader, ReadMeasurement>> rounds,
      Map<String, double[]> latency) {

    /** Median tweets/s of {@code reader} over the rounds. */
    public double medianRate(TopicReader reader) {
      return Stats.median(rounds.stream().mapToDouble(r -> r.get(reader).rowsPerSecond()).toArray());
    }

    /** Median over the rounds of {@code a}'s rate divided by {@code b}'s rate in the same round. */
    public double medianRatio(TopicReader a, TopicReader b) {
      return Stats.median(rounds.stream()
          .mapToDouble(r -> r.get(a).rowsPerSecond() / r.get(b).rowsPerSecond()).toArray());
    }

    /** The results as Markdown tables. */
    public String toTables() {
      Table rates = new Table("reader (broker " + broker + ")", "tweets/s median", "min", "max", "batches",
          "wall s median", "addBatch ms", "latestOffset ms", "queryPlanning ms", "walCommit ms", "commitOffsets ms",
          "state rows", "state MB", "state commit ms", "Spark CPU s", "broker CPU s", "cores busy",
          "CPU us/tweet", "task threads CPU s", "GC ms", "JIT ms", "codegen compiles");
      for (TopicReader reader : rounds.get(0).keySet()) {
        double[] each = rounds.stream().mapToDouble(r -> r.get(reader).rowsPerSecond()).toArray();
        ReadMeasurement last = rounds.get(rounds.size() - 1).get(reader);
        Map<String, Double> parts = last.meanPartsMillis();
        rates.row(reader.description(), Table.count(Stats.median(each)), Table.count(java.util.Arrays.stream(each).min().orElseThrow()),
            Table.count(java.util.Arrays.stream(each).max().orElseThrow()), last.batches(),
            Table.fixed(Stats.median(rounds.stream().mapToDouble(r -> r.get(reader).wallSeconds()).toArray()), 1),
            part(parts, "addBatch"), part(parts, "latestOffset"), part(parts, "queryPlanning"),
            part(parts, "walCommit"), part(parts, "commitOffsets"), Table.count(last.stateRows()),
            Table.fixed(last.stateBytes() / 1e6, 1), Table.count(last.stateCommitMillis()),
            Table.fixed(last.sparkCpuSeconds(), 2),
            Double.isNaN(last.brokerCpuSeconds()) ? "-" : Table.fixed(last.brokerCpuSeconds(), 2),
            Table.fixed(last.coresBusy(), 2), Table.fixed(last.cpuMicrosPerRecord(), 1),
            Table.fixed(last.cpu().taskThreadSeconds(), 2), Table.count(last.cpu().gcMillis()),
            Table.count(last.cpu().jitMillis()), last.cpu().codegenCompilations());
      }
      Table ratios = new Table("ratio (broker " + broker + ")", "median", "per round");
      ratio(ratios, "ours / notebook, both tuned", TopicReader.OURS, TopicReader.NOTEBOOK);
      ratio(ratios, "ours tuned / notebook as run today", TopicReader.OURS, TopicReader.NOTEBOOK_STOCK);
      ratio(ratios, "ours / notebook, both Spark's defaults", TopicReader.OURS_STOCK, TopicReader.NOTEBOOK_STOCK);
      ratio(ratios, "ours / Spark's raw read, both tuned", TopicReader.OURS, TopicReader.SPARK_RAW);
      ratio(ratios, "ours / Spark's raw read, both Spark's defaults", TopicReader.OURS_STOCK,
          TopicReader.SPARK_RAW_STOCK);
      ratio(ratios, "Spark's raw read tuned / plain consumer", TopicReader.SPARK_RAW, TopicReader.PLAIN_CONSUMER);
      ratio(ratios, "Spark's raw read: tuned / defaults", TopicReader.SPARK_RAW, TopicReader.SPARK_RAW_STOCK);
      ratio(ratios, "cut 1, forkless checkpoints: ours / ours before", TopicReader.OURS_FORKLESS_ONLY,
          TopicReader.OURS_STOCK);
      ratio(ratios, "cut 2, 8 MiB fetches: ours / ours with cut 1", TopicReader.OURS,
          TopicReader.OURS_FORKLESS_ONLY);
      ratio(ratios, "both cuts: ours tuned / ours before", TopicReader.OURS, TopicReader.OURS_STOCK);
      ratio(ratios, "RocksDB state store: ours / ours tuned", TopicReader.OURS_ROCKSDB, TopicReader.OURS);
      ratio(ratios, "1 shuffle partition: ours / ours tuned", TopicReader.OURS_ONE_PARTITION, TopicReader.OURS);
      ratio(ratios, "extractText alone / Spark's raw read, tuned", TopicReader.OURS_EXTRACT, TopicReader.SPARK_RAW);
      ratio(ratios, "extractText -> explodeTopics / Spark's raw read, tuned", TopicReader.OURS_TOPICS,
          TopicReader.SPARK_RAW);
      ratio(ratios, "ours streaming tuned / ours batch", TopicReader.OURS, TopicReader.OURS_BATCH);
      StringBuilder out = new StringBuilder(rates.toString()).append(System.lineSeparator())
          .append(ratios.toString());
      if (!latency.isEmpty()) {
        Table latencies = new Table("latency (broker " + broker + ", 1 s trigger)", "batches with input",
            "p50 ms", "p99 ms", "max ms");
        latency.forEach((name, durations) -> latencies.row(name, durations.length,
            durations.length == 0 ? "-" : Table.count(Stats.percentile(durations, 50)),
            durations.length == 0 ? "-" : Table.count(Stats.percentile(durations, 99)),
            durations.length == 0 ? "-" : Table.count(Stats.percentile(durations, 100))));
        out.append(System.lineSeparator()).append(latencies);
      }
      return out.toString();
    }

    /** Adds the row for {@code a / b} when both were measured. */
    private void ratio(Table table, String name, TopicReader a, TopicReader b) {
      if (!rounds.get(0).containsKey(a) || !rounds.get(0).containsKey(b)) {
        return;
      }
      StringBuilder each = new StringBuilder();
      for (Map<TopicReader, ReadMeasurement> round : rounds) {
        each.append(each.length() == 0 ? "" : " ")
            .append(Table.fixed(round.get(a).rowsPerSecond() / round.get(b).rowsPerSecond(), 2));
      }
      table.row(name, Table.fixed(medianRatio(a, b), 2), each);
    }

    private static String part(Map<String, Double> parts, String name) {
      Double value = parts.get(name);
      return value == null ? "-" : Table.count(value);
    }
  }

  /** Runs every configured broker placement in turn. */
  public static List<Result> run(SparkSession spark, Config config) throws Exception {
    List<Result> results = new ArrayList<>();
    for (String broker : config.brokers()) {
      Path work = Files.createTempDirectory("bench-broker-");
      try {
        if (broker.equals("jvm")) {
          try (EmbeddedKafka kafka = new EmbeddedKafka()) {
            kafka.start();
            results.add(runOn(spark, broker, kafka.bootstrapServers(), () -> Double.NaN, config));
          }
        } else {
          try (KafkaBrokerProcess kafka = KafkaBrokerProcess.builder().workDirectory(work).maxHeap("2g").build()
              .start()) {
            long pid = kafka.pid();
            results.add(runOn(spark, broker, kafka.bootstrapServers(), () -> cpuSeconds(pid), config));
          }
        }
      } finally {
        io.hashtagstreams.benchmarks.TempDirectories.delete(work);
      }
    }
    return results;
  }

  /** CPU seconds used so far by the process {@code pid}, as the operating system reports them. */
  private static double cpuSeconds(long pid) {
    return ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration())
        .orElseThrow(() -> new IllegalStateException("no CPU time for the broker process " + pid))
        .toNanos() / 1e9;
  }

  /** CPU seconds used so far by this JVM. */
  private static double ownCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  private static Result runOn(SparkSession spark, String broker, String servers,
      java.util.function.DoubleSupplier brokerCpu, Config config) throws Exception {
    KafkaTestClients.createTopic(servers, TOPIC, 2, Map.of());
    fill(servers, config.tweets());
    List<Map<TopicReader, ReadMeasurement>> rounds = new ArrayList<>();
    TopicReader[] readers = config.readers().toArray(new TopicReader[0]);
    for (int round = 0; round < config.warmups() + config.rounds(); round++) {
      Map<TopicReader, ReadMeasurement> measured = new EnumMap<>(TopicReader.class);
      for (int i = 0; i < readers.length; i++) {
        // Rotate the order each round, so no reader always runs right after the same neighbour.
        TopicReader reader = readers[(i + round) % readers.length];
        double sparkCpuBefore = ownCpuSeconds();
        double brokerCpuBefore = brokerCpu.getAsDouble();
        ReadMeasurement.CpuSplit splitBefore = ReadMeasurement.CpuSplit.now();
        ReadMeasurement read = reader.read(spark, servers, TOPIC, config.tweets(), config.perTrigger());
        measured.put(reader, read.withCpu(ownCpuSeconds() - sparkCpuBefore,
            brokerCpu.getAsDouble() - brokerCpuBefore, ReadMeasurement.CpuSplit.now().since(splitBefore)));
      }
      if (round < config.warmups()) {
        System.out.printf("broker %s: warm-up round %d done; load average %s%n", broker, round + 1,
            Machine.loadAverage());
      } else {
        rounds.add(measured);
        System.out.printf("broker %s: round %d of %d done; load average %s%n", broker,
            round - config.warmups() + 1, config.rounds(), Machine.loadAverage());
      }
    }
    Map<String, double[]> latency = new java.util.LinkedHashMap<>();
    if (config.latencySeconds() > 0) {
      for (TopicReader.SetUp setUp : List.of(TopicReader.SetUp.STOCK, TopicReader.SetUp.TUNED)) {
        String name = setUp.name().toLowerCase(java.util.Locale.ROOT);
        latency.put("windowedCounts(1 min), update, " + name,
            pacedDurations(spark, servers, "latency-counts-" + name, config, false, setUp));
        latency.put("topTopics(10, 1 min), append, " + name,
            pacedDurations(spark, servers, "latency-top-" + name, config, true, setUp));
      }
    }
    return new Result(broker, rounds, latency);
  }

  private static void fill(String servers, int tweets) {
    TweetGenerator generator = Corpus.generator(Corpus.SEED);
    List<byte[]> chunk = new ArrayList<>();
    for (int i = 0; i < tweets; i++) {
      chunk.add(generator.next().bytes());
      if (chunk.size() == 10_000 || i == tweets - 1) {
        KafkaTestClients.produce(servers, TOPIC, chunk);
        chunk.clear();
      }
    }
  }

  /** Runs one operator with a 1 s trigger while a paced producer writes; the durations of batches with input. */
  private static double[] pacedDurations(SparkSession spark, String servers, String topic, Config config,
      boolean top, TopicReader.SetUp setUp) throws Exception {
    KafkaTestClients.createTopic(servers, topic, 2, Map.of());
    Dataset<Row> topics = OursPipeline.extract(setUp.source(servers, topic).buildStream(spark))
        .transform(HashtagOps.explodeTopics());
    Dataset<Row> output = top
        ? topics.transform(HashtagOps.topTopics(10))
        : topics.transform(HashtagOps.windowedCounts(Duration.ofMinutes(1)));
    String checkpoint = Files.createTempDirectory("bench-latency-").toString();
    StreamingQuery query = TopicReader.startWith(spark, setUp.sessionConf(), () -> output.writeStream()
        .format("noop")
        .queryName("latency_" + UUID.randomUUID().toString().replace("-", ""))
        .outputMode(top ? "append" : "update")
        .option("checkpointLocation", checkpoint)
        .trigger(Trigger.ProcessingTime("1 second"))
        .start());
    try {
      // Event time follows the wall clock, so windows close during the run as in a live stream.
      TweetGenerator generator = TweetGenerator.builder().seed(Corpus.SEED).start(java.time.Instant.now())
          .tweetsPerSecond(config.rate()).build();
      StreamingThroughput.pace(servers, topic, generator, config.rate(), config.latencySeconds());
      CompletableFuture.runAsync(query::processAllAvailable)
          .get(TopicReader.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      query.stop();
      io.hashtagstreams.benchmarks.TempDirectories.delete(Path.of(checkpoint));
    }
    List<Double> durations = new ArrayList<>();
    for (StreamingQueryProgress batch : query.recentProgress()) {
      if (batch.numInputRows() > 0) {
        durations.add((double) batch.durationMs().get("triggerExecution"));
      }
    }
    return durations.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Parses the arguments, runs and prints.
   *
   * @param args see {@link Config#parse(String...)}
   * @throws Exception when a run fails
   */
  public static void main(String[] args) throws Exception {
    Config config = Config.parse(args);
    SparkSession spark = BenchSpark.session();
    try {
      System.out.printf("streaming comparison: %s, local[2]; load average at start: %s%n", config,
          Machine.loadAverage());
      for (Result result : run(spark, config)) {
        System.out.println(result.toTables());
      }
      System.out.printf("load average at end: %s%n", Machine.loadAverage());
    } finally {
      spark.stop();
    }
  }
}
