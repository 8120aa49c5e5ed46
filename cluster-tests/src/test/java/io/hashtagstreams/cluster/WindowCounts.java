package io.hashtagstreams.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.testing.GeneratedCounts;
import io.hashtagstreams.kafka.testing.KafkaTestClients;

/**
 * The committed output of {@code to-kafka}: every {@code (window, topic) -> count} record a {@code read_committed}
 * consumer sees, the final count per key, and the records that were committed more than once.
 *
 * @param finalCounts the last committed count per {@code <window start>/<topic>}
 * @param duplicates the {@code key=count} records seen more than once (in update mode a key's count only grows, so
 *     a repeat can only be a replayed batch committed twice)
 * @param records how many records were committed
 */
record WindowCounts(Map<String, Long> finalCounts, List<String> duplicates, int records) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static WindowCounts read(String servers, String topic) {
    List<ConsumerRecord<byte[], byte[]>> committed =
        KafkaTestClients.consumeAll(servers, topic, IsolationLevel.READ_COMMITTED, Duration.ofSeconds(60));
    Map<String, Long> latest = new TreeMap<>();
    Map<String, Integer> seen = new HashMap<>();
    List<String> duplicates = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : committed) {
      String key = new String(record.key(), StandardCharsets.UTF_8);
      long count;
      try {
        JsonNode value = JSON.readTree(record.value());
        count = value.path("count").asLong();
        String expectedKey = value.path("window").path("start").asText() + "/" + value.path("topic").asText();
        if (!expectedKey.equals(key)) {
          throw new AssertionError("record key " + key + " does not match its value "
              + new String(record.value(), StandardCharsets.UTF_8));
        }
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON: " + new String(record.value(), StandardCharsets.UTF_8), e);
      }
      latest.put(key, count);
      if (seen.merge(key + "=" + count, 1, Integer::sum) == 2) {
        duplicates.add(key + "=" + count);
      }
    }
    return new WindowCounts(latest, duplicates, committed.size());
  }

  /** Independent of the pipeline: occurrences per one-minute window and normalized hashtag of the tweets. */
  static Map<String, Long> groundTruth(List<GeneratedRecord> records) {
    return GeneratedCounts.perMinute(records);
  }
}
