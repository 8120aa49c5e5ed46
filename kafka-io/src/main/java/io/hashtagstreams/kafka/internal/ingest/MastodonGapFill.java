package io.hashtagstreams.kafka.internal.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.hashtagstreams.kafka.ingest.MastodonSource;

/**
 * Fills the gap of a Mastodon reconnect from the REST timeline: pages of {@code since_id} = the newest id received,
 * newest first, going back with {@code max_id} until a page is short (the gap is closed) or the page budget is
 * spent (it is not). Each Status is returned as its own bytes, oldest first.
 */
public final class MastodonGapFill {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /** The Statuses found, oldest first, and whether the whole gap was covered. */
  public record Result(List<byte[]> statuses, boolean complete, String problem) {
  }

  private MastodonGapFill() {
  }

  /**
   * Fetches the Statuses newer than {@code sinceId}.
   *
   * @param client the HTTP client
   * @param source the stream's settings (instance, stream, token, page budget)
   * @param sinceId the newest id received before the gap
   * @param timeout the budget of each request
   * @return the statuses and whether the gap is closed
   */
  public static Result fetch(HttpClient client, MastodonSource source, String sinceId, Duration timeout)
      throws InterruptedException {
    List<byte[]> newestFirst = new ArrayList<>();
    String maxId = null;
    for (int page = 0; page < source.gapPages(); page++) {
      URI uri = source.timelineUri(sinceId, maxId);
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
          .GET();
      if (source.token() != null) {
        request.header("Authorization", "Bearer " + source.token().reveal());
      }
      List<byte[]> statuses;
      try {
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          return done(newestFirst, false, Endpoints.withoutQuery(uri) + " answered HTTP " + response.statusCode());
        }
        statuses = split(response.body());
      } catch (IOException e) {
        String message = Endpoints.withoutQuery(uri) + ": " + WebSocketConnection.describe(e);
        return done(newestFirst, false, source.token() == null ? message : source.token().scrub(message));
      }
      for (byte[] status : statuses) {
        Inspection inspection = MastodonStatuses.inspect(status);
        if (inspection.kind() == Inspection.Kind.POST
            && MastodonStatuses.compareIds(inspection.postId(), sinceId) > 0) {
          newestFirst.add(status);
          maxId = maxId == null || MastodonStatuses.compareIds(inspection.postId(), maxId) < 0
              ? inspection.postId() : maxId;
        }
      }
      if (statuses.size() < MastodonSource.PAGE_SIZE) {
        return done(newestFirst, true, null);
      }
    }
    return done(newestFirst, false, "more than " + source.gapPages() + " pages of " + MastodonSource.PAGE_SIZE
        + " posts were missed");
  }

  private static Result done(List<byte[]> newestFirst, boolean complete, String problem) {
    List<byte[]> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    return new Result(oldestFirst, complete, problem);
  }

  /** The elements of a JSON array of objects, each as its own bytes. */
  static List<byte[]> split(byte[] array) throws IOException {
    List<byte[]> elements = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(array)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("the timeline is not a JSON array");
      }
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getByteOffset();
        byte[] element = new byte[end - start];
        System.arraycopy(array, start, element, 0, element.length);
        elements.add(element);
      }
    }
    return elements;
  }
}
