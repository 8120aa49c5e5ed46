package io.hashtagstreams.examples;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The app's SparkSession. Under {@code spark-submit} (a master is configured) it takes the cluster's settings as
 * they are and only fixes the session time zone to UTC; run directly it is a laptop session.
 *
 * <pre>{@code
 * SparkSession spark = LocalSpark.session();
 * }</pre>
 */
public final class LocalSpark {

  private LocalSpark() {
  }

  /**
   * Gets or creates the session: {@code local[2]}, 2 shuffle partitions, UTC, no UI, loopback only, Spark's own
   * logging at WARN, unless a master was configured (then only UTC and WARN are set).
   *
   * @return the session
   */
  public static SparkSession session() {
    SparkSession.Builder builder = SparkSession.builder()
        .appName("hashtag-streams-examples")
        // Windows print in UTC whatever the machine's zone, so the tables match the tweets' created_at.
        .config("spark.sql.session.timeZone", "UTC");
    if (!new SparkConf().contains("spark.master")) {
      builder.master("local[2]")
          // Every stateful micro-batch runs one task per shuffle partition; Spark's default of 200 tiny tasks on
          // two cores turns a 1 s batch into tens of seconds. The number is then fixed in each query's checkpoint.
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.ui.enabled", "false")
          // Streaming queries turn adaptive execution off anyway (and warn about it).
          .config("spark.sql.adaptive.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          // The run's checkpoints live in a temporary directory the app removes; nothing to keep.
          .config("spark.sql.streaming.forceDeleteTempCheckpointLocation", "true");
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
