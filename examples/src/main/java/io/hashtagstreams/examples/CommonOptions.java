package io.hashtagstreams.examples;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.hashtagstreams.core.PostFormat;
import io.hashtagstreams.kafka.ingest.IngestSource;

import picocli.CommandLine.Option;

/**
 * The options every subcommand shares, as a picocli mixin; {@link #toConfig} turns them into a {@link CommonConfig}
 * (see there for their meaning and defaults).
 *
 * <pre>
 * &#64;Mixin
 * CommonOptions common;
 * ...
 * CommonConfig config = common.toConfig(20);   // --rows defaults to 20 here
 * </pre>
 *
 * <p>Options whose default depends on the subcommand ({@code --rows}, {@code --duration}) or whose mere presence
 * matters (the embedded-only ones, refused with {@code --bootstrap-servers}) stay null when absent.
 */
public final class CommonOptions {

  /** How long a run lasts unless the subcommand or {@code --duration} says otherwise. */
  public static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
  static final int DEFAULT_RATE = 2000;
  static final int DEFAULT_SPEEDUP = 10;
  static final long DEFAULT_SEED = 42L;
  static final int DEFAULT_PARTITIONS = 2;
  /** How long the check that the brokers answer and the topics exist waits by default. */
  public static final Duration DEFAULT_KAFKA_TIMEOUT = Duration.ofSeconds(30);

  @Option(names = "--bootstrap-servers", paramLabel = "h:p[,h:p]", converter = OptionConverters.BootstrapServers.class,
      description = "a Kafka cluster (default: start an embedded broker and feed it)")
  String bootstrapServers;

  @Option(names = "--topic", paramLabel = "NAME", defaultValue = "tweets", converter = OptionConverters.NonBlank.class,
      description = "input topic (default ${DEFAULT-VALUE})")
  String topic;

  @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
      description = "stop after D, e.g. 30s, 2m (default 60s, raw: 20s; Ctrl-C also stops cleanly)")
  Duration duration;

  @Option(names = "--trigger", paramLabel = "D|available-now", defaultValue = "5s",
      converter = OptionConverters.TriggerInterval.class,
      description = "micro-batch interval (default ${DEFAULT-VALUE}); available-now: what is in the topic, then stop")
  Duration triggerInterval;

  @Option(names = "--rows", paramLabel = "N", converter = OptionConverters.PositiveInt.class,
      description = "rows printed per batch, untruncated (default 20, raw: 5, top: 3 x --k if more)")
  Integer rows;

  @Option(names = "--from-beginning", arity = "0", preprocessor = OptionConverters.Flag.class,
      description = "read from the earliest offsets (always on for the embedded broker)")
  boolean fromBeginning;

  @Option(names = "--rate", paramLabel = "N", converter = OptionConverters.PositiveInt.class,
      description = "embedded: tweets per second (default " + DEFAULT_RATE + ")")
  Integer rate;

  @Option(names = "--speedup", paramLabel = "N", converter = OptionConverters.PositiveInt.class,
      description = "embedded: event time runs N times the wall clock (default " + DEFAULT_SPEEDUP + ")")
  Integer speedup;

  @Option(names = "--seed", paramLabel = "N", converter = OptionConverters.WholeLong.class,
      description = "embedded: generator seed (default " + DEFAULT_SEED + ")")
  Long seed;

  @Option(names = "--format", paramLabel = "NAME", converter = OptionConverters.GeneratorFormats.class,
      description = "embedded: the generator's post format, twitter, x, bluesky, mastodon or mixed (default twitter)")
  List<PostFormat> formats;

  @Option(names = "--partitions", paramLabel = "N", converter = OptionConverters.PositiveInt.class,
      description = "embedded: input topic partitions (default " + DEFAULT_PARTITIONS + ")")
  Integer partitions;

  @Option(names = "--max-offsets-per-trigger", paramLabel = "N", converter = OptionConverters.PositiveInt.class,
      description = "at most N input records per micro-batch (default: no limit; embedded: two trigger intervals'"
          + " worth)")
  Integer maxOffsetsPerTrigger;

  @Option(names = "--dead-letter-topic", paramLabel = "NAME", converter = OptionConverters.NonBlank.class,
      description = "write every rejected input record to this topic, its reason in a header (embedded: created)")
  String deadLetterTopic;

  @Option(names = "--no-ui", arity = "0", preprocessor = OptionConverters.Flag.class,
      description = "local runs: no Spark UI (default: on at 127.0.0.1, its address printed at start)")
  boolean noUi;

  @Option(names = "--input", paramLabel = "PATH", arity = "1..*", converter = OptionConverters.NonBlank.class,
      description = "embedded: feed the broker from these tweet files (JSON lines, .gz, .bz2, .tar, directories,"
          + " globs) instead of the generator, paced by --rate or --speed")
  List<String> inputs;

  @Option(names = "--speed", paramLabel = "X", converter = OptionConverters.PositiveDouble.class,
      description = "embedded with --input: replay the tweets' event time X times faster (default: pace by --rate)")
  Double speed;

  @Option(names = "--kafka-timeout", paramLabel = "D", converter = DurationConverter.class,
      description = "how long to wait for the brokers and topics before failing (default 30s)")
  Duration kafkaTimeout;

  @Option(names = "--kafka-config", paramLabel = "FILE",
      description = "with --bootstrap-servers: a properties file of Kafka client settings (security.protocol,"
          + " sasl.*, ssl.*) for every Kafka client of the run")
  Path kafkaConfig;

  @Option(names = "--live", paramLabel = "NETWORK", converter = OptionConverters.NonBlank.class,
      description = "embedded: feed the broker from a live network (jetstream, mastodon, x) instead of the generator")
  String live;

  @Option(names = "--live-url", paramLabel = "URL", converter = OptionConverters.NonBlank.class,
      description = "with --live: the stream (default: the network's public endpoint; mastodon: the instance)")
  String liveUrl;

  @Option(names = "--token-env", paramLabel = "VAR", converter = OptionConverters.NonBlank.class,
      description = "with --live: the environment variable holding the token (default MASTODON_TOKEN,"
          + " X_BEARER_TOKEN)")
  String tokenEnv;

  @Option(names = "--token-file", paramLabel = "PATH",
      description = "with --live: a file whose first line is the token")
  Path tokenFile;

  /**
   * The shared options with the default {@code --duration} (60 s).
   *
   * @param defaultRows the subcommand's default for {@code --rows}
   * @return the options
   * @throws UsageException for an embedded-only option together with {@code --bootstrap-servers}
   */
  public CommonConfig toConfig(int defaultRows) {
    return toConfig(defaultRows, DEFAULT_DURATION);
  }

  /**
   * The shared options with the subcommand's defaults filled in.
   *
   * @param defaultRows the subcommand's default for {@code --rows}
   * @param defaultDuration the subcommand's default for {@code --duration}
   * @return the options
   * @throws UsageException for an embedded-only option together with {@code --bootstrap-servers}, or a
   *     {@code --kafka-config} file that cannot be read or sets a key the app owns ({@link KafkaClientConfig#load})
   */
  public CommonConfig toConfig(int defaultRows, Duration defaultDuration) {
    if (bootstrapServers != null) {
      Map<String, Object> embeddedOnly = new LinkedHashMap<>();
      embeddedOnly.put("--rate", rate);
      embeddedOnly.put("--speedup", speedup);
      embeddedOnly.put("--seed", seed);
      embeddedOnly.put("--format", formats);
      embeddedOnly.put("--partitions", partitions);
      embeddedOnly.put("--input", inputs);
      embeddedOnly.put("--speed", speed);
      embeddedOnly.put("--live", live);
      embeddedOnly.forEach((option, value) -> {
        if (value != null) {
          throw new UsageException(option + " applies only to the embedded broker, not with --bootstrap-servers "
              + bootstrapServers);
        }
      });
    }
    if (bootstrapServers == null && kafkaConfig != null) {
      throw new UsageException("--kafka-config applies only with --bootstrap-servers (the embedded broker takes no"
          + " client settings)");
    }
    if (inputs == null && speed != null) {
      throw new UsageException("--speed paces the replay of --input files; the generator's clock is --speedup");
    }
    if (inputs != null && (seed != null || speedup != null || formats != null)) {
      throw new UsageException((seed != null ? "--seed" : speedup != null ? "--speedup" : "--format")
          + " applies to the generator, not with --input");
    }
    IngestSource liveSource = liveSource();
    // With --input and --speed alone, event time paces the replay and no rate caps it (0).
    int effectiveRate = rate != null ? rate : inputs != null && speed != null ? 0 : DEFAULT_RATE;
    return new CommonConfig(bootstrapServers, topic,
        duration != null ? duration : defaultDuration,
        triggerInterval,
        rows != null ? rows : defaultRows,
        bootstrapServers == null || fromBeginning,
        effectiveRate,
        speedup != null ? speedup : DEFAULT_SPEEDUP,
        seed != null ? seed : DEFAULT_SEED,
        partitions != null ? partitions : DEFAULT_PARTITIONS,
        maxOffsetsPerTrigger != null ? maxOffsetsPerTrigger : 0L,
        !noUi,
        inputs == null ? List.of() : List.copyOf(inputs),
        speed,
        kafkaTimeout != null ? kafkaTimeout : DEFAULT_KAFKA_TIMEOUT,
        deadLetterTopic,
        liveSource,
        formats != null ? formats : List.of(PostFormat.TWITTER_V1),
        kafkaConfig == null ? KafkaClientConfig.NONE : KafkaClientConfig.load(kafkaConfig));
  }

  private IngestSource liveSource() {
    if (live == null) {
      if (liveUrl != null || tokenEnv != null || tokenFile != null) {
        throw new UsageException((liveUrl != null ? "--live-url" : tokenEnv != null ? "--token-env" : "--token-file")
            + " applies only with --live NETWORK");
      }
      return null;
    }
    Map<String, Object> generatorOnly = new LinkedHashMap<>();
    generatorOnly.put("--input", inputs);
    generatorOnly.put("--rate", rate);
    generatorOnly.put("--speedup", speedup);
    generatorOnly.put("--seed", seed);
    generatorOnly.put("--format", formats);
    generatorOnly.forEach((option, value) -> {
      if (value != null) {
        throw new UsageException(option + " does not apply with --live " + live + " (the network sets the pace)");
      }
    });
    URI url;
    try {
      url = liveUrl == null ? null : URI.create(liveUrl);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--live-url '" + liveUrl + "' is not a URL");
    }
    return LiveSources.create(live, url, tokenEnv, tokenFile, System.getenv());
  }
}
