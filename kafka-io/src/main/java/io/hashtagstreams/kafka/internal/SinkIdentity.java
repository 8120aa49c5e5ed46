package io.hashtagstreams.kafka.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * The stable name of an exactly-once sink: the same checkpoint location and topic give the same transactional id
 * in every run, so a restarted query fences its predecessor.
 */
public final class SinkIdentity {

  private static final Pattern URI_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

  private SinkIdentity() {
  }

  /** {@code hashtag-streams-<16 hex digits>} from the checkpoint location (made absolute) and the topic. */
  public static String transactionalId(String checkpointLocation, String topic) {
    String location = URI_SCHEME.matcher(checkpointLocation).matches()
        ? checkpointLocation
        : Paths.get(checkpointLocation).toAbsolutePath().normalize().toString();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((location + "\n" + topic).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder("hashtag-streams-");
      for (int i = 0; i < 8; i++) {
        hex.append(String.format("%02x", digest[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
