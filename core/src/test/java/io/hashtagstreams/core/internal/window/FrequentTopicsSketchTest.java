package io.hashtagstreams.core.internal.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FrequentTopicsSketchTest {

  @Test
  void countsExactlyUpToThreeQuartersOfMaxTrackedDistinctTopics() {
    FrequentTopicsSketch sketch = FrequentTopicsSketch.empty(64);
    for (int topic = 0; topic < 48; topic++) {
      for (int i = 0; i <= topic % 5; i++) {
        sketch.add("t" + topic);
      }
    }
    assertThat(sketch.maximumError()).isZero();
    assertThat(sketch.trackedTopics()).isEqualTo(48);

    sketch.add("t48");
    assertThat(sketch.maximumError()).isPositive();
    assertThat(sketch.trackedTopics()).isLessThanOrEqualTo(48);
  }

  @Test
  void topRanksByCountThenTopicWithExactBoundsInTheExactRange() {
    FrequentTopicsSketch sketch = FrequentTopicsSketch.empty(8);
    for (String topic : new String[] {"c", "b", "a", "b", "c", "d"}) {
      sketch.add(topic);
    }
    TopicEstimates top = sketch.top(3);
    assertThat(top.getTopics()).containsExactly("b", "c", "a");
    assertThat(top.getEstimates()).containsExactly(2, 2, 1);
    assertThat(top.getLowerBounds()).containsExactly(2, 2, 1);
    assertThat(top.getUpperBounds()).containsExactly(2, 2, 1);
  }

  @Test
  void boundsContainTheTruthAfterPurgesAndMerges() {
    Map<String, Long> truth = new HashMap<>();
    FrequentTopicsSketch left = FrequentTopicsSketch.empty(64);
    FrequentTopicsSketch right = FrequentTopicsSketch.empty(64);
    for (int i = 0; i < 3000; i++) {
      // a head of seven topics (every third row, about 143 each) and a tail of 1,000 topics (2 each)
      String topic = i % 3 == 0 ? "head" + (i % 7) : "tail" + (i % 1000);
      truth.merge(topic, 1L, Long::sum);
      (i % 2 == 0 ? left : right).add(topic);
    }
    FrequentTopicsSketch merged = left.merge(right);
    assertThat(merged.streamLength()).isEqualTo(3000);
    assertThat(merged.maximumError()).isPositive().isLessThanOrEqualTo((long) (3.5 * 3000 / 64));

    TopicEstimates top = merged.top(100);
    assertThat(top.getTopics()).hasSizeLessThanOrEqualTo(48);
    for (int i = 0; i < top.getTopics().length; i++) {
      long actual = truth.get(top.getTopics()[i]);
      assertThat(top.getLowerBounds()[i]).isLessThanOrEqualTo(actual);
      assertThat(top.getUpperBounds()[i]).isGreaterThanOrEqualTo(actual);
      assertThat(top.getUpperBounds()[i] - top.getLowerBounds()[i]).isEqualTo(merged.maximumError());
    }
    // every topic more frequent than the error is tracked (no false negatives)
    long error = merged.maximumError();
    String[] frequent = truth.entrySet().stream().filter(e -> e.getValue() > error).map(Map.Entry::getKey)
        .toArray(String[]::new);
    assertThat(frequent).isNotEmpty();
    assertThat(top.getTopics()).contains(frequent);
  }

  @Test
  void serializedFormRestoresTheSameSketch() throws Exception {
    FrequentTopicsSketch sketch = FrequentTopicsSketch.empty(8);
    for (int i = 0; i < 100; i++) {
      sketch.add("t" + (i % 3 == 0 ? 0 : i % 11));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(sketch);
    }
    FrequentTopicsSketch restored;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      restored = (FrequentTopicsSketch) in.readObject();
    }
    assertThat(restored.maximumError()).isEqualTo(sketch.maximumError()).isPositive();
    assertThat(restored.streamLength()).isEqualTo(100);
    assertThat(describe(restored.top(10))).isEqualTo(describe(sketch.top(10)));
    assertThat(FrequentTopicsSketch.fromBytes(sketch.toBytes()).top(10).getTopics())
        .containsExactly(sketch.top(10).getTopics());
    // an empty sketch keeps its size through serialization: 7 distinct topics overflow a restored 8-map
    FrequentTopicsSketch empty = FrequentTopicsSketch.fromBytes(FrequentTopicsSketch.empty(8).toBytes());
    for (int i = 0; i < 7; i++) {
      empty.add("t" + i);
    }
    assertThat(empty.maximumError()).isPositive();
  }

  private static String describe(TopicEstimates top) {
    return Arrays.toString(top.getTopics()) + Arrays.toString(top.getEstimates())
        + Arrays.toString(top.getLowerBounds()) + Arrays.toString(top.getUpperBounds());
  }
}
