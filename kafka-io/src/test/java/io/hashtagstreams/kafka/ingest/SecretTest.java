package io.hashtagstreams.kafka.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Secret}: read from a variable or a file, printed as {@code [redacted]}, scrubbed from messages. */
class SecretTest {

  @TempDir
  Path dir;

  @Test
  void readsTheVariableAndNeverPrintsIt() {
    Secret secret = Secret.fromEnvironment("TOKEN", Map.of("TOKEN", " s3cr3t-value \n"));
    assertThat(secret.reveal()).isEqualTo("s3cr3t-value");
    assertThat(secret).hasToString("[redacted]");
    assertThat(secret.scrub("refused s3cr3t-value twice: s3cr3t-value")).isEqualTo("refused [redacted] twice: [redacted]");
    assertThat(secret.scrub(null)).isNull();
  }

  @Test
  void readsTheFirstLineOfAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("token"), "abc123\nsecond line\n");
    assertThat(Secret.fromFile(file).reveal()).isEqualTo("abc123");
  }

  @Test
  void missingTokensFailNamingTheSourceOnly() throws IOException {
    assertThatThrownBy(() -> Secret.fromEnvironment("TOKEN", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Secret: environment variable TOKEN is not set or blank");
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    assertThatThrownBy(() -> Secret.fromFile(empty)).hasMessage("Secret: the token file " + empty + " is empty");
    assertThatThrownBy(() -> Secret.fromFile(dir.resolve("absent")))
        .hasMessageContaining("cannot read the token file " + dir.resolve("absent"));
  }
}
