package io.hashtagstreams.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;

/**
 * Remembers why a run's Spark application may have ended from outside, so that a failed run names the cause instead
 * of only the error it left in the query (often "RpcEnv has been stopped" or an internal planning error): what the
 * cluster manager said when it removed the application (Spark only logs it, as an error of its scheduler backend,
 * e.g. {@code Master removed our application: KILLED}), and every executor lost with its reason.
 *
 * <pre>{@code
 * ClusterWatch watch = ClusterWatch.attach(spark.sparkContext());
 * ...
 * watch.causes(spark.sparkContext()).forEach(line -> err.println("error: " + line));
 * watch.close();
 * }</pre>
 */
final class ClusterWatch extends SparkListener implements AutoCloseable {

  private static final String APPENDER = "hashtag-streams-cluster-watch";
  private static final String SCHEDULER_BACKENDS = "org.apache.spark.scheduler.cluster.";

  private final List<String> lostExecutors = new CopyOnWriteArrayList<>();
  private final List<String> clusterErrors = new CopyOnWriteArrayList<>();
  private Runnable detach = () -> { };

  private ClusterWatch() {
  }

  /** Starts watching the application of {@code context}. */
  static ClusterWatch attach(SparkContext context) {
    ClusterWatch watch = new ClusterWatch();
    context.addSparkListener(watch);
    watch.detach = watch.listenToSchedulerErrors();
    return watch;
  }

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
    lostExecutors.add("executor " + removed.executorId() + ": " + removed.reason());
  }

  /** Records an error of a scheduler backend, as the log capture does; also the seam for tests. */
  void schedulerError(String message) {
    clusterErrors.add(message);
  }

  /**
   * The lines that explain an ended application: what the cluster manager said, that the SparkContext stopped, and
   * the executors lost; empty when none of these happened.
   */
  List<String> causes(SparkContext context) {
    List<String> causes = new ArrayList<>();
    if (!clusterErrors.isEmpty()) {
      causes.add("the cluster ended the Spark application: " + String.join("; ", clusterErrors));
    } else if (context != null && context.isStopped()) {
      causes.add("the Spark application stopped while the query ran (its SparkContext is stopped)");
    }
    if (!lostExecutors.isEmpty()) {
      causes.add("lost executors: " + lostExecutors.size() + " (" + String.join("; ", lostExecutors) + ")");
    }
    return causes;
  }

  /** Stops capturing scheduler errors; never throws. */
  @Override
  public void close() {
    try {
      detach.run();
    } catch (RuntimeException | LinkageError e) {
      // Logging is being shut down with the JVM; nothing to undo.
    }
  }

  // Spark's scheduler backends report a removed application only to their log; listen there (Log4j 2 is Spark's
  // logging backend). Without Log4j 2 core the watch still reports stopped contexts and lost executors.
  private Runnable listenToSchedulerErrors() {
    try {
      if (!(LogManager.getContext(false) instanceof LoggerContext)) {
        return () -> { };
      }
      LoggerContext logging = (LoggerContext) LogManager.getContext(false);
      AbstractAppender appender = new AbstractAppender(APPENDER, null, null, true, Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
          if (event.getLevel().isMoreSpecificThan(Level.ERROR) && event.getLoggerName() != null
              && event.getLoggerName().startsWith(SCHEDULER_BACKENDS)) {
            schedulerError(event.getMessage().getFormattedMessage());
          }
        }
      };
      appender.start();
      logging.getConfiguration().addAppender(appender);
      logging.getConfiguration().getRootLogger().addAppender(appender, Level.ERROR, null);
      logging.updateLoggers();
      return () -> {
        logging.getConfiguration().getRootLogger().removeAppender(APPENDER);
        logging.updateLoggers();
        appender.stop();
      };
    } catch (RuntimeException | LinkageError e) {
      return () -> { };
    }
  }
}
