package io.hashtagstreams.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.hashtagstreams.kafka.replay.ReplayInputException;
import io.hashtagstreams.kafka.replay.ReplayProgress;
import io.hashtagstreams.kafka.replay.ReplaySendException;
import io.hashtagstreams.kafka.replay.Replayer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Replays tweet archives into a Kafka topic with {@link Replayer}: the Internet Archive's
 * {@code archiveteam-twitter-stream-2016-07} tar as downloaded, extracted directories, single {@code .json},
 * {@code .gz} or {@code .bz2} files and globs. This class only parses the options and prints progress.
 *
 * <p>Run it:
 * <pre>
 * mvn -B -ntp -Pdemo -DskipTests -pl examples -am package -Ddemo.args="replay \
 *     --input archiveteam-twitter-stream-2016-07.tar --bootstrap-servers broker:9092 --topic tweets --speed 60"
 * </pre>
 * Standard error gets a progress line every {@code --progress} (records, MB, records/s, percent and ETA, the file
 * or tar entry) and a summary. Exit codes: 0 when everything was sent and acknowledged, 1 for an unreadable input
 * (the message names the file, tar entry and line), a broker that does not answer, a missing topic (unless
 * {@code --create-topic}) or a send failure (the message says which {@code --skip} resumes), 2 for a command line
 * that cannot be run.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = AppVersion.class, sortOptions = false,
    abbreviateSynopsis = true, usageHelpWidth = 100, synopsisHeading = "usage: ", descriptionHeading = "%n",
    optionListHeading = "%noptions:%n",
    description = "replay tweet archives (JSON lines, .gz, .bz2, .tar, directories, globs) into a Kafka topic")
public final class ReplayCommand implements Callable<Integer> {

  @ParentCommand
  private HashtagStreamsApp app;

  @Spec
  private CommandSpec spec;

  @Option(names = "--input", paramLabel = "PATH", arity = "1..*", converter = OptionConverters.NonBlank.class,
      description = "files, directories (recursively, in path order) and globs to replay, in this order (required)")
  List<String> inputs;

  @Option(names = "--bootstrap-servers", paramLabel = "h:p[,h:p]", converter = OptionConverters.BootstrapServers.class,
      description = "the Kafka cluster (required)")
  String bootstrapServers;

  @Option(names = "--topic", paramLabel = "NAME", converter = OptionConverters.NonBlank.class,
      description = "the topic to write to (required)")
  String topic;

  @Option(names = "--rate", paramLabel = "N", converter = OptionConverters.PositiveInt.class,
      description = "at most N records per second (default: as fast as the brokers accept)")
  Integer rate;

  @Option(names = "--speed", paramLabel = "X", converter = OptionConverters.PositiveDouble.class,
      description = "reproduce the gaps of event time (timestamp_ms, else created_at) X times faster")
  Double speed;

  @Option(names = "--limit", paramLabel = "N", converter = OptionConverters.PositiveLong.class,
      description = "stop after N records")
  Long limit;

  @Option(names = "--skip", paramLabel = "N", converter = OptionConverters.NonNegativeLong.class,
      description = "skip the first N records (empty lines not counted), e.g. to resume a failed run")
  Long skip;

  @Option(names = "--loop", arity = "0", preprocessor = OptionConverters.Flag.class,
      description = "start over at the end of the inputs (until --limit or Ctrl-C)")
  boolean loop;

  @Option(names = "--create-topic", paramLabel = "PARTITIONS", converter = OptionConverters.PositiveInt.class,
      description = "create the topic with this many partitions when it does not exist (default: fail)")
  Integer createTopic;

  @Option(names = "--kafka-timeout", paramLabel = "D", converter = DurationConverter.class,
      description = "how long to wait for the brokers and the topic before failing (default 30s)")
  Duration kafkaTimeout;

  @Option(names = "--kafka-config", paramLabel = "FILE",
      description = "a properties file of Kafka client settings (security.protocol, sasl.*, ssl.*) for the producer")
  Path kafkaConfig;

  @Option(names = "--progress", paramLabel = "D", converter = DurationConverter.class,
      description = "interval of the progress lines on standard error (default 5s)")
  Duration progress;

  /** Runs {@code replay} as if {@code HashtagStreamsApp replay args...} had been called. */
  public static void main(String[] args) {
    HashtagStreamsApp.main(HashtagStreamsApp.prepend("replay", args));
  }

  /**
   * Builds the replayer from the options.
   *
   * @param err where progress lines go
   * @return the replayer
   * @throws ParameterException when a required option is missing, or the {@code --kafka-config} file cannot be
   *     read or sets a key the app owns
   */
  Replayer replayer(PrintStream err) {
    for (Object[] required : new Object[][] {{"--input PATH...", inputs}, {"--bootstrap-servers h:p", bootstrapServers},
        {"--topic NAME", topic}}) {
      if (required[1] == null) {
        throw new ParameterException(spec.commandLine(), "replay needs " + required[0]);
      }
    }
    Replayer.Builder builder = Replayer.builder().bootstrapServers(bootstrapServers).topic(topic).inputs(inputs)
        .loop(loop)
        .failFastTimeout(kafkaTimeout != null ? kafkaTimeout : CommonOptions.DEFAULT_KAFKA_TIMEOUT)
        .progressInterval(progress != null ? progress : Duration.ofSeconds(5))
        .progressListener(report -> err.println(ReplayLines.format("[replay]", report)));
    if (rate != null) {
      builder.rate(rate);
    }
    if (speed != null) {
      builder.speed(speed);
    }
    if (limit != null) {
      builder.limit(limit);
    }
    if (skip != null) {
      builder.skip(skip);
    }
    if (createTopic != null) {
      builder.createTopic(createTopic);
    }
    if (kafkaConfig != null) {
      try {
        KafkaClientConfig.load(kafkaConfig).applyTo(builder::option);
      } catch (UsageException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    return builder.build();
  }

  @Override
  public Integer call() {
    PrintStream err = app.err();
    Replayer replayer = replayer(err);
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      err.println("[replay] stopping ...");
      replayer.stop();
      try {
        done.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "replay-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      ReplayProgress summary = replayer.run();
      return summary.finished() ? HashtagStreamsApp.OK : HashtagStreamsApp.FAILED;
    } catch (ReplaySendException e) {
      err.println("error: " + CliHints.forCommandLine(e.getMessage()));
      return HashtagStreamsApp.FAILED;
    } catch (ReplayInputException | IllegalStateException e) {
      err.println("error: " + CliHints.forCommandLine(e.getMessage()));
      return HashtagStreamsApp.FAILED;
    } finally {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and waits for done.
      }
    }
  }
}
