package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /**
   * Both operators in append mode with a watermark: over 3 minutes of rows in 3 files, the watermark (latest event
   * time less 1 minute) passes the end of the first window only, so each writes that one window, and with
   * {@code maxTracked} above the topics seen the sketch is exact: its rows are the true top 10 of the first minute,
   * counted here from the flood's own rows. On Spark 3.5 {@code approx_top_k} does not resolve and the query fails
   * naming it; {@code approxTopTopics} is checked the same on both lines.
   */
  @Test
  void bothOperatorsWriteTheClosedWindowOnceInAppendMode(@TempDir Path dir) {
    SparkSession spark = BenchSpark.session();
    boolean spark35 = spark.version().startsWith("3.");
    Config config = Config.parse("--head=300", "--single-use=30", "--minutes=3", "--files=3", "--max-tracked=1024");
    Path input = BuiltinTopKStreaming.writeInput(spark, config, dir.resolve("input"));
    Instant start = Instant.parse("2016-08-05T23:00:00Z");
    Map<String, Long> firstMinute = new HashMap<>();
    BuiltinTopKStreaming.flood(config).rows().forEachRemaining(row -> {
      if (row.getTimestamp(0).toInstant().isBefore(start.plusSeconds(60))) {
        firstMinute.merge(row.getString(1), 1L, Long::sum);
      }
    });
    List<Long> topCounts = firstMinute.values().stream().sorted(Comparator.reverseOrder()).limit(10).toList();
    for (String operator : List.of("approxTopTopics", "approx_top_k")) {
      String table = "streaming_topk_test_" + operator.toLowerCase(java.util.Locale.ROOT);
      if (spark35 && operator.equals("approx_top_k")) {
        assertThatThrownBy(() -> BuiltinTopKStreaming.runStream(spark, input, dir.resolve("checkpoint-" + operator),
            table, operator, 1024)).hasMessageContaining("approx_top_k");
        continue;
      }
      BuiltinTopKStreaming.StateFigures figures = BuiltinTopKStreaming.runStream(spark, input,
          dir.resolve("checkpoint-" + operator), table, operator, 1024);
      List<Row> rows = spark.table(table).collectAsList();
      assertThat(rows).as(operator).hasSize(10);
      for (Row row : rows) {
        assertThat(row.getTimestamp(0).toInstant()).as(operator).isEqualTo(start);
        assertThat(row.getLong(2)).as(operator + " " + row.getString(1)).isEqualTo(firstMinute.get(row.getString(1)));
      }
      assertThat(rows.stream().map(row -> row.getLong(2)).sorted(Comparator.reverseOrder()).toList())
          .as(operator).isEqualTo(topCounts);
      assertThat(figures.memoryUsedBytes()).as(operator).isPositive();
      assertThat(figures.rowsTotal()).as(operator).isPositive();
    }
  }
}
