package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.testing.SparkTestSession;

class DeadLetterQueryTest {

  @Test
  void writesEveryRejectedRecordWithItsReasonAndCountsThemInTheFinalLine() {
    SparkTestSession.get();
    String deadLetters = Fixtures.newTopic("dead-letters");
    Fixtures.Capture out = new Fixtures.Capture();
    Fixtures.Capture err = new Fixtures.Capture();

    int code = HashtagStreamsApp.run(HashtagStreamsApp.prepend("counts", Fixtures.args("--dead-letter-topic",
        deadLetters, "--duration", "2m", "--no-ui")), out.stream(), err.stream());

    assertThat(code).as("stderr: %s", err.text()).isZero();
    List<String> expected = new ArrayList<>();
    for (GeneratedRecord record : Fixtures.records()) {
      if (!record.isTweet()) {
        expected.add(record.expectedRejectReason().code() + " " + new String(record.bytes(),
            StandardCharsets.ISO_8859_1));
      }
    }
    List<String> written = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : Fixtures.consumeAll(deadLetters)) {
      written.add(new String(record.headers().lastHeader("reason").value(), StandardCharsets.UTF_8) + " "
          + new String(record.value(), StandardCharsets.ISO_8859_1));
    }
    assertThat(expected).isNotEmpty();
    assertThat(written).containsExactlyElementsOf(expected);
    assertThat(err.text()).contains("rejected " + expected.size() + " (");
  }

  @Test
  void theEmbeddedBrokerCreatesTheTopicOnce() {
    CommonConfig with = new CountsCommand().config("--dead-letter-topic", "dl").common();
    CommonConfig without = new CountsCommand().config().common();

    assertThat(DeadLetterQuery.withTopic(List.of("out"), with)).containsExactly("out", "dl");
    assertThat(DeadLetterQuery.withTopic(List.of("dl"), with)).containsExactly("dl");
    assertThat(DeadLetterQuery.withTopic(List.of("out"), without)).containsExactly("out");
  }
}
