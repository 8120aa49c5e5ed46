package io.hashtagstreams.benchmarks.streaming;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * One timed read of the whole topic by one {@link TopicReader}.
 *
 * @param reader what read the topic
 * @param rows records (tweets) read; equal to the topic's size for a complete run
 * @param busySeconds time spent in micro-batches (sum of {@code durationMs.triggerExecution}); for the plain
 *     consumer and the batch read, the wall time of the read
 * @param wallSeconds from start to end, query start-up included
 * @param batches micro-batches with input (1 for the consumer and the batch read)
 * @param meanPartsMillis per {@code durationMs} part, its mean over the batches with input
 * @param stateRows state rows after the last batch (0 without state)
 * @param stateBytes state memory after the last batch
 * @param stateCommitMillis state-store commit time summed over all batches
 */
public record ReadMeasurement(TopicReader reader, long rows, double busySeconds, double wallSeconds, int batches,
    Map<String, Double> meanPartsMillis, long stateRows, long stateBytes, long stateCommitMillis) {

  /** Records per second of busy time: the throughput the tables quote. */
  public double rowsPerSecond() {
    return busySeconds == 0 ? Double.NaN : rows / busySeconds;
  }

  /** A measurement of a query from the progress of its batches that had input. */
  static ReadMeasurement fromProgress(TopicReader reader, List<StreamingQueryProgress> batches, double wallSeconds) {
    long rows = 0;
    long busyMillis = 0;
    Map<String, Double> parts = new TreeMap<>();
    long commitMillis = 0;
    for (StreamingQueryProgress batch : batches) {
      rows += batch.numInputRows();
      busyMillis += batch.durationMs().get("triggerExecution");
      batch.durationMs().forEach((part, millis) -> parts.merge(part, (double) millis, Double::sum));
      for (StateOperatorProgress state : batch.stateOperators()) {
        commitMillis += state.commitTimeMs();
      }
    }
    parts.replaceAll((part, total) -> total / Math.max(1, batches.size()));
    long stateRows = 0;
    long stateBytes = 0;
    if (!batches.isEmpty()) {
      for (StateOperatorProgress state : batches.get(batches.size() - 1).stateOperators()) {
        stateRows += state.numRowsTotal();
        stateBytes += state.memoryUsedBytes();
      }
    }
    return new ReadMeasurement(reader, rows, busyMillis / 1000.0, wallSeconds, batches.size(), parts, stateRows,
        stateBytes, commitMillis);
  }

  /** A measurement of a read without micro-batches. */
  static ReadMeasurement timed(TopicReader reader, long rows, double seconds) {
    return new ReadMeasurement(reader, rows, seconds, seconds, 1, Map.of(), 0, 0, 0);
  }
}
