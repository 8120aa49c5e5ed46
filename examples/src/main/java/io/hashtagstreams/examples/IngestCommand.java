package io.hashtagstreams.examples;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.hashtagstreams.kafka.ingest.IngestException;
import io.hashtagstreams.kafka.ingest.IngestProgress;
import io.hashtagstreams.kafka.ingest.IngestSource;
import io.hashtagstreams.kafka.ingest.Ingester;
import io.hashtagstreams.kafka.testing.EmbeddedKafka;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Writes a live network's posts into a Kafka topic with {@link Ingester}: Bluesky's Jetstream, a Mastodon
 * instance's public stream, or X API v2's filtered stream. This class only parses the options and prints progress;
 * {@link LiveSources} says which token each network needs and where it comes from (an environment variable or a
 * file, never the command line).
 *
 * <p>Run it:
 * <pre>
 * bin/hashtag-streams ingest jetstream --bootstrap-servers broker:9092 --topic bluesky --create-topic 3
 * MASTODON_TOKEN=... bin/hashtag-streams ingest mastodon --url https://mastodon.social --topic mastodon
 * bin/hashtag-streams ingest x --token-file ~/.x-bearer --bootstrap-servers broker:9092 --topic x
 * </pre>
 * Without {@code --bootstrap-servers} the posts go to an embedded broker (removed at exit), to try a stream out.
 * Standard error gets a progress line every {@code --progress} (posts, posts/s, MB, event-time lag, reconnects,
 * malformed, skipped, queue) and a summary. Runs until {@code --duration} or Ctrl-C, then sends what was read and
 * waits for the acknowledgements. Exit codes: 0 after a clean stop, 1 when the endpoint refused the token or does
 * not exist, cannot be reached within {@code --kafka-timeout} (the message names the endpoint, never the token),
 * Kafka does not answer or refuses a record, 2 for a command line that cannot be run (unknown network, no token).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, versionProvider = AppVersion.class, sortOptions = false,
    abbreviateSynopsis = true, usageHelpWidth = 100, synopsisHeading = "usage: ", descriptionHeading = "%n",
    optionListHeading = "%noptions:%n",
    description = "write a live stream (Bluesky Jetstream, Mastodon, X API v2) into a Kafka topic, resumable")
public final class IngestCommand implements Callable<Integer> {

  @ParentCommand
  private HashtagStreamsApp app;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NETWORK", description = "jetstream, mastodon or x")
  String network;

  @Option(names = "--url", paramLabel = "URL", converter = OptionConverters.NonBlank.class,
      description = "the stream (jetstream: wss://jetstream2.us-east.bsky.network/subscribe; mastodon: the instance,"
          + " https://mastodon.social; x: https://api.x.com/2/tweets/search/stream)")
  String url;

  @Option(names = "--topic", paramLabel = "NAME", converter = OptionConverters.NonBlank.class,
      description = "the topic to write to (required)")
  String topic;

  @Option(names = "--bootstrap-servers", paramLabel = "h:p[,h:p]", converter = OptionConverters.BootstrapServers.class,
      description = "the Kafka cluster (default: an embedded broker, removed at exit)")
  String bootstrapServers;

  @Option(names = "--create-topic", paramLabel = "PARTITIONS", converter = OptionConverters.PositiveInt.class,
      description = "create the topic(s) with this many partitions when missing (default: fail)")
  Integer createTopic;

  @Option(names = "--dead-letter-topic", paramLabel = "NAME", converter = OptionConverters.NonBlank.class,
      description = "where malformed frames go (default: logged with their number and counted)")
  String deadLetterTopic;

  @Option(names = "--stream", paramLabel = "NAME", converter = OptionConverters.NonBlank.class,
      description = "mastodon: public (default), public:local or hashtag (with --tag)")
  String stream;

  @Option(names = "--tag", paramLabel = "TAG", converter = OptionConverters.NonBlank.class,
      description = "mastodon: the hashtag of --stream hashtag, without #")
  String tag;

  @Option(names = "--token-env", paramLabel = "VAR", converter = OptionConverters.NonBlank.class,
      description = "the environment variable holding the token (default MASTODON_TOKEN, X_BEARER_TOKEN)")
  String tokenEnv;

  @Option(names = "--token-file", paramLabel = "PATH", description = "a file whose first line is the token")
  Path tokenFile;

  @Option(names = "--kafka-timeout", paramLabel = "D", converter = DurationConverter.class,
      description = "how long to wait for Kafka, and for the endpoint before a first connection (default 30s)")
  Duration kafkaTimeout;

  @Option(names = "--kafka-config", paramLabel = "FILE",
      description = "with --bootstrap-servers: a properties file of Kafka client settings (security.protocol,"
          + " sasl.*, ssl.*) for the producer")
  Path kafkaConfig;

  @Option(names = "--progress", paramLabel = "D", converter = DurationConverter.class,
      description = "interval of the progress lines on standard error (default 5s)")
  Duration progress;

  @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
      description = "stop after D (default: until Ctrl-C)")
  Duration duration;

  /** Runs {@code ingest} as if {@code HashtagStreamsApp ingest args...} had been called. */
  public static void main(String[] args) {
    HashtagStreamsApp.main(HashtagStreamsApp.prepend("ingest", args));
  }

  /**
   * The source from the options and the given environment.
   *
   * @param environment the process environment
   * @return the source
   * @throws UsageException for an unknown network, a bad URL or a missing token
   */
  IngestSource source(Map<String, String> environment) {
    URI uri;
    try {
      uri = url == null ? null : URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--url '" + url + "' is not a URL");
    }
    return LiveSources.create(network, uri, tokenEnv, tokenFile, stream, tag, environment);
  }

  @Override
  public Integer call() {
    PrintStream err = app.err();
    if (topic == null) {
      throw new ParameterException(spec.commandLine(), "ingest needs --topic NAME");
    }
    IngestSource source;
    KafkaClientConfig kafkaClient;
    try {
      if (kafkaConfig != null && bootstrapServers == null) {
        throw new UsageException("--kafka-config applies only with --bootstrap-servers (the embedded broker takes"
            + " no client settings)");
      }
      kafkaClient = kafkaConfig == null ? KafkaClientConfig.NONE : KafkaClientConfig.load(kafkaConfig);
      source = source(System.getenv());
    } catch (UsageException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    EmbeddedKafka embedded = null;
    try {
      String servers = bootstrapServers;
      if (servers == null) {
        KafkaEnvironment.requireBrokerClasses(KafkaEnvironment.BROKER_CLASS);
        embedded = new EmbeddedKafka().start();
        servers = embedded.bootstrapServers();
        err.println("[ingest] no --bootstrap-servers: writing to an embedded broker at " + servers
            + " (removed at exit)");
      }
      Ingester.Builder builder = Ingester.builder().bootstrapServers(servers).topic(topic).source(source)
          .failFastTimeout(kafkaTimeout != null ? kafkaTimeout : CommonOptions.DEFAULT_KAFKA_TIMEOUT)
          .progressInterval(progress != null ? progress : Duration.ofSeconds(5))
          .progressListener(report -> err.println(IngestLines.format("[ingest]", report)));
      kafkaClient.applyTo(builder::option);
      if (createTopic != null || embedded != null) {
        builder.createTopic(createTopic != null ? createTopic : 1);
      }
      if (deadLetterTopic != null) {
        builder.deadLetterTopic(deadLetterTopic);
      }
      return run(builder.build(), source, err);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      return HashtagStreamsApp.USAGE;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private int run(Ingester ingester, IngestSource source, PrintStream err) {
    err.println("[ingest] " + source.network() + ": reading " + source.endpoint() + " into topic " + topic);
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      err.println("[ingest] stopping ...");
      ingester.stop();
      try {
        done.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "ingest-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    Thread timer = null;
    if (duration != null) {
      timer = new Thread(() -> {
        try {
          if (!done.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
            ingester.stop();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "ingest-duration");
      timer.setDaemon(true);
      timer.start();
    }
    try {
      IngestProgress summary = ingester.run();
      return summary.finished() ? HashtagStreamsApp.OK : HashtagStreamsApp.FAILED;
    } catch (IngestException | IllegalStateException e) {
      err.println("error: " + e.getMessage().replace("use createTopic(partitions)", "use --create-topic PARTITIONS"));
      return HashtagStreamsApp.FAILED;
    } finally {
      done.countDown();
      if (timer != null) {
        timer.interrupt();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and waits for done.
      }
    }
  }
}
