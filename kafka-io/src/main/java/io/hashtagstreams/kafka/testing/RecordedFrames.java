package io.hashtagstreams.kafka.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Recorded frames of the live networks for the test servers and tests, one per line, as sent on the wire; their
 * sources are cited in {@code io/hashtagstreams/kafka/testing/live/README.md} beside them.
 *
 * <pre>{@code
 * List<String> frames = RecordedFrames.jetstream();   // 9 real Jetstream v1 messages in time_us order
 * }</pre>
 *
 * @since 0.3.0
 */
public final class RecordedFrames {

  private RecordedFrames() {
  }

  /**
   * Real Jetstream v1 messages (identity, account, follow delete, likes, follow, two posts), in {@code time_us}
   * order.
   *
   * @return 9 frames
   */
  public static List<String> jetstream() {
    return lines("jetstream.jsonl");
  }

  /**
   * Mastodon Status entities (our own records in the documented shape), ids increasing.
   *
   * @return 5 statuses, each one line of JSON
   */
  public static List<String> mastodonStatuses() {
    return lines("mastodon-statuses.jsonl");
  }

  /**
   * X API v2 stream lines (our own records in the documented shape): four posts, then an error message.
   *
   * @return 5 lines
   */
  public static List<String> xStream() {
    return lines("x-stream.jsonl");
  }

  private static List<String> lines(String name) {
    String resource = "live/" + name;
    try (InputStream in = RecordedFrames.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("RecordedFrames: resource " + resource + " is missing");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .filter(line -> !line.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("RecordedFrames: cannot read " + resource, e);
    }
  }
}
