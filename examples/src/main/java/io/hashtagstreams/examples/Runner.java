package io.hashtagstreams.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;

import io.hashtagstreams.core.EndOfInput;

/**
 * Runs one configured subcommand from start to clean end: work directory, Kafka (embedded or given), session,
 * progress printer, query; then waits for {@code --duration}, the query's own end or Ctrl-C, and undoes everything
 * in reverse order, whatever happened.
 *
 * @param <C> the subcommand's configuration
 */
final class Runner<C extends Subcommand.RunConfig> {

  private final Subcommand<C> command;
  private final C config;
  private final PrintStream out;
  private final PrintStream err;
  private final CountDownLatch cleanedUp = new CountDownLatch(1);
  private volatile SparkSession spark;
  private volatile ClusterWatch watch;
  private volatile RunTotals totals;
  private volatile boolean interrupted;

  Runner(Subcommand<C> command, C config, PrintStream out, PrintStream err) {
    this.command = command;
    this.config = config;
    this.out = out;
    this.err = err;
  }

  int run() {
    CommonConfig common = config.common();
    Thread hook = new Thread(this::onCtrlC, "hashtag-streams-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    // Spark's own threads (the query's stream thread among them) may die after the application was ended from
    // outside; one line each, not a stack trace after the error that already named the cause.
    Thread.UncaughtExceptionHandler previousHandler = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
        err.println("warning: Spark thread '" + thread.getName() + "' ended with: " + rootCause(error)));
    Path workDir = null;
    KafkaEnvironment kafka = null;
    ProgressPrinter progress = null;
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    try {
      workDir = Files.createTempDirectory("hashtag-streams-");
      kafka = KafkaEnvironment.open(common, DeadLetterQuery.withTopic(command.outputTopics(config), common), err);
      spark = LocalSpark.session(common.ui());
      if (ownSession) {
        LocalSpark.uiAnnouncement(spark, common.ui()).ifPresent(err::println);
      }
      watch = ClusterWatch.attach(spark.sparkContext());
      progress = new ProgressPrinter(out);
      spark.streams().addListener(progress);
      totals = new RunTotals(command.name());
      spark.streams().addListener(totals);
      boolean finiteInput = FiniteInput.applies(common, kafka);
      if (finiteInput && !FiniteInput.replayFirst(kafka, common, err)) {
        return HashtagStreamsApp.FAILED;
      }
      QueryContext context = new QueryContext(spark, kafka.bootstrapServers(), workDir, out,
          common.kafkaClient());
      Optional<StreamingQuery> query = command.start(context, config);
      Optional<StreamingQuery> deadLetters =
          query.isPresent() ? DeadLetterQuery.start(context, common, command.name()) : Optional.empty();
      if (query.isPresent()) {
        if (!finiteInput) {
          kafka.startFeeding(common.replaysInput() || common.ingestsLive() ? null : TweetFeed.create(common));
        }
        boolean ended = query.get().awaitTermination(common.duration().toMillis());
        if (!ended) {
          finishCurrentBatch(query.get());
        }
        totals.catchUp(query.get().recentProgress());
        if (ended && deadLetters.isPresent()) {
          // available-now: the dead letters of the same input are written by the time the run ends
          deadLetters.get().awaitTermination(common.duration().toMillis());
        }
        if (ended && finiteInput && !interrupted) {
          command.printLeftOpenWindows(context, config, EndOfInput.lastWatermark(query.get()));
        }
        String how = interrupted ? " stopped (Ctrl-C)"
            : ended ? " finished" : " ran for " + DurationConverter.format(common.duration());
        err.println("[app] " + command.name() + how
            + (kafka.embedded() ? "; " + kafka.produced() + (common.replaysInput() ? " records replayed"
                : common.ingestsLive() ? " live posts ingested" : " tweets produced") : "") + "; " + totals.describe());
      }
      if (kafka.producerFailure() != null) {
        err.println("error: " + (common.replaysInput() ? "replaying --input"
            : common.ingestsLive() ? "ingesting --live " + common.live().network() : "the tweet producer")
            + " failed: " + kafka.producerFailure().getMessage());
        return HashtagStreamsApp.FAILED;
      }
      return HashtagStreamsApp.OK;
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      return HashtagStreamsApp.USAGE;
    } catch (StreamingQueryException e) {
      if (interrupted) {
        return HashtagStreamsApp.OK;
      }
      reportFailure("query " + command.name(), e);
      return HashtagStreamsApp.FAILED;
    } catch (IOException e) {
      err.println("error: cannot create a work directory: " + e.getMessage());
      return HashtagStreamsApp.FAILED;
    } catch (RuntimeException e) {
      if (interrupted) {
        return HashtagStreamsApp.OK;
      }
      reportFailure(command.name(), e);
      return HashtagStreamsApp.FAILED;
    } finally {
      cleanUp(kafka, progress, workDir, ownSession);
      Thread.setDefaultUncaughtExceptionHandler(previousHandler);
      cleanedUp.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and waits for cleanedUp.
      }
    }
  }

  /**
   * Names why the run failed: when the cluster ended the application (or executors were lost), that cause first,
   * then the query's own error, which is then only its consequence.
   */
  private void reportFailure(String what, Exception e) {
    SparkSession session = spark;
    List<String> causes = watch == null ? List.of() : watch.causes(session == null ? null : session.sparkContext());
    if (causes.isEmpty()) {
      err.println("error: " + what + " failed: " + CliHints.forCommandLine(rootCause(e)));
      return;
    }
    err.println("error: " + what + " failed: " + causes.get(0));
    for (String cause : causes.subList(1, causes.size())) {
      err.println("error: " + cause);
    }
    err.println("error: the query's own error (a consequence): " + rootCause(e));
  }

  // Never throws: after the cluster ended the application, every call into the session may fail
  // ("RpcEnv has been stopped"), and the exit code and message are already decided.
  private void cleanUp(KafkaEnvironment kafka, ProgressPrinter progress, Path workDir, boolean ownSession) {
    SparkSession session = spark;
    if (session != null) {
      stopQueries(session);
      quietly(() -> {
        if (progress != null) {
          session.streams().removeListener(progress);
        }
        if (totals != null) {
          session.streams().removeListener(totals);
        }
      });
      quietly(() -> session.sparkContext().removeSparkListener(watch));
      if (ownSession) {
        quietly(session::stop);
      }
    }
    if (watch != null) {
      watch.close();
    }
    if (kafka != null) {
      try {
        kafka.close();
      } catch (RuntimeException e) {
        err.println("warning: closing Kafka: " + rootCause(e));
      }
    }
    if (workDir != null) {
      deleteRecursively(workDir);
    }
  }

  private static void stopQueries(SparkSession session) {
    StreamingQuery[] active;
    try {
      active = session.streams().active();
    } catch (RuntimeException e) {
      return;
    }
    for (StreamingQuery query : active) {
      try {
        query.stop();
      } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
        // Stopping is best effort here; the session or JVM ends next.
      }
    }
  }

  private static void quietly(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      // See cleanUp.
    }
  }

  /**
   * Waits (at most 15 s) for a running micro-batch to end, so that stopping does not interrupt its tasks: the
   * tables of that batch still print and Spark logs no interrupted tasks.
   */
  private static void finishCurrentBatch(StreamingQuery query) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    try {
      while (query.isActive() && query.status().isTriggerActive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The session is gone; there is no batch left to wait for.
    }
  }

  private void onCtrlC() {
    interrupted = true;
    err.println("[app] stopping " + command.name() + " ...");
    SparkSession session = spark;
    if (session != null) {
      stopQueries(session);
    }
    try {
      cleanedUp.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // Leave what cannot be removed; it is in the temporary directory.
    }
  }

  static String rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause == error ? String.valueOf(error.getMessage())
        : error.getMessage() + " (caused by " + cause + ")";
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
