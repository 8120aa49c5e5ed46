package io.hashtagstreams.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.testing.MemoryInput;
import io.hashtagstreams.core.testing.SparkTestSession;

class CloseOnTerminationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** A resource that counts its closes. */
  private static final class Resource implements AutoCloseable {
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  @Test
  void closesTheResourceOnceWhenItsQueryStopsAndLeavesOtherQueriesAlone() throws Exception {
    SparkSession spark = SparkTestSession.get();
    StreamingQuery watched = start(spark, "close_watched");
    StreamingQuery other = start(spark, "close_other");
    Resource resource = new Resource();
    int listenersBefore = spark.streams().listListeners().length;
    try {
      CloseOnTermination.register(watched, resource);
      assertThat(spark.streams().listListeners()).hasSize(listenersBefore + 1);

      other.stop();
      watched.processAllAvailable();
      drainListenerBus(spark);
      assertThat(resource.closes).hasValue(0);

      watched.stop();
      drainListenerBus(spark);
      assertThat(resource.closes).hasValue(1);
      assertThat(spark.streams().listListeners()).as("the listener removed itself").hasSize(listenersBefore);
    } finally {
      watched.stop();
      other.stop();
    }
  }

  @Test
  void closesAtOnceWhenTheQueryHasAlreadyEnded() throws Exception {
    SparkSession spark = SparkTestSession.get();
    StreamingQuery ended = start(spark, "close_ended");
    ended.stop();
    Resource resource = new Resource();
    int listenersBefore = spark.streams().listListeners().length;

    CloseOnTermination.register(ended, resource);

    assertThat(resource.closes).hasValue(1);
    assertThat(spark.streams().listListeners()).hasSize(listenersBefore);
  }

  @Test
  void aFailingCloseIsLoggedNotThrownAndTheListenerStillGoes() throws Exception {
    SparkSession spark = SparkTestSession.get();
    StreamingQuery ended = start(spark, "close_failing");
    ended.stop();
    int listenersBefore = spark.streams().listListeners().length;

    CloseOnTermination.register(ended, () -> {
      throw new IllegalStateException("cannot close");
    });

    assertThat(spark.streams().listListeners()).hasSize(listenersBefore);
  }

  private static StreamingQuery start(SparkSession spark, String name) throws Exception {
    MemoryInput<Integer> input = MemoryInput.create(spark, Encoders.INT(), 2);
    input.addData(List.of(1, 2, 3));
    return input.toDF().writeStream().queryName(name).format("noop").start();
  }

  /** The termination event is handled on Spark's listener bus: wait, bounded, until it has handled everything. */
  private static void drainListenerBus(SparkSession spark) throws Exception {
    spark.sparkContext().listenerBus().waitUntilEmpty(TIMEOUT.toMillis());
  }
}
