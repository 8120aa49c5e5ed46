package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the replay harness once with 300 lines on a real in-process broker: every row ran over every line (the
 * harness itself checks the counts) and the table has every row; no timing assertions.
 */
@ExtendWith(NoKafkaClientThreadsLeft.class)
class ReplayThroughputTest {

  @Test
  void measuresEveryRowOnTinyInput() throws Exception {
    List<ReplayThroughput.Row> rows = ReplayThroughput.run(new ReplayThroughput.Config(300, 1));

    assertThat(rows).extracting(ReplayThroughput.Row::name).containsSubsequence(
        "read tweets.json (ArchiveLines, no Kafka)", "replay tweets.json -> embedded broker",
        "read tweets.json.bz2 (ArchiveLines, no Kafka)", "replay stream.tar (per-minute .bz2) -> embedded broker");
    assertThat(rows).hasSize(ReplayThroughput.hasBzip2() ? 5 : 4);
    assertThat(rows).allSatisfy(row -> assertThat(row.lines()).isEqualTo(300));
    assertThat(ReplayThroughput.toTable(rows, "1 2 3")).contains("| replay tweets.json -> embedded broker ",
        "load average (1/5/15 min) at the end: 1 2 3");
  }

  @Test
  void parsesArguments() {
    assertThat(ReplayThroughput.Config.parse()).isEqualTo(new ReplayThroughput.Config(50_000, 2));
    assertThat(ReplayThroughput.Config.parse("--tweets=10", "--repeat=1"))
        .isEqualTo(new ReplayThroughput.Config(10, 1));
    assertThatThrownBy(() -> ReplayThroughput.Config.parse("--tweets=0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tweets=0");
  }
}
