package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class ToKafkaCommandTest {

  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ToKafkaCommand command = new ToKafkaCommand();

  /** key, then the value's window start, window end, topic and count, one string per record. */
  private static List<String> expectedRecords() {
    List<String> expected = new ArrayList<>();
    for (Map.Entry<Instant, Map<String, Long>> window : Fixtures.windowCounts(WINDOW).entrySet()) {
      Instant start = window.getKey();
      for (Map.Entry<String, Long> count : window.getValue().entrySet()) {
        expected.add(start + "/" + count.getKey() + " | " + start + " " + start.plus(WINDOW) + " " + count.getKey()
            + " " + count.getValue());
      }
    }
    return expected;
  }

  private static List<String> written(String topic) throws JsonProcessingException {
    List<String> records = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : Fixtures.consumeAll(topic)) {
      var value = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
      assertThat(value.size()).as("fields of %s", value).isEqualTo(3);
      records.add(new String(record.key(), StandardCharsets.UTF_8) + " | " + value.get("window").get("start").asText()
          + " " + value.get("window").get("end").asText() + " " + value.get("topic").asText() + " "
          + value.get("count").asLong());
    }
    return records;
  }

  private void writesEveryWindowCountOnce(boolean exactlyOnce) throws JsonProcessingException {
    String output = Fixtures.newTopic(exactlyOnce ? "counts-eos" : "counts-alo");
    List<String> extra = new ArrayList<>(List.of("--output-topic", output, "--window", "10s", "--watermark", "5s"));
    if (exactlyOnce) {
      extra.add("--exactly-once");
    }
    ToKafkaCommand.Config config = command.config(Fixtures.args(extra.toArray(new String[0])));
    StreamingQuery query = command.buildQuery(Fixtures.context(new Fixtures.Capture()), config);
    Fixtures.awaitEnd(query);

    assertThat(written(output)).containsExactlyInAnyOrderElementsOf(expectedRecords());
  }

  @Test
  void writesEveryWindowCountOnceAtLeastOnce() throws JsonProcessingException {
    writesEveryWindowCountOnce(false);
  }

  @Test
  void writesEveryWindowCountOnceExactlyOnce() throws JsonProcessingException {
    writesEveryWindowCountOnce(true);
  }

  @Test
  void readsItsOptions() {
    ToKafkaCommand.Config defaults = command.config();
    assertThat(defaults.outputTopic()).isEqualTo("hashtag-counts");
    assertThat(defaults.outputMode()).isEqualTo("update");
    assertThat(defaults.checkpoint()).isNull();
    assertThat(defaults.exactlyOnce()).isFalse();
    assertThat(command.outputTopics(defaults)).containsExactly("hashtag-counts");
    ToKafkaCommand.Config given = command.config("--output-topic", "out", "--output-mode", "append",
        "--checkpoint", "/tmp/cp", "--exactly-once");
    assertThat(given.outputTopic()).isEqualTo("out");
    assertThat(given.outputMode()).isEqualTo("append");
    assertThat(given.checkpoint()).isEqualTo("/tmp/cp");
    assertThat(given.exactlyOnce()).isTrue();
  }
}
