package io.hashtagstreams.core.internal.window;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.Arrays;
import java.util.Comparator;

import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;

/**
 * One window's topic frequencies in bounded memory: a DataSketches frequent-items sketch ({@link ItemsSketch}:
 * datasketches-java 3.3.0 on the Spark 3.5 line, 6.x on Spark 4; a Misra-Gries variant) over topic strings, with
 * the top-{@code k} read-out that {@code approxTopTopics} needs and a compact serialized form.
 *
 * <p>The sketch's own guarantees (DataSketches, {@code ItemsSketch} Javadoc), with {@code M} = {@code maxMapSize}
 * (here {@code maxTracked}) and {@code W} = the number of occurrences added:
 * <ul>
 *   <li>it holds at most {@code 0.75 M} topics; with fewer distinct topics than that, every count is exact;</li>
 *   <li>for a tracked topic, {@code lowerBound <= true count <= upperBound}, and {@code upperBound - lowerBound} is
 *       the same for every topic: {@link #maximumError()}, at most {@code 3.5 W / M};</li>
 *   <li>a topic whose true count exceeds {@link #maximumError()} is tracked (no false negatives).</li>
 * </ul>
 * In 3.3.0 and 6.x the estimate of a tracked topic equals its upper bound; an untracked topic has estimate 0.
 *
 * <p>Serialization ({@link Externalizable}, used by Spark between the partial and final aggregation and in the
 * streaming state) writes the sketch's own byte image ({@link ItemsSketch#toByteArray}, strings as UTF-8 by
 * DataSketches' {@code ArrayOfStringsSerDe}, reached through the per-line {@code ItemsSketchBytes}): 32 bytes of
 * header plus, per tracked topic, 8 bytes of count, 4 of length and the topic's UTF-8 bytes; the same bytes on both
 * Spark lines, so checkpointed state moves between them. A topic holding an unpaired surrogate (not valid Unicode) does not survive UTF-8 and comes
 * back with {@code ?} in its place.
 */
public final class FrequentTopicsSketch implements Externalizable {

  private static final long serialVersionUID = 1L;

  /** Best first: higher estimate, then the smaller topic ({@link String#compareTo}), as {@code topTopics}. */
  private static final Comparator<ItemsSketch.Row<String>> RANKING =
      Comparator.<ItemsSketch.Row<String>>comparingLong(ItemsSketch.Row::getEstimate).reversed()
          .thenComparing(ItemsSketch.Row::getItem);

  private ItemsSketch<String> sketch;

  /** For deserialization only: {@link #readExternal} fills it in. */
  public FrequentTopicsSketch() {
  }

  private FrequentTopicsSketch(ItemsSketch<String> sketch) {
    this.sketch = sketch;
  }

  /** An empty sketch tracking at most {@code 0.75 * maxTracked} topics; {@code maxTracked} a checked power of 2. */
  public static FrequentTopicsSketch empty(int maxTracked) {
    return new FrequentTopicsSketch(new ItemsSketch<>(maxTracked));
  }

  /** Counts one occurrence of {@code topic}; null is ignored. */
  public FrequentTopicsSketch add(String topic) {
    sketch.update(topic);
    return this;
  }

  /** Counts {@code n} occurrences of {@code topic} at once ({@code n >= 1}). */
  public FrequentTopicsSketch add(String topic, long n) {
    sketch.update(topic, n);
    return this;
  }

  /** The sketch's upper bound on {@code topic}'s count: {@link #maximumError()} when it does not track the topic. */
  public long upperBound(String topic) {
    return sketch.getUpperBound(topic);
  }

  /**
   * Every tracked topic whose lower bound is at least {@code minCount}, with that lower bound, in no order: a topic
   * whose true count is at least {@code minCount + maximumError()} is among them.
   */
  public java.util.List<OpenWindow.TopicCount> lowerBoundsAtLeast(long minCount) {
    ItemsSketch.Row<String>[] rows = sketch.getFrequentItems(Math.max(0, minCount - 1), ErrorType.NO_FALSE_POSITIVES);
    java.util.List<OpenWindow.TopicCount> out = new java.util.ArrayList<>(rows.length);
    for (ItemsSketch.Row<String> row : rows) {
      if (row.getLowerBound() >= minCount) {
        out.add(new OpenWindow.TopicCount(row.getItem(), row.getLowerBound()));
      }
    }
    return out;
  }

  /** Adds {@code other}'s counts to this sketch (the sketch's own merge) and returns this sketch. */
  public FrequentTopicsSketch merge(FrequentTopicsSketch other) {
    sketch.merge(other.sketch);
    return this;
  }

  /** The upper minus the lower bound of every tracked topic; 0 while the counts are exact. */
  public long maximumError() {
    return sketch.getMaximumError();
  }

  /** How many occurrences were added in all, over all merged sketches. */
  public long streamLength() {
    return sketch.getStreamLength();
  }

  /** How many topics the sketch holds now. */
  public int trackedTopics() {
    return sketch.getNumActiveItems();
  }

  /** The {@code k} tracked topics with the highest estimates, best first, with their bounds. */
  public TopicEstimates top(int k) {
    ItemsSketch.Row<String>[] rows = sketch.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES);
    Arrays.sort(rows, RANKING);
    int n = Math.min(k, rows.length);
    String[] topics = new String[n];
    long[] estimates = new long[n];
    long[] lowers = new long[n];
    long[] uppers = new long[n];
    for (int i = 0; i < n; i++) {
      topics[i] = rows[i].getItem();
      estimates[i] = rows[i].getEstimate();
      lowers[i] = rows[i].getLowerBound();
      uppers[i] = rows[i].getUpperBound();
    }
    return TopicEstimates.of(topics, estimates, lowers, uppers);
  }

  /** The sketch's byte image. */
  public byte[] toBytes() {
    return ItemsSketchBytes.toBytes(sketch);
  }

  /** A sketch from {@link #toBytes()}. */
  public static FrequentTopicsSketch fromBytes(byte[] bytes) {
    return new FrequentTopicsSketch(ItemsSketchBytes.fromBytes(bytes));
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    byte[] bytes = toBytes();
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    sketch = ItemsSketchBytes.fromBytes(bytes);
  }
}
