package io.hashtagstreams.core.internal.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.testing.SparkTestSession;

class TopKStateTest {

  @Test
  void roundTripsThroughAMap() {
    Map<String, Long> counts = Map.of("rio", 3L, "oly", 1L, "\uD83D\uDE00", 7L);
    assertThat(TopKState.of(counts).toMap()).isEqualTo(counts);
    assertThat(new TopKState().toMap()).isEmpty();
  }

  @Test
  void sparkStoresItAsTwoArraysAndReadsItBack() {
    Map<String, Long> counts = Map.of("rio", 3L, "oly", 1L);
    Dataset<TopKState> states = SparkTestSession.get()
        .createDataset(List.of(TopKState.of(counts)), Encoders.bean(TopKState.class));

    assertThat(states.schema().simpleString()).isEqualTo("struct<counts:array<bigint>,topics:array<string>>");
    assertThat(states.collectAsList().get(0).toMap()).isEqualTo(counts);
  }
}
