package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.checkpoint.LocalCheckpoints;
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

  @Test
  void underSparkSubmitKeepsTheUsersNameAndLogLevelAndSetsOnlyUtc() {
    SparkConf submitted = new SparkConf(false).set("spark.master", "spark://m:7077").set("spark.app.name", "mine");
    assertThat(LocalSpark.settings(submitted, false)).containsExactly(Map.entry("spark.sql.session.timeZone", "UTC"));
    assertThat(LocalSpark.quietLogs(submitted)).isFalse();
  }

  @Test
  void underSparkSubmitWithoutANameUsesTheAppsName() {
    SparkConf submitted = new SparkConf(false).set("spark.master", "spark://m:7077");
    assertThat(LocalSpark.settings(submitted, false)).containsOnly(Map.entry("spark.sql.session.timeZone", "UTC"),
        Map.entry("spark.app.name", "hashtag-streams-examples"));
  }

  @Test
  void runDirectlyIsALaptopSessionWithQuietLogsUnlessALevelIsGiven() {
    SparkConf none = new SparkConf(false);
    assertThat(LocalSpark.settings(none, false)).containsEntry("spark.master", "local[2]")
        .containsEntry("spark.sql.shuffle.partitions", "2").containsEntry("spark.app.name", "hashtag-streams-examples")
        .containsAllEntriesOf(LocalCheckpoints.settings());
    assertThat(LocalSpark.quietLogs(none)).isTrue();
    assertThat(LocalSpark.quietLogs(new SparkConf(false).set("spark.log.level", "INFO"))).isFalse();
  }
}
