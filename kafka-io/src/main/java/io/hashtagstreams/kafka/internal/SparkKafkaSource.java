package io.hashtagstreams.kafka.internal;

/**
 * What the Kafka source on the classpath (Spark's {@code spark-sql-kafka-0-10}) supports, found by looking at it
 * rather than by comparing version numbers: the options it knows are constants of its
 * {@code org.apache.spark.sql.kafka010.KafkaSourceProvider} object. Spark 4.0 added
 * {@code MAX_RECORDS_PER_PARTITION_OPTION_KEY} ({@code maxRecordsPerPartition}); Spark 3.5's source has no such key
 * and ignores unknown options.
 */
public final class SparkKafkaSource {

  private static final String PROVIDER = "org.apache.spark.sql.kafka010.KafkaSourceProvider$";

  private SparkKafkaSource() {
  }

  /** Whether the Kafka source knows the {@code maxRecordsPerPartition} option. */
  public static boolean hasMaxRecordsPerPartition() {
    try {
      Class.forName(PROVIDER, false, SparkKafkaSource.class.getClassLoader())
          .getMethod("MAX_RECORDS_PER_PARTITION_OPTION_KEY");
      return true;
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      return false;
    }
  }

  /** The version of Spark on the classpath, as Spark reports it ({@code org.apache.spark.SPARK_VERSION}). */
  public static String sparkVersion() {
    return org.apache.spark.package$.MODULE$.SPARK_VERSION();
  }
}
