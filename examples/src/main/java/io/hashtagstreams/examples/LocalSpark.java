package io.hashtagstreams.examples;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import io.hashtagstreams.core.checkpoint.LocalCheckpoints;

/**
 * The app's SparkSession. Under {@code spark-submit} (a master is configured) it takes the cluster's and the user's
 * settings as they are ({@code --name}, {@code spark.log.level} or the cluster's log4j2 configuration, shuffle
 * partitions) and only fixes the session time zone to UTC; run directly it is a laptop session, whose checkpoints
 * are written as {@link LocalCheckpoints} sets them up.
 *
 * <p>A laptop session serves the Spark UI (its Structured Streaming tab charts input rate, processing rate and batch
 * duration) on 127.0.0.1 only. Spark binds the UI to the address in the environment variable
 * {@code SPARK_LOCAL_IP}, and to every interface when it is unset, so the UI stays off unless that variable names a
 * loopback address ({@code bin/hashtag-streams}, the demo profile and the tests set 127.0.0.1). A
 * {@code spark.ui.enabled} or {@code spark.ui.port} system property ({@code -Dspark.ui.enabled=false}) is respected.
 *
 * <pre>{@code
 * SparkSession spark = LocalSpark.session(true);
 * LocalSpark.uiAnnouncement(spark, true).ifPresent(System.err::println);   // Spark UI: http://127.0.0.1:4040
 * }</pre>
 */
public final class LocalSpark {

  static final String APP_NAME = "hashtag-streams-examples";

  private LocalSpark() {
  }

  /**
   * Gets or creates the session without a Spark UI; see {@link #session(boolean)}.
   *
   * @return the session
   */
  public static SparkSession session() {
    return session(false);
  }

  /**
   * Gets or creates the session: {@code local[2]}, 2 shuffle partitions, UTC, loopback only, Spark's own logging at
   * WARN, unless a master was configured: then only UTC is set, and the application name only when none was given.
   * A session that is already running is returned as it is, UI or not.
   *
   * @param ui whether a new local session serves the Spark UI (on 127.0.0.1, see the class comment)
   * @return the session
   */
  public static SparkSession session(boolean ui) {
    // Settings given to a builder while a session runs are ignored with a warning; the tests' shared session is one.
    if (SparkSession.getDefaultSession().isDefined()) {
      return SparkSession.getDefaultSession().get();
    }
    SparkConf submitted = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder();
    settings(submitted, ui).forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    if (quietLogs(submitted)) {
      spark.sparkContext().setLogLevel("WARN");
    }
    return spark;
  }

  /**
   * What the app sets on top of the submitted configuration (spark-submit's, or none when run directly).
   *
   * @param submitted the configuration Spark was given
   * @param ui whether a local run should serve the UI
   * @return the settings to add, in order
   */
  static Map<String, String> settings(SparkConf submitted, boolean ui) {
    Map<String, String> settings = new LinkedHashMap<>();
    // Windows print in UTC whatever the machine's zone, so the tables match the tweets' created_at.
    settings.put("spark.sql.session.timeZone", "UTC");
    if (!submitted.contains("spark.app.name")) {
      settings.put("spark.app.name", APP_NAME);
    }
    if (!submitted.contains("spark.master")) {
      settings.put("spark.master", "local[2]");
      // Every stateful micro-batch runs one task per shuffle partition; Spark's default of 200 tiny tasks on
      // two cores turns a 1 s batch into tens of seconds. The number is then fixed in each query's checkpoint.
      settings.put("spark.sql.shuffle.partitions", "2");
      settings.put("spark.ui.enabled", String.valueOf(ui && uiStaysLocal()
          && submitted.getBoolean("spark.ui.enabled", true)));
      // Streaming queries turn adaptive execution off anyway (and warn about it).
      settings.put("spark.sql.adaptive.enabled", "false");
      settings.put("spark.driver.host", "127.0.0.1");
      settings.put("spark.driver.bindAddress", "127.0.0.1");
      // The run's checkpoints live in a temporary directory the app removes; nothing to keep.
      settings.put("spark.sql.streaming.forceDeleteTempCheckpointLocation", "true");
      // Without this, Hadoop starts a chmod or readlink process for each checkpoint file: ~45 ms per micro-batch.
      settings.putAll(LocalCheckpoints.settings());
    }
    return settings;
  }

  /** Whether the app turns Spark's logging down to WARN: only for a laptop run that did not ask for a level. */
  static boolean quietLogs(SparkConf submitted) {
    return !submitted.contains("spark.master") && !submitted.contains("spark.log.level");
  }

  /**
   * The line that tells where the Spark UI is: {@code Spark UI: http://127.0.0.1:4040} with the port Spark actually
   * bound (it tries the next one when 4040 is taken); when the UI was wanted but left off because
   * {@code SPARK_LOCAL_IP} is not a loopback address, the reason; otherwise nothing.
   *
   * @param spark the session
   * @param wanted whether the UI was asked for
   * @return the line, without a line separator
   */
  public static Optional<String> uiAnnouncement(SparkSession spark, boolean wanted) {
    if (spark.sparkContext().uiWebUrl().isDefined()) {
      return Optional.of("Spark UI: " + spark.sparkContext().uiWebUrl().get());
    }
    if (wanted && spark.sparkContext().isLocal() && !uiStaysLocal()) {
      return Optional.of("Spark UI off: it would listen on every network interface; run with SPARK_LOCAL_IP=127.0.0.1"
          + " to have it on http://127.0.0.1:4040");
    }
    return Optional.empty();
  }

  /** Whether Spark would bind the UI to a loopback address (it binds to SPARK_LOCAL_IP, or to 0.0.0.0). */
  private static boolean uiStaysLocal() {
    String address = System.getenv("SPARK_LOCAL_IP");
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      return InetAddress.getByName(address.trim()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
