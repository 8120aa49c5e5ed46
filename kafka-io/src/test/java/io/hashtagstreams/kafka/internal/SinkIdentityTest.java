package io.hashtagstreams.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

class SinkIdentityTest {

  @Test
  void isTheFirstEightBytesOfTheSha256OfLocationAndTopic() throws Exception {
    String location = "/checkpoints/counts";
    byte[] digest = MessageDigest.getInstance("SHA-256")
        .digest((location + "\ncounts-out").getBytes(StandardCharsets.UTF_8));
    StringBuilder expected = new StringBuilder("hashtag-streams-");
    for (int i = 0; i < 8; i++) {
      expected.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
    }

    assertThat(SinkIdentity.transactionalId(location, "counts-out")).isEqualTo(expected.toString())
        .matches("hashtag-streams-[0-9a-f]{16}");
  }

  @Test
  void namesTheSameLocalCheckpointAlikeHoweverItIsWritten() {
    String absolute = Path.of("target/checkpoints/a").toAbsolutePath().normalize().toString();

    assertThat(SinkIdentity.transactionalId("target/checkpoints/a", "t"))
        .isEqualTo(SinkIdentity.transactionalId(absolute, "t"))
        .isEqualTo(SinkIdentity.transactionalId("target/checkpoints/../checkpoints/a", "t"));
  }

  @Test
  void keepsUriLocationsAsWritten() {
    assertThat(SinkIdentity.transactionalId("hdfs://nn:8020/checkpoints/a", "t"))
        .isNotEqualTo(SinkIdentity.transactionalId("hdfs://nn:8020/checkpoints/../checkpoints/a", "t"));
  }

  @Test
  void differsByTopicAndByCheckpoint() {
    String one = SinkIdentity.transactionalId("/c/a", "t1");

    assertThat(SinkIdentity.transactionalId("/c/a", "t2")).isNotEqualTo(one);
    assertThat(SinkIdentity.transactionalId("/c/b", "t1")).isNotEqualTo(one);
    assertThat(SinkIdentity.transactionalId("/c/a", "t1")).isEqualTo(one);
  }
}
