package io.hashtagstreams.core.internal.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.TrendOptions;

/**
 * {@link TrendBook} without Spark: its rankings survive the trip through {@link TrendStateCodec} between any two
 * windows (as streaming state does every micro-batch), in exact and bounded mode, and a group that stops getting
 * rows forgets its history once no window that can still come needs it, keeping its warm-up.
 */
class TrendBookTest {

  private static final long MINUTE = 60_000L;

  @Test
  void rankingsAreTheSameWithTheStateEncodedAndDecodedBetweenWindows() {
    for (TrendOptions options : List.of(TrendOptions.builder().minScore(5).build(),
        TrendOptions.builder().minScore(5).maxTracked(64).build())) {
      TrendBook kept = new TrendBook(options);
      TrendBook stored = new TrendBook(options);
      List<RankedTrend> direct = new ArrayList<>();
      List<RankedTrend> viaState = new ArrayList<>();
      for (int m = 0; m < 9; m++) {
        for (TrendBook book : List.of(kept, stored)) {
          add(book, m, "steady", 100);
          add(book, m, "other", 30);
          add(book, m, "jump", m == 6 ? 120 : 3);
          for (int i = 0; i < 40; i++) {
            add(book, m, "once" + m + "_" + i, 1);
          }
        }
        direct.addAll(kept.closeUpTo((m + 1) * MINUTE));
        viaState.addAll(stored.closeUpTo((m + 1) * MINUTE));
        stored = TrendStateCodec.fromState(TrendStateCodec.toState(stored), options);
      }
      assertThat(viaState).as(options.toString()).isEqualTo(direct);
      assertThat(direct).extracting(RankedTrend::topic).as(options.toString()).containsExactly("jump");
      assertThat(direct.get(0).count()).isEqualTo(120);
    }
  }

  @Test
  void historyIsForgottenOnceNoWindowThatCanStillComeNeedsItButTheWarmUpIsKept() {
    TrendOptions options = TrendOptions.builder().history(3).minScore(5).build();
    TrendBook book = new TrendBook(options);
    for (int m = 0; m < 4; m++) {
      add(book, m, "steady", 50);
      book.closeUpTo((m + 1) * MINUTE);
    }
    // closing window 3:00 already let go of 0:00; a window that can still come starts at 4:00 or later (its end
    // must be after the watermark) and needs windows from 1:00 on
    book.forgetHistoryUnneededAt(4 * MINUTE);
    assertThat(book.closed).containsOnlyKeys(MINUTE, 2 * MINUTE, 3 * MINUTE);
    // at 7:00 the earliest window that can come starts after 6:00: its history starts after 3:00
    assertThat(book.historyExpiryMs()).isEqualTo(3 * MINUTE + 4 * MINUTE);
    book.forgetHistoryUnneededAt(7 * MINUTE - 1);
    assertThat(book.closed).containsOnlyKeys(3 * MINUTE);
    book.forgetHistoryUnneededAt(7 * MINUTE);
    assertThat(book.isEmpty()).isTrue();
    TrendBook decoded = TrendStateCodec.fromState(TrendStateCodec.toState(book), options);
    // the group's first window is still known: a window after the gap is past its warm-up, with no history, so a
    // surge in it has q = 1 and is not listed; the window after it has one window of history and is
    add(decoded, 8, "surge", 40);
    add(decoded, 8, "steady", 50);
    assertThat(decoded.closeUpTo(9 * MINUTE)).isEmpty();
    add(decoded, 9, "surge", 400);
    add(decoded, 9, "steady", 50);
    assertThat(decoded.closeUpTo(10 * MINUTE)).extracting(RankedTrend::topic).containsExactly("surge");
  }

  private static void add(TrendBook book, int minute, String topic, long n) {
    assertThat(book.add(minute * MINUTE, topic, n)).isTrue();
  }
}
