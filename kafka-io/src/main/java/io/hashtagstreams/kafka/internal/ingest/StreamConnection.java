package io.hashtagstreams.kafka.internal.ingest;

import java.net.URI;

/** One way to read a live stream: opened once per connection, read until it ends. */
public interface StreamConnection {

  /**
   * Opens {@code uri} and hands everything read to {@code handler} until the connection ends.
   *
   * @throws Disconnect always, saying why the connection ended (unless interrupted)
   * @throws InterruptedException when the thread is interrupted
   */
  void stream(URI uri, FrameHandler handler) throws Disconnect, InterruptedException;

  /** Ends the current connection from another thread; {@link #stream} then throws {@code Disconnect(cause)}. */
  void abort(Disconnect.Cause cause);
}
