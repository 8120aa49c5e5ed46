package io.hashtagstreams.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.PostFormat;

/**
 * {@code extractText -> explodeTopics} per record format: the same generated posts (seed 42, the generator's
 * default mix of posts, retweets, long posts, notices and malformed lines) written as Twitter v1.1, X API v2,
 * Bluesky Jetstream or Mastodon records, read from a cached DataFrame and written to the {@code noop} sink. The
 * formats differ in bytes per post (a v1.1 tweet carries its whole user object; a Jetstream event is a fraction of
 * that), so compare MB/s for the cost per byte and posts/s for the cost per post; {@link FormatReport} prints both
 * against the v1.1 row of the same run.
 *
 * <p>Run (on an idle machine; see {@link FormatReport}):
 * <pre>
 * mvn -B -ntp -o -pl benchmarks -am package -Pjmh-jar -DskipTests
 * java -jar benchmarks/target/benchmarks.jar FormatPipelineBenchmark -p posts=100000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {
    "-Xmx4g", "-XX:+UseParallelGC", "-Duser.timezone=UTC",
    // From here on the root pom's java17.spark.flags (BenchmarksSmokeTest checks that they match).
    "-XX:+IgnoreUnrecognizedVMOptions",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
    "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
    "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
    "-Djdk.reflect.useDirectMethodHandle=false"})
public class FormatPipelineBenchmark {

  /** The floor variant: v1.1 lines trimmed to the fields the scanner reads ({@link MinimalTweets}). */
  static final String MINIMAL_V1 = "twitter_v1_minimal";

  /** The record format, a {@link PostFormat#id()}, or {@link #MINIMAL_V1}. */
  @Param({"twitter_v1", MINIMAL_V1, "x_v2", "bluesky_jetstream", "mastodon"})
  public String format;

  /** How many generated lines. */
  @Param("100000")
  public int posts;

  private Dataset<Row> cached;
  private Path generated;

  /** Writes the lines in the format and caches them in the shared session. */
  @Setup(Level.Trial)
  public void cacheInput() throws IOException {
    SparkSession spark = BenchSpark.session();
    generated = input(format, posts, new long[1]);
    cached = spark.read().text(generated.toString()).persist(StorageLevel.MEMORY_ONLY());
    cached.count();
  }

  /** Drops the cache and the file; the session stays for the next benchmark in this JVM. */
  @TearDown(Level.Trial)
  public void release() throws IOException {
    cached.unpersist(true);
    Files.deleteIfExists(generated);
  }

  /** One pass: every line read and every hashtag exploded. */
  @Benchmark
  public void extractAndExplode() {
    plan(cached).write().format("noop").mode("overwrite").save();
  }

  /** Writes {@code posts} generated lines for the {@link #format} parameter; {@code bytes[0]} gets their size. */
  static Path input(String format, int posts, long[] bytes) throws IOException {
    boolean minimal = format.equals(MINIMAL_V1);
    return Corpus.formatFile(minimal ? PostFormat.TWITTER_V1 : PostFormat.fromId(format), posts, bytes, minimal);
  }

  /** {@code extractText -> explodeTopics} over column {@code value}. */
  static Dataset<Row> plan(Dataset<Row> raw) {
    return raw.transform(HashtagOps.extractText()).transform(HashtagOps.explodeTopics());
  }
}
