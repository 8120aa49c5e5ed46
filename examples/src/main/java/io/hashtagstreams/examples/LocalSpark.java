package io.hashtagstreams.examples;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The app's SparkSession. Under {@code spark-submit} (a master is configured) it takes the cluster's and the user's
 * settings as they are ({@code --name}, {@code spark.log.level} or the cluster's log4j2 configuration, shuffle
 * partitions) and only fixes the session time zone to UTC; run directly it is a laptop session.
 *
 * <pre>{@code
 * SparkSession spark = LocalSpark.session();
 * }</pre>
 */
public final class LocalSpark {

  static final String APP_NAME = "hashtag-streams-examples";

  private LocalSpark() {
  }

  /**
   * Gets or creates the session: {@code local[2]}, 2 shuffle partitions, UTC, no UI, loopback only, Spark's own
   * logging at WARN, unless a master was configured: then only UTC is set, and the application name only when
   * none was given.
   *
   * @return the session
   */
  public static SparkSession session() {
    SparkConf submitted = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder();
    settings(submitted).forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    if (quietLogs(submitted)) {
      spark.sparkContext().setLogLevel("WARN");
    }
    return spark;
  }

  /** What the app sets on top of the submitted configuration (spark-submit's, or none when run directly). */
  static Map<String, String> settings(SparkConf submitted) {
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
      settings.put("spark.ui.enabled", "false");
      // Streaming queries turn adaptive execution off anyway (and warn about it).
      settings.put("spark.sql.adaptive.enabled", "false");
      settings.put("spark.driver.host", "127.0.0.1");
      settings.put("spark.driver.bindAddress", "127.0.0.1");
      // The run's checkpoints live in a temporary directory the app removes; nothing to keep.
      settings.put("spark.sql.streaming.forceDeleteTempCheckpointLocation", "true");
    }
    return settings;
  }

  /** Whether the app turns Spark's logging down to WARN: only for a laptop run that did not ask for a level. */
  static boolean quietLogs(SparkConf submitted) {
    return !submitted.contains("spark.master") && !submitted.contains("spark.log.level");
  }
}
