package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.sample.GeneratedRecord;

class RejectionCountsTest {

  @Test
  void theTopicsQueryCountsEveryRejectedRecordOfTheTopicUnderItsReason() throws Exception {
    Fixtures.Capture capture = new Fixtures.Capture();
    QueryContext context = Fixtures.context(capture);
    CommonConfig common = new CountsCommand().config(Fixtures.args()).common();
    Dataset<Row> observed = Queries.topics(context, common);
    StreamingQuery query = observed.writeStream().queryName("rejection-counts")
        .trigger(common.trigger())
        .option("checkpointLocation", context.checkpoint("rejection-counts"))
        .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, id) -> batch.count())
        .start();
    Fixtures.awaitEnd(query);

    Map<String, Long> total = new TreeMap<>();
    for (StreamingQueryProgress progress : query.recentProgress()) {
      RejectionCounts.of(progress).forEach((code, n) -> {
        if (n > 0) {
          total.merge(code, n, Long::sum);
        }
      });
    }
    Map<String, Long> expected = new TreeMap<>();
    for (GeneratedRecord record : Fixtures.records()) {
      if (!record.isTweet()) {
        expected.merge(record.expectedRejectReason().code(), 1L, Long::sum);
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(total).containsExactlyEntriesOf(expected);
    assertThat(observed.columns()).containsExactly("id", "network", "author", "text", "event_time", "lang",
        "is_retweet", "tags", "topic");
  }

  @Test
  void formatsTheTotalThenTheNonZeroReasonsInOrder() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("null_value", 0L);
    counts.put("malformed_json", 3L);
    counts.put("delete_notice", 89L);
    counts.put("limit_notice", 12L);

    assertThat(RejectionCounts.format(counts))
        .isEqualTo("rejected 104 (malformed_json 3, delete_notice 89, limit_notice 12)");
    assertThat(RejectionCounts.format(Map.of("null_value", 0L))).isEqualTo("rejected 0");
  }

  @Test
  void aBatchWithoutTheObservationHasNoCounts() {
    assertThat(RejectionCounts.of(null)).isEmpty();
  }
}
