package io.hashtagstreams.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Runs a streaming result in append mode with {@code Trigger.AvailableNow()} into a sink that only counts rows, and
 * waits for it: how the streaming harnesses run each operator.
 *
 * @param query the finished query (its {@code recentProgress()} holds the batches)
 * @param rowsWritten rows the result wrote
 */
public record AvailableNowQuery(StreamingQuery query, long rowsWritten) {

  /**
   * Runs {@code result} to the end of its input.
   *
   * @param result a streaming Dataset valid in append mode
   * @param name the query's name, also in the timeout message
   * @param checkpoint a fresh checkpoint directory
   * @param timeout how long it may take
   * @return the finished query and its row count
   * @throws IllegalStateException when it does not finish within {@code timeout}
   */
  public static AvailableNowQuery run(Dataset<Row> result, String name, Path checkpoint, Duration timeout)
      throws TimeoutException, StreamingQueryException {
    AtomicLong written = new AtomicLong();
    StreamingQuery query = result.writeStream()
        .queryName(name)
        .outputMode("append")
        .option("checkpointLocation", checkpoint.toString())
        .trigger(Trigger.AvailableNow())
        .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, id) -> written.addAndGet(batch.count()))
        .start();
    try {
      if (!query.awaitTermination(timeout.toMillis())) {
        throw new IllegalStateException(name + " did not finish within " + timeout);
      }
    } finally {
      query.stop();
    }
    return new AvailableNowQuery(query, written.get());
  }
}
