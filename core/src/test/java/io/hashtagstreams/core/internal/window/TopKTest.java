package io.hashtagstreams.core.internal.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TopKTest {

  @Test
  void picksHighestCountsBreakingTiesByTopic() {
    Map<String, Long> counts = Map.of("usa", 1L, "oly", 2L, "rio", 3L, "bra", 2L);
    assertThat(TopK.select(counts, 3))
        .containsExactly(Map.entry("rio", 3L), Map.entry("bra", 2L), Map.entry("oly", 2L));
  }

  @Test
  void returnsFewerWhenThereAreFewerTopics() {
    assertThat(TopK.select(Map.of("rio", 1L), 5)).containsExactly(Map.entry("rio", 1L));
    assertThat(TopK.select(Map.of(), 5)).isEmpty();
  }

  @Test
  void tiesFollowStringCompareToEvenAboveTheBasicPlane() {
    Map<String, Long> counts = Map.of("\uFF41", 1L, "\uD83D\uDE00", 1L);
    assertThat(TopK.select(counts, 1)).containsExactly(Map.entry("\uD83D\uDE00", 1L));
  }

  @Test
  void agreesWithAFullSortOnRandomCounts() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      Map<String, Long> counts = new HashMap<>();
      int topics = random.nextInt(60);
      for (int i = 0; i < topics; i++) {
        counts.put("t" + random.nextInt(100), (long) random.nextInt(5));
      }
      int k = 1 + random.nextInt(10);
      List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
      sorted.sort(TopK.RANKING);
      assertThat(TopK.select(counts, k)).containsExactlyElementsOf(sorted.subList(0, Math.min(k, sorted.size())));
    }
  }

  @Test
  void rejectsKBelowOne() {
    assertThatThrownBy(() -> TopK.select(Map.of(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k must be at least 1, but it is 0");
  }
}
