package io.hashtagstreams.kafka.testing;

/**
 * What a test server does with one connection: refuse it with an HTTP status, or send some or all of its frames
 * (optionally with a malformed one in between) and then close the connection abruptly or stall (stay open, silent).
 *
 * <pre>{@code
 * server.plan(ConnectionPlan.serve(3).thenClose(),        // first connection: 3 frames, then drop
 *             ConnectionPlan.refuse(503),                 // second: HTTP 503
 *             ConnectionPlan.serveAll());                 // third: the rest, then stay open
 * }</pre>
 *
 * @param status the HTTP status to refuse with, or 0 to serve
 * @param frames how many frames to send, or -1 for all
 * @param malformedAfter after how many frames the malformed one goes, or -1 for none
 * @param malformed the malformed frame's text
 * @param close whether to close the connection after the frames (else stay open, silent)
 * @param skip how many of the frames it would get this connection leaves out first (a stream that moved on while
 *     the client was away)
 * @since 0.3.0
 */
public record ConnectionPlan(int status, int frames, int malformedAfter, String malformed, boolean close,
    int skip) {

  /**
   * Refuses the connection with this HTTP status (401, 429, 503, ...).
   *
   * @param status the status
   * @return the plan
   */
  public static ConnectionPlan refuse(int status) {
    return new ConnectionPlan(status, 0, -1, null, true, 0);
  }

  /**
   * Sends at most this many frames (from the cursor on, for Jetstream), then stays open and silent.
   *
   * @param count frames
   * @return the plan
   */
  public static ConnectionPlan serve(int count) {
    return new ConnectionPlan(0, count, -1, null, false, 0);
  }

  /**
   * Sends every frame (from the cursor on), then stays open and silent.
   *
   * @return the plan
   */
  public static ConnectionPlan serveAll() {
    return new ConnectionPlan(0, -1, -1, null, false, 0);
  }

  /**
   * The same plan, closing the connection (without a WebSocket close frame) after the frames.
   *
   * @return the plan
   */
  public ConnectionPlan thenClose() {
    return new ConnectionPlan(status, frames, malformedAfter, malformed, true, skip);
  }

  /**
   * The same plan, staying open and silent after the frames (a stall).
   *
   * @return the plan
   */
  public ConnectionPlan thenStall() {
    return new ConnectionPlan(status, frames, malformedAfter, malformed, false, skip);
  }

  /**
   * The same plan with {@code text} sent as one extra frame after {@code count} frames.
   *
   * @param count frames before it
   * @param text the malformed frame
   * @return the plan
   */
  public ConnectionPlan withMalformedAfter(int count, String text) {
    return new ConnectionPlan(status, frames, count, text, close, skip);
  }

  /**
   * The same plan, leaving out the first {@code count} frames this connection would get (Mastodon and X do not
   * replay what was sent while the client was away).
   *
   * @param count frames left out
   * @return the plan
   */
  public ConnectionPlan startingAt(int count) {
    return new ConnectionPlan(status, frames, malformedAfter, malformed, close, count);
  }
}
