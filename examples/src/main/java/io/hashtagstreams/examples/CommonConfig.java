package io.hashtagstreams.examples;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.hashtagstreams.core.PostFormat;

import org.apache.spark.sql.streaming.Trigger;

import io.hashtagstreams.kafka.ingest.IngestSource;

/**
 * The options every subcommand shares: where the tweets come from, how long to run and how much to print.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code --bootstrap-servers host:port[,host:port]}</td><td>none: an embedded broker</td>
 *       <td>a real Kafka cluster; then nothing is produced, the query only reads</td></tr>
 *   <tr><td>{@code --topic name}</td><td>{@code tweets}</td><td>the input topic (one tweet JSON per record)</td></tr>
 *   <tr><td>{@code --duration d}</td><td>{@code 60s}</td><td>the run stops by itself after this long</td></tr>
 *   <tr><td>{@code --trigger d|available-now}</td><td>{@code 5s}</td><td>micro-batch interval, or process
 *       what is in the topic now and stop</td></tr>
 *   <tr><td>{@code --rows n}</td><td>{@code 20}</td><td>rows printed per batch (untruncated)</td></tr>
 *   <tr><td>{@code --from-beginning}</td><td>on for the embedded broker</td><td>read the topic from its earliest
 *       offsets instead of the latest</td></tr>
 *   <tr><td>{@code --rate n}</td><td>{@code 2000}</td><td>embedded only: generated tweets per second</td></tr>
 *   <tr><td>{@code --speedup n}</td><td>{@code 10}</td><td>embedded only: event time runs n times faster than
 *       the wall clock, so one-minute windows close every 6 s</td></tr>
 *   <tr><td>{@code --seed n}</td><td>{@code 42}</td><td>embedded only: the generator's seed</td></tr>
 *   <tr><td>{@code --partitions n}</td><td>{@code 2}</td><td>embedded only: partitions of the input
 *       topic</td></tr>
 *   <tr><td>{@code --max-offsets-per-trigger n}</td><td>none (embedded: two trigger intervals' worth)</td>
 *       <td>at most n input records per micro-batch (Spark's {@code maxOffsetsPerTrigger}); with
 *       {@code available-now} the backlog is split into batches of this size</td></tr>
 *   <tr><td>{@code --no-ui}</td><td>UI on</td><td>local runs: no Spark UI (otherwise on 127.0.0.1, its address
 *       printed at start)</td></tr>
 *   <tr><td>{@code --input path...}</td><td>none: the generator</td><td>embedded only: feed the input topic from
 *       these tweet files (JSON lines, {@code .gz}, {@code .bz2}, {@code .tar}, directories, globs)</td></tr>
 *   <tr><td>{@code --speed x}</td><td>none</td><td>with {@code --input}: replay event time x times faster (then
 *       {@code --rate} caps only when given)</td></tr>
 *   <tr><td>{@code --dead-letter-topic name}</td><td>none</td><td>write every rejected input record there, with
 *       its reason in a header (created on the embedded broker; must exist on a given cluster)</td></tr>
 *   <tr><td>{@code --live network}</td><td>none: the generator</td><td>embedded only: feed the input topic
 *       from {@code jetstream}, {@code mastodon} or {@code x} ({@code --live-url}, {@code --token-env},
 *       {@code --token-file} as for {@code ingest})</td></tr>
 *   <tr><td>{@code --kafka-config file}</td><td>none</td><td>with {@code --bootstrap-servers}: Kafka client
 *       settings (a properties file) for every Kafka client of the run; see {@link KafkaClientConfig}</td></tr>
 *   <tr><td>{@code --kafka-timeout d}</td><td>{@code 30s}</td><td>how long to wait for the brokers and topics
 *       before failing</td></tr>
 * </table>
 *
 * <p>The command line fills it through the {@link CommonOptions} mixin:
 * <pre>{@code
 * CommonConfig common = new CountsCommand().config("--rows", "5", "--duration", "30s").common();
 * }</pre>
 *
 * @param bootstrapServers the cluster, or null for the embedded broker
 * @param topic the input topic
 * @param duration how long the run lasts at most
 * @param triggerInterval the micro-batch interval, or null for {@link Trigger#AvailableNow()}
 * @param rows how many rows to print per batch
 * @param fromBeginning whether to read the topic from the earliest offsets
 * @param rate embedded only: tweets per second; 0 with {@code --input} and {@code --speed} alone (no cap)
 * @param speedup embedded only: event-time seconds per wall-clock second
 * @param seed embedded only: the generator seed
 * @param partitions embedded only: partitions of the input topic
 * @param maxOffsetsPerTrigger at most this many input records per micro-batch, or 0 for the default
 * @param ui whether a local run serves the Spark UI (false with {@code --no-ui})
 * @param inputs embedded only: tweet files to replay instead of the generator; empty for the generator
 * @param speed with {@code inputs}: the event-time speed-up, or null to pace by {@code rate} only
 * @param kafkaTimeout how long the fail-fast check of the Kafka source and sink waits
 * @param deadLetterTopic where rejected input records are written, or null for nowhere (they are still counted)
 * @param live embedded only: the live network that feeds the input topic instead of the generator
 *     ({@code --live}), or null
 * @param formats embedded only: the formats the generator writes ({@code --format}), one or all four
 * @param kafkaClient the Kafka client settings of {@code --kafka-config}, {@link KafkaClientConfig#NONE} without
 */
public record CommonConfig(String bootstrapServers, String topic, Duration duration, Duration triggerInterval,
    int rows, boolean fromBeginning, int rate, int speedup, long seed, int partitions, long maxOffsetsPerTrigger,
    boolean ui, List<String> inputs, Double speed, Duration kafkaTimeout, String deadLetterTopic, IngestSource live,
    List<PostFormat> formats, KafkaClientConfig kafkaClient) {

  /** Checks the values; see the class comment for their meaning. */
  public CommonConfig {
    kafkaClient = kafkaClient == null ? KafkaClientConfig.NONE : kafkaClient;
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(duration, "duration");
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    Objects.requireNonNull(kafkaTimeout, "kafkaTimeout");
    formats = formats == null || formats.isEmpty() ? List.of(PostFormat.TWITTER_V1) : List.copyOf(formats);
  }

  /** The options without a dead-letter topic, a live source or generator formats; see the class comment. */
  public CommonConfig(String bootstrapServers, String topic, Duration duration, Duration triggerInterval, int rows,
      boolean fromBeginning, int rate, int speedup, long seed, int partitions, long maxOffsetsPerTrigger, boolean ui,
      List<String> inputs, Double speed, Duration kafkaTimeout) {
    this(bootstrapServers, topic, duration, triggerInterval, rows, fromBeginning, rate, speedup, seed, partitions,
        maxOffsetsPerTrigger, ui, inputs, speed, kafkaTimeout, null, null, null, KafkaClientConfig.NONE);
  }

  /** The options without Kafka client settings; see the class comment. */
  public CommonConfig(String bootstrapServers, String topic, Duration duration, Duration triggerInterval, int rows,
      boolean fromBeginning, int rate, int speedup, long seed, int partitions, long maxOffsetsPerTrigger, boolean ui,
      List<String> inputs, Double speed, Duration kafkaTimeout, String deadLetterTopic, IngestSource live,
      List<PostFormat> formats) {
    this(bootstrapServers, topic, duration, triggerInterval, rows, fromBeginning, rate, speedup, seed, partitions,
        maxOffsetsPerTrigger, ui, inputs, speed, kafkaTimeout, deadLetterTopic, live, formats, KafkaClientConfig.NONE);
  }

  /** Whether the embedded broker is fed from {@link #inputs()} rather than the generator. */
  public boolean replaysInput() {
    return !inputs.isEmpty();
  }

  /** Whether the embedded broker is fed from a live network ({@code --live}). */
  public boolean ingestsLive() {
    return live != null;
  }

  /** Whether the run starts its own broker and feeds it. */
  public boolean embedded() {
    return bootstrapServers == null;
  }

  /** The Spark trigger: processing time at {@link #triggerInterval()}, or available-now. */
  public Trigger trigger() {
    return triggerInterval == null ? Trigger.AvailableNow() : Trigger.ProcessingTime(triggerInterval.toMillis());
  }

  /** {@code earliest} or {@code latest}, for the Kafka source's {@code startingOffsets}. */
  public String startingOffsets() {
    return fromBeginning ? "earliest" : "latest";
  }
}
