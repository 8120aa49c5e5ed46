package io.hashtagstreams.benchmarks;

import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession every benchmark and harness uses: {@code local[2]}, 2 shuffle partitions, UTC, no UI, loopback
 * only, adaptive execution off (so both pipelines run the same fixed plan shape).
 */
public final class BenchSpark {

  private BenchSpark() {
  }

  /** Gets or creates the shared session. */
  public static SparkSession session() {
    SparkSession spark = SparkSession.builder()
        .appName("hashtag-streams-benchmarks")
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.sql.streaming.forceDeleteTempCheckpointLocation", "true")
        .config("spark.sql.streaming.numRecentProgressUpdates", "10000")
        // Spark keeps a Kafka producer cached for 10 minutes after its query; the harnesses stop their broker right
        // after, and the cached producer would keep reconnecting (and logging) until then. Closed after 1 s idle.
        .config("spark.kafka.producer.cache.timeout", "1s")
        .config("spark.kafka.producer.cache.evictorThreadRunInterval", "1s")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
