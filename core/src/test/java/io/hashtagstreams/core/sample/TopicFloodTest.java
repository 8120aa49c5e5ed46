package io.hashtagstreams.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.testing.SparkTestSession;

class TopicFloodTest {

  private static final Instant START = Instant.parse("2016-07-29T12:00:00Z");

  @Test
  void mixesExactlyTheSingleUseTagsIntoAZipfHead() {
    TopicFlood flood = TopicFlood.builder().seed(3).headTopics(100).zipfExponent(1.0).headOccurrences(20_000)
        .singleUseTags(5_000).build();
    Map<String, Long> counts = new HashMap<>();
    flood.rows().forEachRemaining(row -> counts.merge(row.getString(1), 1L, Long::sum));

    long once = counts.entrySet().stream().filter(e -> e.getKey().startsWith("once")).count();
    long head = counts.entrySet().stream().filter(e -> e.getKey().startsWith("zipf"))
        .mapToLong(Map.Entry::getValue).sum();
    assertThat(flood.size()).isEqualTo(25_000);
    assertThat(once).isEqualTo(5_000);
    assertThat(counts.entrySet().stream().filter(e -> e.getKey().startsWith("once")))
        .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(1));
    assertThat(head).isEqualTo(20_000);
    assertThat(counts.keySet()).allMatch(topic -> topic.matches("once\\d+|zipf([1-9]\\d?|100)"));
    // Zipf s = 1 over 100 topics: zipf1 expects 20,000 / H(100) = 3,855 rows, zipf2 half of that
    assertThat(counts.get("zipf1")).isBetween(3_655L, 4_055L);
    assertThat(counts.get("zipf2")).isBetween(1_777L, 2_077L);
    assertThat(counts.get("zipf1")).isGreaterThan(counts.get("zipf10"));
  }

  @Test
  void isAPureFunctionOfTheOptionsAndTheIndex() {
    TopicFlood a = TopicFlood.builder().seed(9).singleUseTags(100).headOccurrences(900).build();
    TopicFlood b = TopicFlood.builder().seed(9).singleUseTags(100).headOccurrences(900).build();
    TopicFlood other = TopicFlood.builder().seed(10).singleUseTags(100).headOccurrences(900).build();
    List<String> fromA = new ArrayList<>();
    List<String> fromB = new ArrayList<>();
    List<String> fromOther = new ArrayList<>();
    a.rows().forEachRemaining(row -> fromA.add(row.toString()));
    for (long i = 0; i < b.size(); i++) {
      fromB.add(b.row(i).toString());
    }
    other.rows().forEachRemaining(row -> fromOther.add(row.toString()));
    assertThat(fromB).isEqualTo(fromA);
    assertThat(fromOther).isNotEqualTo(fromA);
  }

  @Test
  void spreadsEventTimesEvenlyOverTheSpanInRowOrder() {
    TopicFlood flood = TopicFlood.builder().headOccurrences(4).start(START).span(Duration.ofSeconds(2)).build();
    assertThat(flood.eventTime(0)).isEqualTo(START);
    assertThat(flood.eventTime(1)).isEqualTo(START.plusMillis(500));
    assertThat(flood.eventTime(3)).isEqualTo(START.plusMillis(1500));
    assertThatThrownBy(() -> flood.eventTime(4)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("row 4 is outside [0, 4)");
  }

  @Test
  void datasetHoldsTheSameRowsOnAnyNumberOfPartitions() {
    TopicFlood flood = TopicFlood.builder().seed(4).headTopics(50).headOccurrences(700).singleUseTags(300)
        .start(START).build();
    List<String> expected = new ArrayList<>();
    flood.rows().forEachRemaining(row -> expected.add(row.toString()));
    List<String> actual = new ArrayList<>();
    for (Row row : flood.toDataset(SparkTestSession.get(), 3).collectAsList()) {
      actual.add(row.toString());
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(flood.toDataset(SparkTestSession.get(), 1).schema()).isEqualTo(TopicFlood.SCHEMA);
  }

  @Test
  void builderRejectsBadValuesAndRepeatedOptions() {
    assertThatThrownBy(() -> TopicFlood.builder().headTopics(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("headTopics must be from 1 to 10000000, but it is 0");
    assertThatThrownBy(() -> TopicFlood.builder().singleUseTags(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("singleUseTags must not be negative, but it is -1");
    assertThatThrownBy(() -> TopicFlood.builder().headOccurrences(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("headOccurrences + singleUseTags must be from 1 to 2^31, but it is 0");
    assertThatThrownBy(() -> TopicFlood.builder().span(Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("span must be a positive whole number of milliseconds up to one day, but it is PT48H");
    assertThatThrownBy(() -> TopicFlood.builder().seed(1).seed(2))
        .isInstanceOf(IllegalStateException.class).hasMessage("seed was already set");
  }
}
