package io.hashtagstreams.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SecretScanTest {

  @Test
  void aUniqueSecretIsThePrefixAndTwentyRandomLowerCaseLetters() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String secret = SecretScan.uniqueSecret("pw-");

      assertThat(secret).matches("pw-[a-z]{20}");
      seen.add(secret);
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void aPrefixThatCouldBreakAJaasLineIsRefusedByValue() {
    assertThatThrownBy(() -> SecretScan.uniqueSecret("pw\";"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a secret prefix takes letters, digits and '-', got 'pw\";'");
    assertThatThrownBy(() -> SecretScan.uniqueSecret(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void leaksNameTheTextAndTheSecretsIndexNeverTheSecret() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("stdout", "all fine");
    texts.put("log file", "user=app password=s3cret-one and s3cret-two");
    texts.put("page", "only s3cret-two here");
    texts.put("empty", null);

    assertThat(SecretScan.leaks(texts, "s3cret-one", "s3cret-two"))
        .containsExactly("log file holds secret #0", "log file holds secret #1", "page holds secret #1");
    assertThat(SecretScan.leaks(texts, "not-there")).isEmpty();
  }

  @Test
  void anEmptySecretIsRefusedBecauseEveryTextHoldsIt() {
    assertThatThrownBy(() -> SecretScan.leaks(Map.of("stdout", "x"), "ok", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("secret #1 is empty; give the secrets to look for");
  }

  @Test
  void aStackTraceHoldsTheMessagesOfTheCauses() {
    Exception error = new IllegalStateException("outer", new RuntimeException("inner cause"));

    String trace = SecretScan.stackTrace(error);

    assertThat(trace).startsWith("java.lang.IllegalStateException: outer")
        .contains("Caused by: java.lang.RuntimeException: inner cause")
        .contains("at io.hashtagstreams.kafka.testing.SecretScanTest.aStackTraceHoldsTheMessagesOfTheCauses");
  }
}
