package io.hashtagstreams.core.testing;

/**
 * What tests expect of the Spark line they run on (3.5), where Spark itself differs between lines: names and
 * messages read from that line's Spark jars. One copy of this class per line, in
 * {@code core/src/test/spark-<line>/java}.
 */
public final class SparkLine {

  /** The class name of Spark's {@code FileSystemBasedCheckpointFileManager}. */
  public static final String CHECKPOINT_FILE_MANAGER = "org.apache.spark.sql.execution.streaming.FileSystemBasedCheckpointFileManager";

  /** What Spark says when a query without a streaming aggregation is started in complete mode. */
  public static final String COMPLETE_MODE_WITHOUT_AGGREGATION = "Complete output mode not supported when there are no streaming aggregations";

  private SparkLine() {
  }
}
