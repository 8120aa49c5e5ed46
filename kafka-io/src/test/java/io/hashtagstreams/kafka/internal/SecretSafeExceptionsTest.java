package io.hashtagstreams.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SecretSafeExceptionsTest {

  private static final Map<String, String> OPTIONS = Map.of(
      "kafka.sasl.jaas.config", "PlainLoginModule required password=\"p4ss\";",
      "kafka.bootstrap.servers", "broker:9092");

  @Test
  void replacesSecretValuesAndKeepsTheRest() {
    RuntimeException scrubbed = SecretSafeExceptions.scrubbed(new IllegalArgumentException(
        "bad option kafka.sasl.jaas.config=PlainLoginModule required password=\"p4ss\"; for broker:9092"), OPTIONS);

    assertThat(scrubbed).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad option kafka.sasl.jaas.config=[redacted] for broker:9092")
        .hasNoCause();
  }

  @Test
  void keepsTheKindOfIllegalStateAndNamesOtherKindsInTheMessage() {
    assertThat(SecretSafeExceptions.scrubbed(new IllegalStateException("state p4ss"), Map.of("kafka.x.password",
        "p4ss"))).isExactlyInstanceOf(IllegalStateException.class).hasMessage("state [redacted]").hasNoCause();

    RuntimeException other = SecretSafeExceptions.scrubbed(new UnsupportedOperationException("uses p4ss"),
        Map.of("kafka.x.password", "p4ss"));
    assertThat(other).isExactlyInstanceOf(RuntimeException.class)
        .hasMessage("java.lang.UnsupportedOperationException: uses [redacted]").hasNoCause();
  }

  @Test
  void keepsTheStackTraceOfTheOriginal() {
    IllegalStateException original = new IllegalStateException("boom");

    assertThat(SecretSafeExceptions.scrubbed(original, OPTIONS).getStackTrace())
        .containsExactly(original.getStackTrace());
  }

  @Test
  void leavesANullMessageNull() {
    assertThat(SecretSafeExceptions.scrubbed(new IllegalStateException(), OPTIONS).getMessage()).isNull();
  }
}
