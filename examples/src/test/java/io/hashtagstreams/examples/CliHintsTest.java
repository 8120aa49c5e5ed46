package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CliHintsTest {

  @Test
  void namesTheOptionsInsteadOfTheJavaMethods() {
    assertThat(CliHints.forCommandLine("KafkaTweetSource: no Kafka broker answered at 127.0.0.1:1 within 2 s; check"
        + " the bootstrap servers and the network (turn this check off with failFast(false))"))
        .isEqualTo("KafkaTweetSource: no Kafka broker answered at 127.0.0.1:1 within 2 s; check the bootstrap servers"
            + " and the network (--kafka-timeout sets how long this check waits, default 30s)");
    assertThat(CliHints.forCommandLine("(the topic must exist, or use createTopic(partitions))"))
        .isEqualTo("(the topic must exist, or use --create-topic PARTITIONS)");
    assertThat(CliHints.forCommandLine("(createTopic(2) creates the topic once a broker answers)"))
        .isEqualTo("(--create-topic 2 creates the topic once a broker answers)");
    assertThat(CliHints.forCommandLine("send failed (resume with skip 120)"))
        .isEqualTo("send failed (resume with --skip 120)");
    assertThat(CliHints.forCommandLine(null)).isEqualTo("null");
  }
}
