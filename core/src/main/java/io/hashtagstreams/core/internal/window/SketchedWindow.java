package io.hashtagstreams.core.internal.window;

import java.util.List;

/**
 * A window of {@code trendingTopics} with {@code maxTracked} set: a {@link FrequentTopicsSketch} while open, and the
 * same sketch as history once closed. History keeps the sketch's bytes and reads them only when a later window is
 * ranked against it, so a micro-batch that ranks nothing does not decode the history. The window's total is the
 * sketch's stream length (exact); a candidate's count is its lower bound and a history count its upper bound, see
 * {@link io.hashtagstreams.core.TrendOptions.Builder#maxTracked(int)} for the bounds.
 */
final class SketchedWindow implements OpenWindow, HistoryWindow {

  private FrequentTopicsSketch sketch;
  private byte[] bytes;

  private SketchedWindow(FrequentTopicsSketch sketch, byte[] bytes) {
    this.sketch = sketch;
    this.bytes = bytes;
  }

  static SketchedWindow empty(int maxTracked) {
    return new SketchedWindow(FrequentTopicsSketch.empty(maxTracked), null);
  }

  /** A window from {@link #toBytes()}, decoded when first used. */
  static SketchedWindow fromBytes(byte[] bytes) {
    return new SketchedWindow(null, bytes);
  }

  private FrequentTopicsSketch sketch() {
    if (sketch == null) {
      sketch = FrequentTopicsSketch.fromBytes(bytes);
    }
    return sketch;
  }

  @Override
  public void add(String topic, long n) {
    sketch().add(topic, n);
    bytes = null;
  }

  @Override
  public long total() {
    return sketch().streamLength();
  }

  @Override
  public List<TopicCount> candidates(long minCount) {
    return sketch().lowerBoundsAtLeast(minCount);
  }

  @Override
  public HistoryWindow toHistory() {
    return this;
  }

  @Override
  public long count(String topic) {
    return sketch().upperBound(topic);
  }

  /** The sketch's byte image, reused when unchanged since it was read. */
  byte[] toBytes() {
    if (bytes == null) {
      bytes = sketch.toBytes();
    }
    return bytes;
  }
}
