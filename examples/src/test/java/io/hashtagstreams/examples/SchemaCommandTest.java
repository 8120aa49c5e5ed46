package io.hashtagstreams.examples;

import static io.hashtagstreams.examples.Fixtures.NL;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SchemaCommandTest {

  private static final String RECORDS = String.join(NL,
      "root",
      " |-- key: binary (nullable = true)",
      " |-- value: binary (nullable = true)",
      " |-- topic: string (nullable = true)",
      " |-- partition: integer (nullable = true)",
      " |-- offset: long (nullable = true)",
      " |-- timestamp: timestamp (nullable = true)",
      " |-- timestampType: integer (nullable = true)", "");

  private final SchemaCommand command = new SchemaCommand();

  @Test
  void printsTheSchemaOfTheRecordsAndOfEachStep() {
    Fixtures.Capture capture = new Fixtures.Capture();
    QueryContext context = Fixtures.context(capture);
    SchemaCommand.Config config = command.config(Fixtures.args());

    assertThat(command.start(context, config)).isEmpty();

    Dataset<Row> topics = command.buildQuery(context, config);
    assertThat(topics.isStreaming()).isTrue();
    assertThat(topics.columns()).containsExactly("id", "network", "author", "text", "event_time", "lang", "is_retweet",
        "tags", "topic");
    assertThat(capture.text()).isEqualTo("Kafka records of topic " + Fixtures.tweetsTopic() + ":" + NL
        + RECORDS + NL
        + "after extractText():" + NL + topics.drop("topic").schema().treeString() + NL
        + "after explodeTopics():" + NL + topics.schema().treeString());
    assertThat(context.spark().streams().active()).isEmpty();
  }
}
