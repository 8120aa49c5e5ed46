package io.hashtagstreams.core.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.testing.SparkTestSession;

class UtcTimestampTextTest {

  private static final List<String> INSTANTS = List.of(
      "2016-07-29T12:46:00Z", "2016-07-29T12:46:00.250Z", "2016-07-29T12:46:59.005Z",
      "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "1900-03-01T00:00:00.001Z",
      "2016-02-29T23:59:59.999Z", "2016-03-13T10:30:00Z", "2016-11-06T09:30:00Z",
      "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z");

  @Test
  void printsWhatInstantPrintsInEveryTimeZone() {
    for (String zone : List.of("UTC", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham")) {
      assertThat(texts(zone, INSTANTS)).as(zone).containsExactlyElementsOf(INSTANTS);
    }
  }

  @Test
  void dropsMicrosecondsAndKeepsNull() {
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> input = spark.createDataset(java.util.Arrays.asList(
        micros(Instant.parse("2016-07-29T12:46:00.000999Z")), null), Encoders.LONG()).toDF("micros");
    List<Row> rows = input.select(UtcTimestampText.of(timestamp_micros(col("micros")))).collectAsList();
    assertThat(rows.get(0).getString(0)).isEqualTo("2016-07-29T12:46:00Z");
    assertThat(rows.get(1).isNullAt(0)).isTrue();
  }

  /** The text of each instant with the session time zone set to {@code zone} (restored afterwards). */
  private static List<String> texts(String zone, List<String> instants) {
    SparkSession spark = SparkTestSession.get();
    String before = spark.conf().get("spark.sql.session.timeZone");
    try {
      spark.conf().set("spark.sql.session.timeZone", zone);
      List<Long> micros = new ArrayList<>();
      instants.forEach(text -> micros.add(micros(Instant.parse(text))));
      Dataset<Row> input = spark.createDataset(micros, Encoders.LONG()).toDF("micros");
      List<String> texts = new ArrayList<>();
      input.select(UtcTimestampText.of(timestamp_micros(col("micros")))).collectAsList()
          .forEach(row -> texts.add(row.getString(0)));
      return texts;
    } finally {
      spark.conf().set("spark.sql.session.timeZone", before);
    }
  }

  private static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }
}
