package io.hashtagstreams.core.testing;

/**
 * What tests expect of the Spark line they run on (4), where Spark itself differs between lines: names and
 * messages read from that line's Spark jars. One copy of this class per line, in
 * {@code core/src/test/spark-<line>/java}.
 */
public final class SparkLine {

  /** The class name of Spark's {@code FileSystemBasedCheckpointFileManager}. */
  public static final String CHECKPOINT_FILE_MANAGER = "org.apache.spark.sql.execution.streaming.checkpointing.FileSystemBasedCheckpointFileManager";

  /** What Spark says when a query without a streaming aggregation is started in complete mode. */
  public static final String COMPLETE_MODE_WITHOUT_AGGREGATION =
      "Invalid streaming output mode: complete. This output mode is not supported for no streaming aggregations";

  private SparkLine() {
  }
}
