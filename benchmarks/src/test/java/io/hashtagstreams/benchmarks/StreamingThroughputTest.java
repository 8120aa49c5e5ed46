package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the streaming harness once on a real in-process broker with tiny numbers: 1,000 pre-filled tweets in
 * batches of at most 500, then 2 s paced at 500 tweets/s. Checks that every tweet went through the query and
 * that counts reached the output topics; no timing assertions.
 */
@ExtendWith(NoKafkaClientThreadsLeft.class)
class StreamingThroughputTest {

  @Test
  void processesEveryTweetInBothPhasesAndWritesCounts() throws Exception {
    StreamingThroughput.Result result = StreamingThroughput.run(BenchSpark.session(),
        new StreamingThroughput.Config(1_000, 500, 500, 2));

    // maxOffsetsPerTrigger is split over the two partitions with rounding, so 1,000 rows take 2 or 3 batches.
    assertThat(result.throughputBatches()).hasSizeBetween(2, 3);
    assertThat(result.throughputBatches()).allSatisfy(b -> assertThat(b.numInputRows()).isBetween(1L, 500L));
    assertThat(result.throughputBatches().stream().mapToLong(StreamingQueryProgress::numInputRows).sum())
        .isEqualTo(1_000);
    assertThat(result.pacedSent()).isEqualTo(1_000);
    assertThat(result.pacedBatches()).isNotEmpty();
    assertThat(result.pacedBatches().stream().mapToLong(StreamingQueryProgress::numInputRows).sum())
        .isEqualTo(1_000);
    assertThat(result.outputRecords()).isPositive();
    assertThat(result.toTable()).contains("| throughput: tweets/s, without the first batch ",
        "| paced: batch duration p99, ms ", "| throughput: mean addBatch ms per batch ");
  }

  @Test
  void parsesArgumentsWithDefaultsAndRejectsBadOnes() {
    assertThat(StreamingThroughput.Config.parse())
        .isEqualTo(new StreamingThroughput.Config(200_000, 50_000, 10_000, 60));
    assertThat(StreamingThroughput.Config.parse("--tweets=0", "--per-trigger=5", "--rate=100", "--seconds=2"))
        .isEqualTo(new StreamingThroughput.Config(0, 5, 100, 2));
    assertThatThrownBy(() -> StreamingThroughput.Config.parse("--rate=5"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rate=5");
    assertThatThrownBy(() -> StreamingThroughput.Config.parse("--fast"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--fast");
  }
}
