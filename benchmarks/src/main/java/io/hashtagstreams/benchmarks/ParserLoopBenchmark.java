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

import io.hashtagstreams.benchmarks.baseline.JacksonEarlyExitScan;
import io.hashtagstreams.core.internal.json.PostScanner;
import io.hashtagstreams.core.internal.json.ScanResult;

/**
 * The tweet reader without Spark, one thread: our extraction core ({@code PostScanner.scan(byte[], off, len, result)}, the
 * public one-pass reader of core that {@code extractText} runs per record:
 * everything {@code extractText} reads per record: UTF-8 check, id, full text with retweets and extended tweets,
 * entity decoding, event time, lang) against the ceiling, a bare Jackson scan that stops once {@code text} and
 * {@code created_at} are read ({@link JacksonEarlyExitScan}).
 *
 * <p>Data: {@code tweets} generator tweets (seed 42) as UTF-8 bytes, or the first {@code tweets} lines of the
 * JSON-lines file {@code input}. Score: microseconds per pass over all records; {@link ExtractionReport} turns it
 * into records/s and MB/s.
 *
 * <p>Run:
 * <pre>
 * mvn -B -ntp -o -pl benchmarks -am package -Pjmh-jar -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ParserLoopBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
public class ParserLoopBenchmark {

  /** Which reader runs. */
  @Param({"TweetScanner", "jackson-early-exit"})
  public String variant;

  /** How many tweets (generator) or at most how many lines of {@code input}. */
  @Param("10000")
  public int tweets;

  /** A JSON-lines file, or empty for generator tweets. */
  @Param("")
  public String input;

  private byte[][] records;
  private PostScanner scanner;
  private final ScanResult result = new ScanResult();

  /** Loads the records once. */
  @Setup(Level.Trial)
  public void loadRecords() {
    List<byte[]> list = Corpus.records(input, tweets);
    records = list.toArray(new byte[0][]);
    scanner = new PostScanner(OursPipeline.OPTIONS);
  }

  /** Reads every record. */
  @Benchmark
  public void scanAll(Blackhole sink) {
    switch (variant) {
      case "TweetScanner":
        for (byte[] record : records) {
          sink.consume(scanner.scan(record, 0, record.length, result));
        }
        break;
      case "jackson-early-exit":
        for (byte[] record : records) {
          sink.consume(JacksonEarlyExitScan.scan(record, 0, record.length));
        }
        break;
      default:
        throw new IllegalArgumentException("unknown variant: " + variant);
    }
  }
}
