package io.hashtagstreams.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @ParameterizedTest
  @ValueSource(strings = {"kafka.ssl.truststore.password", "SSL.KEYSTORE.PASSWORD", "kafka.sasl.jaas.config",
      "Sasl.Jaas.Config", "kafka.sasl.oauthbearer.client.secret", "my.SECRET.thing", "kafka.sasl.login.token",
      "delegation.TOKEN", "kafka.ssl.key.password", "ssl.keystore.key", "kafka.SSL.KEYSTORE.CERTIFICATE.CHAIN"})
  void hidesSecretKeys(String key) {
    assertThat(Redaction.isSecret(key)).isTrue();
    assertThat(Redaction.printable(key, "hunter2")).isEqualTo("[redacted]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kafka.security.protocol", "kafka.sasl.mechanism", "kafka.ssl.truststore.location",
      "bootstrap.servers", "kafka.client.id", "key.serializer", "kafka.ssl.endpoint.identification.algorithm"})
  void showsOrdinaryKeys(String key) {
    assertThat(Redaction.isSecret(key)).isFalse();
    assertThat(Redaction.printable(key, "visible")).isEqualTo("visible");
  }

  @Test
  void printsMapsSortedWithSecretsHidden() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
        + " username=\"u\" password=\"p4ss\";");
    options.put("kafka.security.protocol", "SASL_SSL");

    assertThat(Redaction.printable(options))
        .isEqualTo("{kafka.sasl.jaas.config=[redacted], kafka.security.protocol=SASL_SSL}");
  }

  @Test
  void scrubsSecretValuesOutOfForeignMessages() {
    Map<String, String> options = Map.of("kafka.ssl.truststore.password", "hunter2", "kafka.client.id", "app");

    assertThat(Redaction.scrub("bad truststore password hunter2 for client app", options))
        .isEqualTo("bad truststore password [redacted] for client app");
    assertThat(Redaction.scrub(null, options)).isNull();
  }
}
