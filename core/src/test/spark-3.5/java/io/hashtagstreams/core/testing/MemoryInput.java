package io.hashtagstreams.core.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.MemoryStream;

import scala.Option;
import scala.collection.JavaConverters;

/**
 * A streaming source fed from the test: Spark's own {@code MemoryStream}, whose package and constructor differ by
 * Spark line (Spark 3.5: {@code ...execution.streaming}, constructed with an {@code SQLContext}). One copy of this class per line, in {@code core/src/test/spark-<line>/java}, so the
 * tests themselves stay the same on every line.
 *
 * @param <T> the rows' type
 */
@SuppressWarnings("deprecation") // JavaConverters: the one converter name that both Scala 2.12 and 2.13 have
public final class MemoryInput<T> {

  private static final AtomicInteger IDS = new AtomicInteger(1_000);

  private final MemoryStream<T> stream;

  private MemoryInput(MemoryStream<T> stream) {
    this.stream = stream;
  }

  /** A source with Spark's default number of partitions. */
  public static <T> MemoryInput<T> create(SparkSession spark, Encoder<T> encoder) {
    return new MemoryInput<>(new MemoryStream<>(IDS.incrementAndGet(), spark.sqlContext(), Option.empty(), encoder));
  }

  /** A source whose batches have {@code partitions} partitions. */
  public static <T> MemoryInput<T> create(SparkSession spark, Encoder<T> encoder, int partitions) {
    return new MemoryInput<>(new MemoryStream<>(IDS.incrementAndGet(), spark.sqlContext(), Option.apply(partitions), encoder));
  }

  /** The source as a streaming DataFrame. */
  public Dataset<Row> toDF() {
    return stream.toDF();
  }

  /** The source as a streaming Dataset. */
  public Dataset<T> toDS() {
    return stream.toDS();
  }

  /** Adds {@code rows} as the next batch of the source. */
  public void addData(List<T> rows) {
    stream.addData(JavaConverters.asScalaBufferConverter(rows).asScala());
  }
}
