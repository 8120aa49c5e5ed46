package io.hashtagstreams.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OptionMapTest {

  private static final Map<String, String> OWNED = Map.of(
      "kafka.bootstrap.servers", "bootstrapServers(...)",
      "kafka.group.id", "");

  @Test
  void keepsValuesInTheOrderTheyWereSet() {
    OptionMap options = new OptionMap("Owner");
    options.set("topic", "tweets");
    options.set("startingOffsets", "earliest");

    assertThat(options.keys()).containsExactly("topic", "startingOffsets");
    assertThat(options.get("topic")).isEqualTo("tweets");
    assertThat(options.has("startingOffsets")).isTrue();
    assertThat(options.has("endingOffsets")).isFalse();
    assertThat(options.get("endingOffsets")).isNull();
    assertThat(options.snapshot()).containsExactly(Map.entry("topic", "tweets"),
        Map.entry("startingOffsets", "earliest"));
  }

  @Test
  void refusesAnOptionSetTwiceAndHidesASecretInTheMessage() {
    OptionMap options = new OptionMap("Owner");
    options.set("topic", "tweets");
    options.set("kafka.ssl.key.password", "hunter2");

    assertThatThrownBy(() -> options.set("topic", "other"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Owner: topic is already set to 'tweets'; each option can be set once");
    assertThatThrownBy(() -> options.set("kafka.ssl.key.password", "other"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Owner: kafka.ssl.key.password is already set to '[redacted]'; each option can be set once");
  }

  @Test
  void refusesNullAndBlankValues() {
    OptionMap options = new OptionMap("Owner");

    assertThatThrownBy(() -> options.set("topic", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Owner: topic must not be null or blank, but was null");
    assertThatThrownBy(() -> options.set("topic", "  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Owner: topic must not be null or blank, but was '  '");
    assertThat(options.keys()).isEmpty();
  }

  @Test
  void prefixesKafkaClientKeysOnceAndTrimsThem() {
    OptionMap options = new OptionMap("Owner");

    assertThat(options.setKafka(" fetch.max.wait.ms ", "500", OWNED)).isEqualTo("kafka.fetch.max.wait.ms");
    assertThat(options.setKafka("kafka.client.id", "reader", OWNED)).isEqualTo("kafka.client.id");

    assertThat(options.snapshot()).containsExactly(Map.entry("kafka.fetch.max.wait.ms", "500"),
        Map.entry("kafka.client.id", "reader"));
  }

  @Test
  void pointsToTheBuilderMethodForKeysTheBuilderOwns() {
    OptionMap options = new OptionMap("Owner");

    assertThatThrownBy(() -> options.setKafka("Bootstrap.Servers", "h:1", OWNED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Owner: option 'Bootstrap.Servers' cannot be set with option(...); use bootstrapServers(...)"
            + " instead");
    assertThatThrownBy(() -> options.setKafka("kafka.group.id", "g", OWNED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Owner: option 'kafka.group.id' cannot be set with option(...) (the builder sets it itself)");
  }

  @Test
  void refusesKeysThatNameNoSetting() {
    OptionMap options = new OptionMap("Owner");

    assertThatThrownBy(() -> options.setKafka(null, "v", OWNED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Owner: an option key must not be null or blank, but was null");
    assertThatThrownBy(() -> options.setKafka(" ", "v", OWNED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Owner: an option key must not be null or blank, but was ' '");
    assertThatThrownBy(() -> options.setKafka("kafka.", "v", OWNED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Owner: option key 'kafka.' names no Kafka setting");
  }

  @Test
  void needsWholeNumbersForTimesAndSizesButNotForSecrets() {
    OptionMap options = new OptionMap("Owner");

    assertThatThrownBy(() -> options.setKafka("request.timeout.ms", "30s", OWNED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Owner: option 'kafka.request.timeout.ms' needs a whole number, but was '30s'");
    assertThatThrownBy(() -> options.setKafka("max.partition.fetch.bytes", "1MB", OWNED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Owner: option 'kafka.max.partition.fetch.bytes' needs a whole number, but was '1MB'");
    assertThat(options.setKafka("sasl.login.token.size", "not-a-number", OWNED))
        .isEqualTo("kafka.sasl.login.token.size");
    assertThat(options.setKafka("batch.size", " 16384 ", OWNED)).isEqualTo("kafka.batch.size");
  }

  @Test
  void printsItselfWithSecretsHidden() {
    OptionMap options = new OptionMap("Owner");
    options.setKafka("sasl.jaas.config", "PlainLoginModule required password=\"p\";", OWNED);
    options.set("topic", "tweets");

    assertThat(options).hasToString("{kafka.sasl.jaas.config=[redacted], topic=tweets}");
  }
}
