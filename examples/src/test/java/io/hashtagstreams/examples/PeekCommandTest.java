package io.hashtagstreams.examples;

import static io.hashtagstreams.examples.Fixtures.NL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;

class PeekCommandTest {

  private final PeekCommand command = new PeekCommand();

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void printsTheOutputTopicOrderedByKeyAndOffset() {
    String output = Fixtures.newTopic("peek");
    String a1 = "{\"window\":{\"start\":\"2016-08-05T23:00:00Z\",\"end\":\"2016-08-05T23:00:10Z\"},\"topic\":\"a\","
        + "\"count\":1}";
    String a2 = a1.replace("\"count\":1", "\"count\":2");
    String b = a1.replace("\"topic\":\"a\"", "\"topic\":\"b\"");
    String c = a1.replace("\"topic\":\"a\"", "\"topic\":\"c\"");
    Fixtures.produce(output,
        List.of(utf8("2016-08-05T23:00:00Z/b"), utf8("2016-08-05T23:00:00Z/a"), utf8("2016-08-05T23:00:00Z/c"),
            utf8("2016-08-05T23:00:00Z/a")),
        List.of(utf8(b), utf8(a1), utf8(c), utf8(a2)));

    Fixtures.Capture capture = new Fixtures.Capture();
    StreamingQuery query = command.buildQuery(Fixtures.context(capture),
        command.config(Fixtures.args("--output-topic", output, "--rows", "3")));
    Fixtures.awaitEnd(query);

    assertThat(a1).hasSize(94);
    String rule = "-".repeat(94);
    assertThat(capture.text()).isEqualTo("== peek | batch 0 ==" + NL
        + "key                     offset  value" + NL
        + "----------------------  ------  " + rule + NL
        + "2016-08-05T23:00:00Z/a       1  " + a1 + NL
        + "2016-08-05T23:00:00Z/a       3  " + a2 + NL
        + "2016-08-05T23:00:00Z/b       0  " + b + NL
        + BatchTable.MORE + NL);
  }

  @Test
  void takesTheOptionsOfToKafka() {
    assertThat(command.config("--output-topic", "out", "--exactly-once"))
        .isEqualTo(new ToKafkaCommand().config("--output-topic", "out", "--exactly-once"));
    assertThat(command.outputTopics(command.config())).containsExactly("hashtag-counts");
  }
}
