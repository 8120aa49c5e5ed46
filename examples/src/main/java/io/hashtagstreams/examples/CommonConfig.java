package io.hashtagstreams.examples;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import org.apache.spark.sql.streaming.Trigger;

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
 * </table>
 *
 * <pre>{@code
 * CommonConfig common = CommonConfig.from(Args.parse("raw", words,
 *     CommonConfig.VALUE_OPTIONS, CommonConfig.FLAG_OPTIONS), 20);
 * }</pre>
 *
 * @param bootstrapServers the cluster, or null for the embedded broker
 * @param topic the input topic
 * @param duration how long the run lasts at most
 * @param triggerInterval the micro-batch interval, or null for {@link Trigger#AvailableNow()}
 * @param rows how many rows to print per batch
 * @param fromBeginning whether to read the topic from the earliest offsets
 * @param rate embedded only: tweets per second
 * @param speedup embedded only: event-time seconds per wall-clock second
 * @param seed embedded only: the generator seed
 * @param partitions embedded only: partitions of the input topic
 * @param maxOffsetsPerTrigger at most this many input records per micro-batch, or 0 for the default
 */
public record CommonConfig(String bootstrapServers, String topic, Duration duration, Duration triggerInterval,
    int rows, boolean fromBeginning, int rate, int speedup, long seed, int partitions, long maxOffsetsPerTrigger) {

  /** The shared options that take a value. */
  public static final Set<String> VALUE_OPTIONS = Set.of("--bootstrap-servers", "--topic", "--duration",
      "--trigger", "--rows", "--rate", "--speedup", "--seed", "--partitions", "--max-offsets-per-trigger");
  /** The shared flags. */
  public static final Set<String> FLAG_OPTIONS = Set.of("--from-beginning");

  private static final Set<String> EMBEDDED_ONLY = Set.of("--rate", "--speedup", "--seed", "--partitions");

  /** The usage lines of the shared options. */
  public static final String USAGE = String.join(System.lineSeparator(),
      "  --bootstrap-servers h:p[,h:p]  a Kafka cluster (default: start an embedded broker and feed it)",
      "  --topic NAME                   input topic (default tweets)",
      "  --duration D                   stop after D, e.g. 30s, 2m (default 60s; Ctrl-C also stops cleanly)",
      "  --trigger D|available-now      micro-batch interval (default 5s)",
      "  --rows N                       rows printed per batch, untruncated (default 20)",
      "  --from-beginning               read from the earliest offsets (always on for the embedded broker)",
      "  --rate N                       embedded: tweets per second (default 2000)",
      "  --speedup N                    embedded: event time runs N times the wall clock (default 10)",
      "  --seed N                       embedded: generator seed (default 42)",
      "  --partitions N                 embedded: input topic partitions (default 2)",
      "  --max-offsets-per-trigger N    at most N input records per micro-batch (default: no limit; embedded:",
      "                                 two trigger intervals' worth)");

  /** Checks the values; see the class comment for their meaning. */
  public CommonConfig {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(duration, "duration");
  }

  /**
   * Reads the shared options.
   *
   * @param args the parsed command line
   * @param defaultRows the subcommand's default for {@code --rows}
   * @return the options
   * @throws UsageException for a malformed value, or an embedded-only option together with
   *     {@code --bootstrap-servers}
   */
  public static CommonConfig from(Args args, int defaultRows) {
    String servers = args.text("--bootstrap-servers", null);
    if (servers != null) {
      validateServers(servers);
      for (String option : EMBEDDED_ONLY) {
        if (args.has(option)) {
          throw new UsageException(option + " applies only to the embedded broker, not with --bootstrap-servers "
              + servers);
        }
      }
    }
    String trigger = args.text("--trigger", "5s");
    Duration interval = "available-now".equals(trigger) ? null : Durations.parse("--trigger", trigger);
    return new CommonConfig(servers,
        args.text("--topic", "tweets"),
        args.duration("--duration", Duration.ofSeconds(60)),
        interval,
        args.positiveInt("--rows", defaultRows),
        servers == null || args.flag("--from-beginning"),
        args.positiveInt("--rate", 2000),
        args.positiveInt("--speedup", 10),
        args.anyLong("--seed", 42L),
        args.positiveInt("--partitions", 2),
        args.has("--max-offsets-per-trigger") ? args.positiveInt("--max-offsets-per-trigger", 1) : 0L);
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

  private static void validateServers(String servers) {
    for (String server : servers.split(",", -1)) {
      int colon = server.lastIndexOf(':');
      boolean ok = colon > 0 && colon < server.length() - 1;
      if (ok) {
        try {
          int port = Integer.parseInt(server.substring(colon + 1));
          ok = port > 0 && port < 65536;
        } catch (NumberFormatException e) {
          ok = false;
        }
      }
      if (!ok) {
        throw new UsageException("--bootstrap-servers must be host:port[,host:port...], got '" + servers + "'");
      }
    }
  }
}
