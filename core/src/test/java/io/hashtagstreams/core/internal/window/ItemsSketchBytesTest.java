package io.hashtagstreams.core.internal.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The per-line {@link ItemsSketchBytes}: the sketch bytes that DataSketches 3.3.0 wrote on the Spark 3.5 line (a
 * checked-in resource; how it was made and what it holds: the README beside it) are read on every line with the same
 * rows and bounds, and survive being written again, so {@code approxTopTopics} state in a checkpoint survives a move
 * from Spark 3.5 (DataSketches 3.3.0) to Spark 4 (DataSketches 6.x). Bytes are not compared: the sketch's purge
 * samples counts at random, so two runs over one input may keep different rows.
 */
class ItemsSketchBytesTest {

  private static final String RESOURCE = "frequent-topics-datasketches-3.3.0.bin";
  /**
   * The resource decoded by hand from DataSketches' documented layout (README beside it): topic, estimate (count +
   * offset), lower bound (count), upper bound (count + offset), ranked as {@code top} ranks.
   */
  private static final List<String> ROWS = List.of("rio 5 4 5", "tokyo 3 2 3", "nice 2 1 2", "roma 2 1 2",
      "são paulo 2 1 2", "東京 2 1 2");
  /** The true counts of the input it was written from (README): every other topic occurred once. */
  private static final Map<String, Long> TRUTH = Map.of("rio", 5L, "tokyo", 3L, "são paulo", 2L);

  @Test
  void readsTheBytesDataSketches33WroteOnEveryLine() throws IOException {
    FrequentTopicsSketch sketch = FrequentTopicsSketch.fromBytes(resource());
    assertThat(sketch.streamLength()).isEqualTo(17);
    assertThat(sketch.maximumError()).isEqualTo(1);
    assertThat(sketch.trackedTopics()).isEqualTo(6);
    assertThat(rows(sketch)).containsExactlyElementsOf(ROWS);
  }

  @Test
  void boundsOfTheRestoredSketchContainTheTrueCounts() throws IOException {
    TopicEstimates top = FrequentTopicsSketch.fromBytes(resource()).top(10);
    assertThat(top.getTopics()).contains("rio", "tokyo", "são paulo");
    for (int i = 0; i < top.getTopics().length; i++) {
      long truth = TRUTH.getOrDefault(top.getTopics()[i], 1L);
      assertThat(top.getLowerBounds()[i]).isLessThanOrEqualTo(truth);
      assertThat(top.getUpperBounds()[i]).isGreaterThanOrEqualTo(truth);
    }
  }

  @Test
  void writingAndReadingAgainOnThisLineKeepsEveryRow() throws Exception {
    FrequentTopicsSketch again = FrequentTopicsSketch.fromBytes(FrequentTopicsSketch.fromBytes(resource()).toBytes());
    assertThat(rows(again)).containsExactlyElementsOf(ROWS);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
      out.writeObject(FrequentTopicsSketch.fromBytes(resource()));
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(buffer.toByteArray()))) {
      assertThat(rows((FrequentTopicsSketch) in.readObject())).containsExactlyElementsOf(ROWS);
    }
  }

  private static List<String> rows(FrequentTopicsSketch sketch) {
    TopicEstimates top = sketch.top(10);
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < top.getTopics().length; i++) {
      rows.add(top.getTopics()[i] + " " + top.getEstimates()[i] + " " + top.getLowerBounds()[i] + " "
          + top.getUpperBounds()[i]);
    }
    return rows;
  }

  private static byte[] resource() throws IOException {
    try (InputStream in = ItemsSketchBytesTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as(RESOURCE).isNotNull();
      return in.readAllBytes();
    }
  }
}
