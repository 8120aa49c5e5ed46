package io.hashtagstreams.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.hashtagstreams.benchmarks.baseline.RegexHashtags;
import io.hashtagstreams.benchmarks.baseline.SplitHashtags;
import io.hashtagstreams.core.Hashtags;
import io.hashtagstreams.core.Network;

/**
 * Hashtag extraction from tweet texts in plain Java, one thread, no Spark: the whole list of texts per operation.
 *
 * <p>Variants ({@code variant}): {@code Hashtags.extract} (twitter-text rules), {@code Hashtags.extract(bluesky)}
 * and {@code Hashtags.extract(mastodon)} (the same texts by Bluesky's and Mastodon's rules, to compare the cost of the
 * three rules on one input), {@code split} (the notebook's {@code split(" ")} + {@code startsWith("#")},
 * {@link SplitHashtags}) and {@code regex} ({@link RegexHashtags}).
 *
 * <p>Data: the complete texts (retweeted or extended text where present, as {@code extractText} returns them) of
 * {@code tweets} generator tweets (seed 42), or of the first {@code tweets} lines of the JSON-lines file
 * {@code input}. Score: microseconds per pass over all texts; {@link ExtractionReport} turns it into texts/s.
 *
 * <p>Run:
 * <pre>
 * mvn -B -ntp -o -pl benchmarks -am package -Pjmh-jar -DskipTests
 * java -jar benchmarks/target/benchmarks.jar HashtagExtractionBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
public class HashtagExtractionBenchmark {

  /** Which extractor runs. */
  @Param({"Hashtags.extract", "Hashtags.extract(bluesky)", "Hashtags.extract(mastodon)", "split", "regex"})
  public String variant;

  /** How many tweets (generator) or at most how many lines of {@code input}. */
  @Param("10000")
  public int tweets;

  /** A JSON-lines file, or empty for generator tweets. */
  @Param("")
  public String input;

  private String[] texts;

  /** Reads the texts once. */
  @Setup(Level.Trial)
  public void loadTexts() {
    List<String> list = Corpus.texts(input, tweets);
    texts = list.toArray(new String[0]);
  }

  /** Extracts the hashtags of every text. */
  @Benchmark
  public void extractAll(Blackhole sink) {
    switch (variant) {
      case "Hashtags.extract":
        for (String text : texts) {
          sink.consume(Hashtags.extract(text));
        }
        break;
      case "Hashtags.extract(bluesky)":
        for (String text : texts) {
          sink.consume(Hashtags.extract(text, Network.BLUESKY));
        }
        break;
      case "Hashtags.extract(mastodon)":
        for (String text : texts) {
          sink.consume(Hashtags.extract(text, Network.MASTODON));
        }
        break;
      case "split":
        for (String text : texts) {
          sink.consume(SplitHashtags.extract(text));
        }
        break;
      case "regex":
        for (String text : texts) {
          sink.consume(RegexHashtags.extract(text));
        }
        break;
      default:
        throw new IllegalArgumentException("unknown variant: " + variant);
    }
  }
}
