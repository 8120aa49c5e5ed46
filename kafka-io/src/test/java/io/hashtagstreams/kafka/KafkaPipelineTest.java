package io.hashtagstreams.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.IsolationLevel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import io.hashtagstreams.core.testing.SparkTestSession;
import io.hashtagstreams.kafka.testing.EmbeddedKafka;

/** {@link KafkaPipelineContract} on the in-process broker, plus the broker outage, which needs stop and restart. */
class KafkaPipelineTest extends KafkaPipelineContract {

  private static final Duration OUTAGE = Duration.ofSeconds(15);
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = new EmbeddedKafka().start();
  }

  @AfterAll
  static void closeBroker() {
    kafka.close();
  }

  @Override
  String servers() {
    return kafka.bootstrapServers();
  }

  @Test
  void recoversFromABrokerOutageWithoutLosingOrRepeatingRecords(TestInfo test) throws Exception {
    String input = topic(test, "in", 2);
    String output = topic(test, "out", 2);
    // Short client timeouts, so that a call to the stopped broker fails in seconds instead of a minute.
    Dataset<Row> records = KafkaTweetSource.builder()
        .bootstrapServers(servers())
        .subscribe(input)
        .startingOffsets("earliest")
        .option("default.api.timeout.ms", "10000")
        .option("request.timeout.ms", "5000")
        .buildStream(SparkTestSession.get())
        .selectExpr("value AS key", "value");
    KafkaSink sink = KafkaSink.builder()
        .bootstrapServers(servers())
        .topic(output)
        .checkpointLocation(checkpoints.resolve("outage").toString())
        .trigger(Trigger.ProcessingTime("500 milliseconds"))
        .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .option("delivery.timeout.ms", "20000")
        .option("request.timeout.ms", "5000")
        .build();
    produceValues(input, 0, 50);
    StreamingQuery query = track(sink.start(records));
    processAllAvailable(query);

    long outageStart = System.nanoTime();
    kafka.stop();
    // The outage itself: the query keeps running (or fails) without a broker for 15 s.
    boolean endedDuringOutage = query.awaitTermination(OUTAGE.toMillis());
    kafka.restart();
    produceValues(input, 50, 100);
    if (endedDuringOutage || !query.isActive()) {
      assertThat(query.exception().get().getMessage()).isNotBlank();
      query = track(sink.start(records));
    }
    try {
      processAllAvailable(query);
    } catch (ExecutionException failedAfterRestart) {
      // The query may give up while the broker is coming back; its checkpoint lets a new run carry on.
      assertThat(query.exception().isDefined()).isTrue();
      query = track(sink.start(records));
      processAllAvailable(query);
    }

    assertThat(Duration.ofNanos(System.nanoTime() - outageStart)).isLessThan(Duration.ofSeconds(60));
    assertThat(sortedValues(output, IsolationLevel.READ_COMMITTED)).isEqualTo(expectedValues(0, 100));
  }
}
