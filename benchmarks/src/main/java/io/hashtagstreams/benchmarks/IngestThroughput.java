package io.hashtagstreams.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.hashtagstreams.kafka.ingest.IngestProgress;
import io.hashtagstreams.kafka.ingest.Ingester;
import io.hashtagstreams.kafka.ingest.JetstreamSource;
import io.hashtagstreams.kafka.testing.EmbeddedKafka;
import io.hashtagstreams.kafka.testing.JetstreamTestServer;
import io.hashtagstreams.kafka.testing.KafkaBrokerProcess;
import io.hashtagstreams.kafka.testing.KafkaTestClients;
import io.hashtagstreams.kafka.testing.RecordedFrames;

/**
 * Speed of live ingest ({@link Ingester} with a {@link JetstreamSource}): a local Jetstream look-alike
 * ({@link JetstreamTestServer}, a WebSocket server in this JVM) sends post frames as fast as the bridge takes them,
 * and the bridge writes them into a 2-partition topic of a broker in its own process ({@link KafkaBrokerProcess},
 * as in production; {@code --broker=jvm} for an in-process one). Reported: posts/s and MB/s of frame bytes, from
 * {@code run()} to the last acknowledgement (start-up, the topic read-back and the final flush included), the best
 * of {@code --repeat} runs. Target on 2 cores: 20,000 posts/s, ten times Jetstream's whole-network peak.
 *
 * <p>Data: the two real {@code app.bsky.feed.post} frames of {@link RecordedFrames#jetstream()} (about 0.9 KB
 * each), taken in turn; each copy gets its own {@code time_us} (increasing by 1 us, the server's cursor order) and
 * its own {@code rkey} (a suffix), so every record has its own key. Everything else is byte for byte the recording.
 *
 * <p>Run (on an idle machine):
 * <pre>
 * mvn -B -ntp -o -pl benchmarks -am verify -Prun -DskipTests \
 *     -Dbench.main=io.hashtagstreams.benchmarks.IngestThroughput -Dbench.args="--posts=500000 --repeat=3"
 * </pre>
 */
public final class IngestThroughput {

  private static final String TOPIC = "bluesky";

  private IngestThroughput() {
  }

  /**
   * The harness settings.
   *
   * @param posts frames per run
   * @param repeat runs; the best is reported
   * @param broker {@code process} (default) or {@code jvm}
   */
  public record Config(int posts, int repeat, String broker) {

    /** Parses {@code --posts=N --repeat=N --broker=process|jvm}; throws naming a bad argument. */
    public static Config parse(String... args) {
      int posts = 200_000;
      int repeat = 1;
      String broker = "process";
      for (String arg : args) {
        if (arg.startsWith("--posts=")) {
          posts = HarnessArgs.atLeast(arg.substring("--posts=".length()), 1, arg);
        } else if (arg.startsWith("--repeat=")) {
          repeat = HarnessArgs.atLeast(arg.substring("--repeat=".length()), 1, arg);
        } else if (arg.equals("--broker=process") || arg.equals("--broker=jvm")) {
          broker = arg.substring("--broker=".length());
        } else {
          throw new IllegalArgumentException("unknown argument '" + arg
              + "'; known: --posts=N --repeat=N --broker=process|jvm");
        }
      }
      return new Config(posts, repeat, broker);
    }
  }

  /**
   * One run.
   *
   * @param seconds wall time of {@code run()}
   * @param posts posts acknowledged
   * @param bytes frame bytes acknowledged
   */
  public record Run(double seconds, long posts, long bytes) {

    /** Posts per second. */
    public double postsPerSecond() {
      return posts / seconds;
    }

    /** Megabytes (10^6) of frames per second. */
    public double megabytesPerSecond() {
      return bytes / 1e6 / seconds;
    }
  }

  /** Runs the harness and prints the table. */
  public static void main(String[] args) throws Exception {
    Config config = Config.parse(args);
    List<Run> runs = run(config);
    System.out.println(toTable(config, runs, Machine.loadAverage()));
  }

  /**
   * Starts the broker, then measures {@code repeat} runs, each into a new topic.
   *
   * @param config the settings
   * @return the runs, in order
   */
  public static List<Run> run(Config config) throws Exception {
    if (config.broker().equals("jvm")) {
      try (EmbeddedKafka kafka = new EmbeddedKafka()) {
        kafka.start();
        return runs(kafka.bootstrapServers(), config);
      }
    }
    Path work = Files.createTempDirectory("bench-ingest-broker-");
    try (KafkaBrokerProcess kafka = KafkaBrokerProcess.builder().workDirectory(work).maxHeap("1g").build().start()) {
      return runs(kafka.bootstrapServers(), config);
    }
  }

  private static List<Run> runs(String servers, Config config) throws InterruptedException {
    List<String> posts = RecordedFrames.jetstream().stream()
        .filter(frame -> frame.contains("\"collection\":\"app.bsky.feed.post\"")).toList();
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < config.repeat(); i++) {
      String topic = TOPIC + "-" + i;
      KafkaTestClients.createTopic(servers, topic, 2, Map.of());
      runs.add(once(servers, topic, posts, config.posts()));
    }
    return runs;
  }

  private static Run once(String servers, String topic, List<String> templates, int count) {
    long base = 1_800_000_000_000_000L;
    try (JetstreamTestServer server = JetstreamTestServer.start(count, index -> copy(templates, index, base))) {
      AtomicReference<Ingester> self = new AtomicReference<>();
      Ingester ingester = Ingester.builder().bootstrapServers(servers).topic(topic)
          .source(JetstreamSource.builder().endpoint(server.endpoint()).build())
          .progressInterval(Duration.ofMillis(50))
          .progressListener(progress -> {
            if (progress.acknowledged() >= count) {
              self.get().stop();
            }
          })
          .build();
      self.set(ingester);
      long start = System.nanoTime();
      IngestProgress done = ingester.run();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (done.acknowledged() != count || done.malformed() != 0) {
        throw new IllegalStateException("expected " + count + " posts acknowledged and none malformed, got "
            + done.acknowledged() + " and " + done.malformed());
      }
      return new Run(seconds, done.acknowledged(), done.bytes());
    }
  }

  /** The recorded post {@code index % n} with {@code time_us = base + index} and its rkey suffixed by the index. */
  static String copy(List<String> templates, int index, long base) {
    String frame = templates.get(index % templates.size());
    int time = frame.indexOf("\"time_us\":") + "\"time_us\":".length();
    int timeEnd = time;
    while (Character.isDigit(frame.charAt(timeEnd))) {
      timeEnd++;
    }
    int rkey = frame.indexOf("\"rkey\":\"") + "\"rkey\":\"".length();
    int rkeyEnd = frame.indexOf('"', rkey);
    return frame.substring(0, time) + (base + index) + frame.substring(timeEnd, rkeyEnd) + "-" + index
        + frame.substring(rkeyEnd);
  }

  /**
   * The runs as Markdown.
   *
   * @param config the settings
   * @param runs the measured runs
   * @param load the machine's load averages
   * @return the table text
   */
  public static String toTable(Config config, List<Run> runs, String load) {
    Table table = new Table("run", "seconds", "posts/s", "MB/s (frames)");
    int number = 1;
    for (Run run : runs) {
      table.row(Integer.toString(number++), Table.fixed(run.seconds(), 2), Table.count(run.postsPerSecond()),
          Table.fixed(run.megabytesPerSecond(), 1));
    }
    double best = runs.stream().mapToDouble(Run::postsPerSecond).max().orElse(0);
    return table + "\nposts per run: " + config.posts() + ", broker: " + config.broker() + ", best: "
        + Table.count(best) + " posts/s (target 20,000), load average (1/5/15 min) at the end: " + load + " on "
        + Runtime.getRuntime().availableProcessors() + " cores\n";
  }
}
