package io.hashtagstreams.benchmarks.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.hashtagstreams.benchmarks.BenchSpark;

/**
 * Runs the streaming comparison once with tiny numbers on both broker placements (in this JVM and in a JVM of its
 * own): every reader must read the whole topic, and the tables must carry every reader and ratio. No timing
 * assertions.
 */
@ExtendWith(io.hashtagstreams.benchmarks.NoKafkaClientThreadsLeft.class)
class StreamingComparisonTest {

  @Test
  void everyReaderReadsTheWholeTopicOnBothBrokerPlacements() throws Exception {
    List<StreamingComparison.Result> results = StreamingComparison.run(BenchSpark.session(),
        new StreamingComparison.Config(300, 100, 0, 1, List.of("jvm", "process"), 50, 2,
            List.of(TopicReader.values())));

    assertThat(results).extracting(StreamingComparison.Result::broker).containsExactly("jvm", "process");
    for (StreamingComparison.Result result : results) {
      assertThat(result.rounds()).hasSize(1);
      Map<TopicReader, ReadMeasurement> round = result.rounds().get(0);
      assertThat(round).containsOnlyKeys(TopicReader.values());
      round.values().forEach(measured -> assertThat(measured.rows()).isEqualTo(300));
      // 300 records in batches of at most 100 (split over 2 partitions with rounding): 3 or 4 batches.
      assertThat(round.get(TopicReader.SPARK_RAW).batches()).isBetween(3, 4);
      long stateRows = round.get(TopicReader.OURS).stateRows();
      assertThat(stateRows).isPositive();
      for (TopicReader stateful : List.of(TopicReader.OURS_STOCK, TopicReader.OURS_FORKLESS_ONLY,
          TopicReader.OURS_ROCKSDB, TopicReader.OURS_ONE_PARTITION)) {
        assertThat(round.get(stateful).stateRows()).as(stateful.name()).isEqualTo(stateRows);
      }
      assertThat(round.get(TopicReader.OURS_EXTRACT).stateRows()).isZero();
      assertThat(round.get(TopicReader.OURS_TOPICS).stateRows()).isZero();
      assertThat(result.latency()).containsOnlyKeys("windowedCounts(1 min), update, stock",
          "topTopics(10, 1 min), append, stock", "windowedCounts(1 min), update, tuned",
          "topTopics(10, 1 min), append, tuned");
      assertThat(result.toTables()).contains("| ours / notebook, both tuned ",
          "| Spark's raw read tuned / plain consumer ", "| cut 1, forkless checkpoints: ours / ours before ",
          "| cut 2, 8 MiB fetches: ours / ours with cut 1 ", "| RocksDB state store: ours / ours tuned ",
          "| notebook pipeline (get_json_object x2, split, explode, window count), Spark's defaults ",
          "| topTopics(10, 1 min), append, tuned ", "| extractText -> explodeTopics / Spark's raw read, tuned ");
    }
  }

  @Test
  void parsesArgumentsWithDefaultsAndRejectsBadOnes() {
    assertThat(StreamingComparison.Config.parse())
        .isEqualTo(new StreamingComparison.Config(100_000, 20_000, 1, 5, List.of("jvm", "process"), 2_000, 60,
            StreamingComparison.Config.DEFAULT_READERS));
    assertThat(StreamingComparison.Config.DEFAULT_READERS).extracting(TopicReader::id).containsExactly(
        "plain-consumer", "spark-raw-stock", "spark-raw", "notebook-stock", "notebook", "ours-stock",
        "ours-forkless-only", "ours", "ours-batch");
    assertThat(StreamingComparison.Config.parse("--tweets=10", "--per-trigger=5", "--warmups=0", "--rounds=2",
        "--brokers=process", "--rate=100", "--latency-seconds=0", "--readers=ours-rocksdb,ours,spark-raw"))
        .isEqualTo(new StreamingComparison.Config(10, 5, 0, 2, List.of("process"), 100, 0,
            List.of(TopicReader.OURS_ROCKSDB, TopicReader.OURS, TopicReader.SPARK_RAW)));
    assertThatThrownBy(() -> StreamingComparison.Config.parse("--readers=ours,fast"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--readers=ours,fast: unknown reader 'fast'; known: plain-consumer,spark-raw-stock,spark-raw,"
            + "notebook-stock,notebook,ours-stock,ours-forkless-only,ours,ours-rocksdb,ours-one-partition,"
            + "ours-extract,ours-topics,ours-batch");
    assertThatThrownBy(() -> StreamingComparison.Config.parse("--brokers=docker"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--brokers=docker");
    assertThatThrownBy(() -> StreamingComparison.Config.parse("--rounds=0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rounds=0");
    assertThatThrownBy(() -> StreamingComparison.Config.parse("--fast"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--fast");
  }
}
