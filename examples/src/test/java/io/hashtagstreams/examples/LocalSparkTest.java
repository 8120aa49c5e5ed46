package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.testing.SparkTestSession;

class LocalSparkTest {

  @Test
  void reusesTheRunningSessionWithUtcAndTwoShufflePartitions() {
    SparkSession shared = SparkTestSession.get();
    SparkSession session = LocalSpark.session();
    assertThat(session).isSameAs(shared);
    assertThat(session.conf().get("spark.sql.session.timeZone")).isEqualTo("UTC");
    assertThat(session.conf().get("spark.sql.shuffle.partitions")).isEqualTo("2");
  }
}
