package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --kafka-config FILE}: what is read, what is refused and how, and that no value reaches a message; through
 * {@link KafkaClientConfig#load} and through the shared options of a subcommand.
 */
class KafkaClientConfigTest {

  private static final String SECRET = "pw-kcfg-unique-4417";
  private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
      + " username=\"app\" password=\"" + SECRET + "\";";

  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsEverySettingWithoutThePrefixAndHidesTheValuesInToString() throws IOException {
    Path file = write("client.properties", "# a secured cluster\n"
        + "security.protocol=SASL_SSL\n"
        + "kafka.sasl.mechanism = SCRAM-SHA-512\n"
        + "sasl.jaas.config=" + JAAS.replace("\"", "\\\"") + "\n"
        + "ssl.truststore.password=" + SECRET + "\n");

    KafkaClientConfig config = KafkaClientConfig.load(file);

    assertThat(config.settings()).containsExactly(
        Map.entry("sasl.jaas.config", JAAS),
        Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
        Map.entry("security.protocol", "SASL_SSL"),
        Map.entry("ssl.truststore.password", SECRET));
    assertThat(config.toString()).isEqualTo("KafkaClientConfig{" + file
        + ": [sasl.jaas.config, sasl.mechanism, security.protocol, ssl.truststore.password]}");
    Map<String, String> given = new LinkedHashMap<>();
    config.applyTo(given::put);
    assertThat(given).isEqualTo(config.settings());
  }

  @Test
  void anEmptyFileChangesNothing() throws IOException {
    assertThat(KafkaClientConfig.load(write("empty.properties", "")).isEmpty()).isTrue();
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nope.properties");
    assertThatThrownBy(() -> KafkaClientConfig.load(missing)).isInstanceOf(UsageException.class)
        .hasMessage("--kafka-config " + missing + ": no such file");
  }

  @Test
  void aDirectoryIsNamed() {
    assertThatThrownBy(() -> KafkaClientConfig.load(dir)).isInstanceOf(UsageException.class)
        .hasMessage("--kafka-config " + dir + ": not a regular file");
  }

  @Test
  void aMalformedEscapeIsNamedWithoutQuotingTheFile() throws IOException {
    Path file = write("bad.properties", "ssl.truststore.password=" + SECRET + "\\uZZZZ\n");
    assertThatThrownBy(() -> KafkaClientConfig.load(file)).isInstanceOf(UsageException.class)
        .hasMessage("--kafka-config " + file + ": cannot be read as a properties file (IllegalArgumentException)");
  }

  @Test
  void keysTheAppSetsAreRefusedByNameNeverByValue() throws IOException {
    Map<String, String> refused = Map.of(
        "bootstrap.servers", "use --bootstrap-servers",
        "kafka.group.id", "the Spark Kafka source picks a fresh group per query",
        "value.serializer", "the app writes bytes",
        "key.deserializer", "the app reads bytes",
        "transactional.id", "use --exactly-once, which derives it from the checkpoint and topic",
        "auto.offset.reset", "use --from-beginning");
    for (Map.Entry<String, String> key : refused.entrySet()) {
      Path file = write("owned.properties", "security.protocol=SASL_SSL\n" + key.getKey() + "=" + SECRET + "\n");
      assertThatThrownBy(() -> KafkaClientConfig.load(file)).isInstanceOf(UsageException.class)
          .hasMessage("--kafka-config " + file + ": key '" + key.getKey() + "' is set by the app itself ("
              + key.getValue() + "); remove it from the file");
    }
  }

  @Test
  void aKeyGivenWithAndWithoutThePrefixIsRefused() throws IOException {
    Path file = write("twice.properties", "sasl.mechanism=PLAIN\nkafka.sasl.mechanism=" + SECRET + "\n");
    assertThatThrownBy(() -> KafkaClientConfig.load(file)).isInstanceOf(UsageException.class)
        .hasMessage("--kafka-config " + file + ": key 'sasl.mechanism' is given twice (with and without the kafka."
            + " prefix)")
        .message().doesNotContain(SECRET);
  }

  @Test
  void theSharedOptionsLoadTheFileOnlyWithBootstrapServers() throws IOException {
    Path file = write("client.properties", "security.protocol=SASL_SSL\n");

    CommonConfig given = new TopCommand().config("--bootstrap-servers", "127.0.0.1:9092", "--kafka-config",
        file.toString()).common();
    assertThat(given.kafkaClient().settings()).isEqualTo(Map.of("security.protocol", "SASL_SSL"));
    assertThat(new TopCommand().config().common().kafkaClient()).isSameAs(KafkaClientConfig.NONE);
    assertThatThrownBy(() -> new CountsCommand().config("--kafka-config", file.toString()))
        .isInstanceOf(UsageException.class)
        .hasMessage("--kafka-config applies only with --bootstrap-servers (the embedded broker takes no client"
            + " settings)");
    Path missing = dir.resolve("missing.properties");
    assertThatThrownBy(() -> new ToKafkaCommand().config("--bootstrap-servers", "127.0.0.1:9092", "--kafka-config",
        missing.toString())).isInstanceOf(UsageException.class)
        .hasMessage("--kafka-config " + missing + ": no such file");
  }
}
