package io.hashtagstreams.core.checkpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

import scala.Tuple2;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.testing.MemoryInput;

/**
 * The program {@link LocalCheckpointsTest} runs in a JVM of its own with an empty {@code PATH}: a stateful
 * {@code windowedCounts} query over four steps with its checkpoint on the local disk, with the session set up
 * by {@link LocalCheckpoints} ({@code forkless}) or as Spark's default ({@code stock}). Prints each step's output
 * rows, sorted, as {@code step window-start topic count}, then {@code done}; writes {@link #QUERY_STOPPED} to
 * stderr before it stops Spark.
 */
public final class CheckpointChild {

  /** The line written to stderr once the query has stopped, before Spark stops. */
  static final String QUERY_STOPPED = "checkpoint-child: query stopped";

  private CheckpointChild() {
  }

  public static void main(String[] args) throws Exception {
    SparkSession.Builder builder = SparkSession.builder()
        .master("local[2]")
        .appName("checkpoint-child")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        // Purge old log entries and write state snapshots within the run, so that deleting and snapshotting
        // checkpoint files are exercised too (the maintenance thread's errors are logged, not thrown: the test
        // reads stderr).
        .config("spark.sql.streaming.minBatchesToRetain", "2")
        .config("spark.sql.streaming.stateStore.minDeltasForSnapshot", "2")
        .config("spark.sql.streaming.stateStore.maintenanceInterval", "100ms");
    if (args[0].equals("forkless")) {
      LocalCheckpoints.configure(builder);
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      MemoryInput<Tuple2<Timestamp, String>> source =
          MemoryInput.create(spark, Encoders.tuple(Encoders.TIMESTAMP(), Encoders.STRING()));
      Dataset<Row> counts = source.toDF().toDF("event_time", "topic")
          .transform(HashtagOps.windowedCounts(Duration.ofMinutes(1)));
      List<String> rows = Collections.synchronizedList(new ArrayList<>());
      Path checkpoint = Files.createTempDirectory(Path.of(args[1]), "checkpoint-");
      StreamingQuery query = counts.writeStream()
          .outputMode("update")
          .option("checkpointLocation", checkpoint.toString())
          .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, id) -> {
            for (Row row : batch.collectAsList()) {
              rows.add(row.getStruct(0).getTimestamp(0).toInstant() + " " + row.getString(1) + " " + row.getLong(2));
            }
          })
          .start();
      step(1, source, query, rows, "2016-07-29T12:00:10Z rio", "2016-07-29T12:00:20Z rio",
          "2016-07-29T12:01:05Z tokyo");
      step(2, source, query, rows, "2016-07-29T12:00:30Z rio", "2016-07-29T12:03:00Z rio");
      step(3, source, query, rows, "2016-07-29T12:04:00Z tokyo");
      step(4, source, query, rows, "2016-07-29T12:04:10Z tokyo", "2016-07-29T12:05:30Z rio");
      query.stop();
      System.out.println("done");
      // Stopping Spark deletes its block manager's scratch directories with `rm -rf` (falling back to Java): not a
      // checkpoint's doing, so the test reads stderr only up to this line.
      System.err.println(QUERY_STOPPED);
      System.err.flush();
    } finally {
      spark.stop();
    }
  }

  private static void step(int step, MemoryInput<Tuple2<Timestamp, String>> source, StreamingQuery query,
      List<String> rows, String... events) {
    List<Tuple2<Timestamp, String>> data = new ArrayList<>();
    for (String event : events) {
      int space = event.indexOf(' ');
      data.add(new Tuple2<>(Timestamp.from(java.time.Instant.parse(event.substring(0, space))),
          event.substring(space + 1)));
    }
    source.addData(data);
    query.processAllAvailable();
    List<String> sorted = new ArrayList<>(rows);
    rows.clear();
    Collections.sort(sorted);
    sorted.forEach(row -> System.out.println(step + " " + row));
  }
}
