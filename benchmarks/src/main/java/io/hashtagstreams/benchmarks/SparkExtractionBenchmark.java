package io.hashtagstreams.benchmarks;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.json_tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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

/**
 * Per-record tweet reading inside Spark: one Spark job per invocation reads every tweet of a cached DataFrame and
 * writes the result to the {@code noop} sink (full evaluation, nothing pruned).
 *
 * <p>Variants ({@code variant}):
 * <ul>
 *   <li>{@code extractText}: {@code HashtagOps.extractText} with event time from {@code timestamp_ms} (outputs
 *       {@code id, text, event_time, lang, is_retweet}; reads the retweeted and extended text too);</li>
 *   <li>{@code get_json_object}: the notebook's two calls, {@code $.text} and {@code $.timestamp_ms} as a
 *       timestamp;</li>
 *   <li>{@code from_json}: a minimal schema {@code text string, timestamp_ms string};</li>
 *   <li>{@code json_tuple}: {@code json_tuple(value, 'text', 'timestamp_ms')}.</li>
 * </ul>
 *
 * <p>Data: {@code tweets} generator tweets (seed 42, ~4.5 KB each), or the first {@code tweets} lines of the
 * JSON-lines file {@code input}; read with {@code spark.read().text} and cached before the first iteration.
 * Score: milliseconds per pass over all tweets (single shot); {@link ExtractionReport} turns it into records/s and
 * MB/s.
 *
 * <p>Run:
 * <pre>
 * mvn -B -ntp -o -pl benchmarks -am package -Pjmh-jar -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SparkExtractionBenchmark -p tweets=100000
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
public class SparkExtractionBenchmark {

  private static final StructType MINIMAL = new StructType()
      .add("text", DataTypes.StringType)
      .add("timestamp_ms", DataTypes.StringType);

  /** Which reader runs. */
  @Param({"extractText", "get_json_object", "from_json", "json_tuple"})
  public String variant;

  /** How many tweets (generator) or at most how many lines of {@code input}. */
  @Param("100000")
  public int tweets;

  /** A JSON-lines file, or empty for generator tweets. */
  @Param("")
  public String input;

  private Dataset<Row> cached;
  private Path generated;

  /** Writes or picks the input file and caches it in the shared session. */
  @Setup(Level.Trial)
  public void cacheInput() throws IOException {
    SparkSession spark = BenchSpark.session();
    generated = Corpus.temporaryFile(input, tweets);
    cached = spark.read().text(generated.toString()).persist(StorageLevel.MEMORY_ONLY());
    cached.count();
  }

  /** Drops the cache and the generated file; the session stays for the next benchmark in this JVM. */
  @TearDown(Level.Trial)
  public void release() throws IOException {
    cached.unpersist(true);
    Files.deleteIfExists(generated);
  }

  /** One pass over all cached tweets. */
  @Benchmark
  public void readAll() {
    plan(cached, variant).write().format("noop").mode("overwrite").save();
  }

  /** The plan of one variant over {@code raw} (column {@code value}). */
  static Dataset<Row> plan(Dataset<Row> raw, String variant) {
    switch (variant) {
      case "extractText":
        return OursPipeline.extract(raw);
      case "get_json_object":
        return NotebookPipeline.extract(raw);
      case "from_json":
        return raw.select(from_json(col("value"), MINIMAL).alias("t"))
            .select(col("t.text").alias("text"),
                col("t.timestamp_ms").cast("long").divide(1000).cast("timestamp").alias("timestamp"));
      case "json_tuple":
        return raw.select(json_tuple(col("value"), "text", "timestamp_ms"))
            .select(col("c0").alias("text"), col("c1").cast("long").divide(1000).cast("timestamp").alias("timestamp"));
      default:
        throw new IllegalArgumentException("unknown variant: " + variant);
    }
  }
}
