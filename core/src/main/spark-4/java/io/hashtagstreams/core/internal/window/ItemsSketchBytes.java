package io.hashtagstreams.core.internal.window;

import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The byte image of a frequent-items sketch of strings, for the Spark 4 line (datasketches-java 6.x, which Spark 4 brings (6.2.0 with Spark 4.2.0)). This class exists once per
 * Spark line (in {@code core/src/main/spark-<line>/java}) because DataSketches moved {@code ArrayOfStringsSerDe}
 * from {@code org.apache.datasketches} (3.3.0) to {@code org.apache.datasketches.common} (6.x); the bytes are the
 * same on both lines (strings as UTF-8 after the sketch's header; {@code ItemsSketchBytesTest} reads bytes written by
 * the 3.5 line from a checked-in resource), so a checkpoint of
 * {@code approxTopTopics} state written on one line is read on the other.
 */
final class ItemsSketchBytes {

  private static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();

  private ItemsSketchBytes() {
  }

  /** The sketch's own serialized form ({@link ItemsSketch#toByteArray}). */
  static byte[] toBytes(ItemsSketch<String> sketch) {
    return sketch.toByteArray(SERDE);
  }

  /** A sketch read back from {@link #toBytes}; DataSketches throws {@code SketchesArgumentException} on bad bytes. */
  static ItemsSketch<String> fromBytes(byte[] bytes) {
    return ItemsSketch.getInstance(Memory.wrap(bytes), SERDE);
  }
}
