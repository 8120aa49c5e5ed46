package io.hashtagstreams.core.testing;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Test driver for a streaming query over rows of {@code event_time, topic}: a {@link MemoryInput} (Spark's {@code MemoryStream}) fed step by
 * step, a {@code foreachBatch} sink that records each micro-batch's rows, and {@code processAllAvailable()} after
 * each step (which also runs the no-data batch Spark starts when the watermark moved). Times are written
 * {@code "12:00:10 topic"} on {@link #DAY} in UTC.
 */
public final class TopicStream implements AutoCloseable {

  static final String DAY = "2016-07-29";
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private final MemoryInput<Tuple2<Timestamp, String>> source;
  private final List<List<Row>> batches = new CopyOnWriteArrayList<>();
  private int seen;
  private StreamingQuery query;
  private Function<Row, String> describe = TopicStream::describe;

  public TopicStream() {
    SparkSession spark = SparkTestSession.get();
    source = MemoryInput.create(spark, Encoders.tuple(Encoders.TIMESTAMP(), Encoders.STRING()));
  }

  /** The streaming input: {@code event_time} timestamp, {@code topic} string. */
  public Dataset<Row> input() {
    return source.toDF().toDF("event_time", "topic");
  }

  /** Starts {@code output} in {@code mode} with a foreachBatch sink and a checkpoint under {@code dir}. */
  public TopicStream start(Dataset<Row> output, OutputMode mode, Path dir) throws TimeoutException {
    query = output.writeStream()
        .queryName("q" + IDS.incrementAndGet())
        .outputMode(mode)
        .option("checkpointLocation", dir.resolve("checkpoint").toString())
        .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, id) -> batches.add(batch.collectAsList()))
        .start();
    return this;
  }

  /** Adds rows like {@code "12:00:10 rio"} as one micro-batch, runs until idle, returns the batches it caused. */
  public List<List<String>> send(String... rows) {
    List<Tuple2<Timestamp, String>> data = new ArrayList<>();
    for (String row : rows) {
      int space = row.indexOf(' ');
      data.add(new Tuple2<>(at(row.substring(0, space)), row.substring(space + 1)));
    }
    source.addData(data);
    query.processAllAvailable();
    return drain();
  }

  private List<List<String>> drain() {
    List<List<String>> caused = new ArrayList<>();
    for (List<Row> batch : batches.subList(seen, batches.size())) {
      List<String> described = new ArrayList<>();
      batch.forEach(row -> described.add(describe.apply(row)));
      caused.add(described);
    }
    seen = batches.size();
    return caused;
  }

  /** All rows of the batches {@link #send} caused, in one list. */
  public List<String> sendAndFlatten(String... rows) {
    List<String> all = new ArrayList<>();
    send(rows).forEach(all::addAll);
    return all;
  }

  /** Describes emitted rows with {@code describe} instead of {@link #describe(Row)}. */
  public TopicStream describing(Function<Row, String> describe) {
    this.describe = describe;
    return this;
  }

  /** Rows the stateful operator dropped as late, over all micro-batches so far. */
  public long droppedByWatermark() {
    long dropped = 0;
    for (StreamingQueryProgress progress : query.recentProgress()) {
      for (var operator : progress.stateOperators()) {
        dropped += operator.numRowsDroppedByWatermark();
      }
    }
    return dropped;
  }

  public StreamingQueryProgress lastProgress() {
    return query.lastProgress();
  }

  public StreamingQuery query() {
    return query;
  }

  @Override
  public void close() throws TimeoutException {
    if (query != null) {
      query.stop();
    }
  }

  /** {@code 12:00:10} on {@link #DAY}, UTC. */
  public static Timestamp at(String time) {
    return Timestamp.from(Instant.parse(DAY + "T" + time + "Z"));
  }

  /**
   * A window row as text: {@code "12:00-12:01 rio=2"}, with {@code "#1 "} before the topic when it has a rank.
   */
  public static String describe(Row row) {
    Row window = row.getStruct(row.fieldIndex("window"));
    String text = time(window.getTimestamp(0)) + "-" + time(window.getTimestamp(1)) + " ";
    if (java.util.Arrays.asList(row.schema().fieldNames()).contains("rank")) {
      text += "#" + row.getInt(row.fieldIndex("rank")) + " ";
    }
    return text + row.getString(row.fieldIndex("topic")) + "=" + row.getLong(row.fieldIndex("count"));
  }

  private static String time(Timestamp timestamp) {
    Instant instant = timestamp.toInstant();
    return (instant.getEpochSecond() % 60 == 0 ? MINUTES : SECONDS).format(instant);
  }

  /** A batch input of {@code event_time, topic} rows written like {@code "12:00:10 rio"}. */
  public static Dataset<Row> batch(String... rows) {
    StructType schema = new StructType()
        .add("event_time", DataTypes.TimestampType)
        .add("topic", DataTypes.StringType);
    List<Row> data = new ArrayList<>();
    for (String row : rows) {
      int space = row.indexOf(' ');
      data.add(RowFactory.create(at(row.substring(0, space)), row.substring(space + 1)));
    }
    return SparkTestSession.get().createDataFrame(data, schema);
  }

  public static List<String> describe(Dataset<Row> rows) {
    List<String> described = new ArrayList<>();
    rows.collectAsList().forEach(row -> described.add(describe(row)));
    return described;
  }
}
