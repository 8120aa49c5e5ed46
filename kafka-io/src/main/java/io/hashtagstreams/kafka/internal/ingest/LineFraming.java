package io.hashtagstreams.kafka.internal.ingest;

import java.io.ByteArrayOutputStream;

/**
 * Turns the lines of an HTTP stream into frames: {@link #jsonLines()} (X: every line is a frame, blank lines are
 * keep-alives) or {@link #serverSentEvents(String)} (Mastodon: the {@code data:} lines of one event, joined by
 * {@code \n}, are a frame when the event type is the wanted one; {@code :} lines are heartbeats), as the
 * WHATWG HTML standard's "server-sent events" section describes the format.
 */
public abstract class LineFraming {

  /** Handles one line (line end removed). */
  abstract void line(byte[] buffer, int start, int end, FrameHandler handler) throws InterruptedException;

  /** A fresh framing for a new connection. */
  abstract LineFraming fresh();

  /** Every line is one frame; blank lines are passed too (the inspector calls them keep-alives). */
  public static LineFraming jsonLines() {
    return new LineFraming() {
      @Override
      void line(byte[] buffer, int start, int end, FrameHandler handler) throws InterruptedException {
        byte[] frame = new byte[end - start];
        System.arraycopy(buffer, start, frame, 0, frame.length);
        handler.frame(frame);
      }

      @Override
      LineFraming fresh() {
        return this;
      }
    };
  }

  /** Server-sent events; the data of events of type {@code wanted} become frames, others are skipped. */
  public static LineFraming serverSentEvents(String wanted) {
    return new SseFraming(wanted);
  }

  private static final class SseFraming extends LineFraming {
    private final String wanted;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private String event = "message";
    private boolean hasData;

    SseFraming(String wanted) {
      this.wanted = wanted;
    }

    @Override
    LineFraming fresh() {
      return new SseFraming(wanted);
    }

    @Override
    void line(byte[] buffer, int start, int end, FrameHandler handler) throws InterruptedException {
      if (start == end) {
        dispatch(handler);
        return;
      }
      if (buffer[start] == ':') {
        handler.skipped("heartbeat");
        return;
      }
      int colon = start;
      while (colon < end && buffer[colon] != ':') {
        colon++;
      }
      String field = new String(buffer, start, colon - start, java.nio.charset.StandardCharsets.UTF_8);
      int value = colon < end ? colon + 1 : end;
      if (value < end && buffer[value] == ' ') {
        value++;
      }
      if (field.equals("event")) {
        event = new String(buffer, value, end - value, java.nio.charset.StandardCharsets.UTF_8);
      } else if (field.equals("data")) {
        if (hasData) {
          data.write('\n');
        }
        data.write(buffer, value, end - value);
        hasData = true;
      }
    }

    private void dispatch(FrameHandler handler) throws InterruptedException {
      try {
        if (!hasData) {
          return;
        }
        if (event.equals(wanted)) {
          handler.frame(data.toByteArray());
        } else {
          handler.skipped(event);
        }
      } finally {
        data.reset();
        hasData = false;
        event = "message";
      }
    }
  }
}
