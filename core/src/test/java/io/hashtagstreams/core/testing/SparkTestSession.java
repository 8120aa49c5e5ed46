package io.hashtagstreams.core.testing;

import org.apache.spark.sql.SparkSession;

import io.hashtagstreams.core.checkpoint.LocalCheckpoints;

/**
 * The one SparkSession every test in a JVM shares: {@code local[2]}, 2 shuffle partitions, UTC, no UI, loopback
 * only, checkpoints written as {@link LocalCheckpoints} sets them up (as the app does). Surefire forks one JVM per module and reuses it, so the start-up cost (2-3 s) is paid once per module.
 */
public final class SparkTestSession {

  private static SparkSession session;

  private SparkTestSession() {
  }

  /** The shared session, created on first use. */
  public static synchronized SparkSession get() {
    if (session == null) {
      session = LocalCheckpoints.configure(SparkSession.builder())
          .appName("hashtag-streams-tests")
          .master("local[2]")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.streaming.forceDeleteTempCheckpointLocation", "true")
          .config("spark.sql.adaptive.enabled", "false")
          .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
