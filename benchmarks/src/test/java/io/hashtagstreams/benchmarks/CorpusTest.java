package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.sample.GeneratedRecord;

class CorpusTest {

  @TempDir
  Path dir;

  @Test
  void generatedFileHoldsTheGeneratorLinesOnePerLine() throws IOException {
    Path file = Corpus.temporaryFile("", 50);
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<GeneratedRecord> expected = Corpus.generator(Corpus.SEED).next(50);
      assertThat(lines).hasSize(50);
      for (int i = 0; i < 50; i++) {
        assertThat(lines.get(i)).isEqualTo(expected.get(i).json());
      }
      assertThat(Corpus.size("", 50)).containsExactly(50, expected.stream().mapToLong(GeneratedRecord::size).sum());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void inputFileIsCutToTheFirstNonEmptyLines() throws IOException {
    Path input = dir.resolve("in.jsonl");
    Files.writeString(input, "{\"text\":\"a\"}\n\n{\"text\":\"bé\"}\n{\"text\":\"c\"}\n", StandardCharsets.UTF_8);

    Path copy = Corpus.temporaryFile(input.toString(), 2);
    try {
      assertThat(Files.readAllLines(copy)).containsExactly("{\"text\":\"a\"}", "{\"text\":\"bé\"}");
    } finally {
      Files.deleteIfExists(copy);
    }
    assertThat(Corpus.records(input.toString(), 2)).hasSize(2);
    assertThat(Corpus.size(input.toString(), 2)).containsExactly(2, 12 + 14);
    assertThat(Corpus.bytes(Corpus.records(input.toString(), 10))).isEqualTo(12 + 14 + 12);
  }

  @Test
  void fullTextsPreferRetweetedThenExtendedThenTopLevelText() {
    List<byte[]> records = List.of(
        "{\"text\":\"RT @a: x\",\"retweeted_status\":{\"text\":\"x…\",\"extended_tweet\":{\"full_text\":\"x #long\"}}}"
            .getBytes(StandardCharsets.UTF_8),
        "{\"text\":\"short…\",\"extended_tweet\":{\"full_text\":\"short and long\"}}".getBytes(StandardCharsets.UTF_8),
        "{\"text\":\"plain #tag\"}".getBytes(StandardCharsets.UTF_8),
        "{\"delete\":{}}".getBytes(StandardCharsets.UTF_8),
        "not json".getBytes(StandardCharsets.UTF_8));

    assertThat(Corpus.fullTexts(records)).containsExactly("x #long", "short and long", "plain #tag");
  }

  @Test
  void generatorTextsAreTheTweetsFullTexts() {
    List<String> expected = Corpus.generator(Corpus.SEED).next(100).stream()
        .filter(GeneratedRecord::isTweet).map(GeneratedRecord::fullText).toList();

    assertThat(Corpus.texts("", 100)).isEqualTo(expected).isNotEmpty();
  }
}
