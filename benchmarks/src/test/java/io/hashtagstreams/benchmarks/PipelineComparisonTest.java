package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hashtagstreams.benchmarks.baseline.JacksonEarlyExitScan;
import io.hashtagstreams.benchmarks.baseline.SplitHashtags;
import io.hashtagstreams.core.Hashtags;
import io.hashtagstreams.core.sample.GeneratedRecord;

/**
 * Runs the batch harness once on 2,000 generator tweets and checks both pipelines against what the generator
 * wrote: ours must count exactly the generator's hashtags, the notebook exactly the space-separated words that start
 * with {@code #} in the top-level {@code text}. No timing assertions.
 */
class PipelineComparisonTest {

  private static final int TWEETS = 2_000;
  private static Path file;
  private static Dataset<Row> input;

  @BeforeAll
  static void writeInput() throws IOException {
    file = Corpus.temporaryFile("", TWEETS);
    input = BenchSpark.session().read().text(file.toString()).cache();
  }

  @AfterAll
  static void deleteInput() throws IOException {
    input.unpersist();
    Files.deleteIfExists(file);
  }

  private static String key(Instant time, String tag) {
    return time.truncatedTo(ChronoUnit.MINUTES) + "/" + tag;
  }

  @Test
  void runsEveryVariantAndExplainsEveryNotebookOnlyKeyByAKnownDefect() {
    PipelineComparison.Result result = PipelineComparison.run(BenchSpark.session(), input, 1,
        PipelineComparison.VARIANTS);

    assertThat(result.tweets()).isEqualTo(TWEETS);
    assertThat(result.bytes()).isEqualTo(Corpus.size("", TWEETS)[1]);
    assertThat(result.seconds()).containsOnlyKeys(PipelineComparison.VARIANTS);
    result.seconds().values().forEach(runs -> {
      assertThat(runs).hasSize(1);
      assertThat(runs[0]).isPositive();
    });
    CountsComparison counts = result.counts();
    assertThat(counts.notebookOnlyReasons()).isNotEmpty();
    assertThat(counts.notebookOnlyReasons().keySet()).isSubsetOf(Set.of("bare #", "case", "punctuation"));
    assertThat(counts.notebookHigher()).isZero();
    assertThat(result.toTable()).contains("ours / notebook (end to end): ",
        "extractText / get_json_object (per record): ");
  }

  @Test
  void oursCountsExactlyTheGeneratedHashtags() {
    Map<String, Long> expected = new HashMap<>();
    for (GeneratedRecord record : Corpus.generator(Corpus.SEED).next(TWEETS)) {
      if (record.isTweet()) {
        for (String tag : record.hashtags()) {
          expected.merge(key(record.timestamp(), Hashtags.normalize(tag)), 1L, Long::sum);
        }
      }
    }

    assertThat(CountsComparison.keyed(OursPipeline.counts(input), "topic", false))
        .isEqualTo(expected);
  }

  @Test
  void notebookCountsTheSpaceSeparatedHashWordsOfTheTopLevelText() {
    Map<String, Long> expected = new HashMap<>();
    for (GeneratedRecord record : Corpus.generator(Corpus.SEED).next(TWEETS)) {
      byte[] json = record.bytes();
      String text = JacksonEarlyExitScan.scan(json, 0, json.length).text();
      if (text != null) {
        for (String word : SplitHashtags.extract(text)) {
          expected.merge(key(record.timestamp(), word.substring(1)), 1L, Long::sum);
        }
      }
    }

    assertThat(CountsComparison.keyed(NotebookPipeline.counts(input), "word", true)).isEqualTo(expected);
  }

  @Test
  void parsesArgumentsWithDefaults() {
    assertThat(PipelineComparison.Config.parse())
        .isEqualTo(new PipelineComparison.Config(200_000, 3, null, PipelineComparison.VARIANTS));
    assertThat(PipelineComparison.Config.parse("--tweets=10", "--runs=5", "--input=x.jsonl", "--variants=ours"))
        .isEqualTo(new PipelineComparison.Config(10, 5, Path.of("x.jsonl"), List.of("ours")));
  }

  @Test
  void rejectsBadArgumentsNamingThem() {
    assertThatThrownBy(() -> PipelineComparison.Config.parse("--runs=0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--runs=0");
    assertThatThrownBy(() -> PipelineComparison.Config.parse("--variants=ours,fast"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'fast'");
    assertThatThrownBy(() -> PipelineComparison.Config.parse("--bogus"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--bogus");
  }
}
