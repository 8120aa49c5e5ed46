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
 * @param sparkCpuSeconds CPU time of the Spark JVM during the read (all its threads, GC included)
 * @param brokerCpuSeconds CPU time of the broker's process during the read; NaN when the broker runs in the
 *     Spark JVM (its CPU is then part of {@code sparkCpuSeconds})
 * @param cpu where the Spark JVM's CPU went during the read
 */
public record ReadMeasurement(TopicReader reader, long rows, double busySeconds, double wallSeconds, int batches,
    Map<String, Double> meanPartsMillis, long stateRows, long stateBytes, long stateCommitMillis,
    double sparkCpuSeconds, double brokerCpuSeconds, CpuSplit cpu) {

  /**
   * Where a JVM's CPU went over an interval.
   *
   * @param taskThreadSeconds CPU time of Spark's task threads ({@code Executor task launch worker})
   * @param gcMillis time the collectors report spent collecting ({@code GarbageCollectorMXBean})
   * @param jitMillis time the JIT compilers report spent compiling ({@code CompilationMXBean})
   * @param codegenCompilations classes Spark's code generator compiled with Janino (cache misses)
   */
  public record CpuSplit(double taskThreadSeconds, long gcMillis, long jitMillis, long codegenCompilations) {

    static final CpuSplit NONE = new CpuSplit(Double.NaN, 0, 0, 0);

    /** The split of this JVM so far. */
    static CpuSplit now() {
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long taskNanos = 0;
      for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (info != null && info.getThreadName().startsWith("Executor task launch worker")) {
          taskNanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
        }
      }
      long gc = 0;
      for (var collector : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
        gc += Math.max(0, collector.getCollectionTime());
      }
      long jit = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      long compilations = org.apache.spark.metrics.source.CodegenMetrics.METRIC_COMPILATION_TIME().getCount();
      return new CpuSplit(taskNanos / 1e9, gc, jit, compilations);
    }

    /** This split minus an earlier one. */
    CpuSplit since(CpuSplit before) {
      return new CpuSplit(taskThreadSeconds - before.taskThreadSeconds, gcMillis - before.gcMillis,
          jitMillis - before.jitMillis, codegenCompilations - before.codegenCompilations);
    }
  }

  /** This measurement with the CPU times of the read. */
  ReadMeasurement withCpu(double sparkCpu, double brokerCpu, CpuSplit split) {
    return new ReadMeasurement(reader, rows, busySeconds, wallSeconds, batches, meanPartsMillis, stateRows,
        stateBytes, stateCommitMillis, sparkCpu, brokerCpu, split);
  }

  /** Cores kept busy on average from start to end of the read, by Spark and the broker together. */
  public double coresBusy() {
    return (sparkCpuSeconds + (Double.isNaN(brokerCpuSeconds) ? 0 : brokerCpuSeconds)) / wallSeconds;
  }

  /** CPU microseconds per record, Spark JVM and broker process together. */
  public double cpuMicrosPerRecord() {
    return (sparkCpuSeconds + (Double.isNaN(brokerCpuSeconds) ? 0 : brokerCpuSeconds)) * 1e6 / rows;
  }

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
        stateBytes, commitMillis, Double.NaN, Double.NaN, CpuSplit.NONE);
  }

  /** A measurement of a read without micro-batches. */
  static ReadMeasurement timed(TopicReader reader, long rows, double seconds) {
    return new ReadMeasurement(reader, rows, seconds, seconds, 1, Map.of(), 0, 0, 0, Double.NaN, Double.NaN, CpuSplit.NONE);
  }
}
