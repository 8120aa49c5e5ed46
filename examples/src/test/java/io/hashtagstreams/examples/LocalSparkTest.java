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
    assertThat(LocalSpark.session(true)).isSameAs(shared);
  }

  @Test
  void announcesNoUiForASessionWithoutOne() {
    // The shared test session has no UI, and the build sets SPARK_LOCAL_IP=127.0.0.1: nothing to say. The line with
    // a real address is checked by BinScriptIT, which runs the app with the UI on.
    assertThat(System.getenv("SPARK_LOCAL_IP")).isEqualTo("127.0.0.1");
    assertThat(LocalSpark.uiAnnouncement(SparkTestSession.get(), true)).isEmpty();
    assertThat(LocalSpark.uiAnnouncement(SparkTestSession.get(), false)).isEmpty();
  }
}
