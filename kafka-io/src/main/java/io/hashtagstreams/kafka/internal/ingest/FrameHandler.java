package io.hashtagstreams.kafka.internal.ingest;

/** Receives what a connection reads; called on the connection's reading thread, which it may block. */
public interface FrameHandler {

  /** The connection is open (HTTP 200 or the WebSocket handshake done); called before the first frame. */
  void opened() throws InterruptedException;

  /** One message: a WebSocket text message, a JSON line, or the data of a server-sent {@code update} event. */
  void frame(byte[] frame) throws InterruptedException;

  /** Something that is no post: a keep-alive, a heartbeat, another event type; {@code what} names it. */
  void skipped(String what);

  /** Bytes arrived (resets the stall clock). */
  void activity();
}
