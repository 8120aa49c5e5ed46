package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.benchmarks.BuiltinTopKStreaming.Config;

/** The streaming harness's arguments, its quality arithmetic on hand-made counts, and its refusal on Spark 3.5. */
class BuiltinTopKStreamingTest {

  @Test
  void parsesItsArgumentsAndRejectsUnknownOnes() {
    Config config = Config.parse("--head=500", "--single-use=20", "--minutes=3", "--files=6", "--max-tracked=64,128");
    assertThat(config.head()).isEqualTo(500);
    assertThat(config.singleUse()).isEqualTo(20);
    assertThat(config.minutes()).isEqualTo(3);
    assertThat(config.files()).isEqualTo(6);
    assertThat(config.maxTracked()).containsExactly(64, 128);
    assertThatThrownBy(() -> Config.parse("--rows=5"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown argument: --rows=5");
    assertThatThrownBy(() -> Config.parse("--files=1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith(": --files=1");
  }

  @Test
  void measuresRecallAndErrorPerWrittenWindowAgainstTheExactCounts() {
    SparkSession spark = BenchSpark.session();
    // Window 1: a 10, b 8, c 8, d 1 (all four are its exact top 10); window 2 (not written) must not count.
    spark.sql("SELECT * FROM VALUES (1, 'a', 10L), (1, 'b', 8L), (1, 'c', 8L), (1, 'd', 1L), (2, 'z', 5L)"
        + " AS v(wstart, topic, true_count)").createOrReplaceTempView("exact_counts");
    // a off by 1 of 10, c exact: recall 2 of 4, worst error 0.1
    spark.sql("SELECT * FROM VALUES (1, 'a', 11L), (1, 'c', 8L) AS v(wstart, topic, estimate)")
        .createOrReplaceTempView("streaming_topk_test_close");
    Row close = BuiltinTopKStreaming.quality(spark, "streaming_topk_test_close");
    assertThat(close.getLong(0)).isEqualTo(1);
    assertThat(close.getDouble(1)).isEqualTo(0.5);
    assertThat(close.getDouble(2)).isEqualTo(0.1);
    // x is not in window 1 at all: an infinite error
    spark.sql("SELECT * FROM VALUES (1, 'a', 10L), (1, 'x', 2L) AS v(wstart, topic, estimate)")
        .createOrReplaceTempView("streaming_topk_test_stranger");
    Row stranger = BuiltinTopKStreaming.quality(spark, "streaming_topk_test_stranger");
    assertThat(stranger.getDouble(1)).isEqualTo(0.25);
    assertThat(stranger.getDouble(2)).isInfinite();
  }

  @Test
  void stopsAtOnceOnSpark35WhereApproxTopKDoesNotExist() {
    String spark = System.getProperty("spark.version");
    String[] tiny = {"--head=200", "--single-use=20", "--minutes=3", "--files=3", "--max-tracked=64"};
    if (spark.startsWith("3.")) {
      assertThatThrownBy(() -> BuiltinTopKStreaming.main(tiny))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("approx_top_k needs Spark 4.1 or later, but this is Spark " + spark
              + "; build the benchmarks with -Pspark-4_2.13");
    } else {
      BuiltinTopKStreaming.main(tiny);
    }
  }
}
