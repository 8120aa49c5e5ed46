package io.hashtagstreams.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The real and documented-shape records of every network in core's test resources {@code networks/} (see the
 * README there for sources and licences), for the tests of every module (core's test-jar).
 */
public final class NetworkSamples {

  /** 152 real Jetstream v1 events: 17 post creates, the rest rejected for their reasons. */
  public static final String BLUESKY = "bluesky-jetstream-v1.jsonl";
  /** 12 real Mastodon statuses. */
  public static final String MASTODON = "mastodon-statuses.jsonl";
  /** 4 Mastodon WebSocket messages around a real status: update, status.update, delete, filters_changed. */
  public static final String MASTODON_WEBSOCKET = "mastodon-websocket.jsonl";
  /** 8 X API v2 stream lines in the documented shape: 5 posts, an error, a compliance delete, a keep-alive. */
  public static final String X_V2 = "x-v2-stream-lines.jsonl";
  /** 98 real X API v2 post objects without {@code created_at} (all rejected as bad_event_time). */
  public static final String X_V2_WITHOUT_TIME = "x-v2-tweepy-home-timeline.jsonl";

  private NetworkSamples() {
  }

  /** The lines of one sample file, in order (a final line break ends the last line). */
  public static List<String> lines(String name) {
    try (InputStream in = NetworkSamples.class.getResourceAsStream("/networks/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample file networks/" + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
      if (lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of every sample file whose records the reader accepts or rejects with a reason of the network. */
  public static List<String> allPostStreams() {
    List<String> all = new ArrayList<>();
    for (String name : List.of(BLUESKY, MASTODON, MASTODON_WEBSOCKET, X_V2)) {
      all.addAll(lines(name));
    }
    return all;
  }
}
