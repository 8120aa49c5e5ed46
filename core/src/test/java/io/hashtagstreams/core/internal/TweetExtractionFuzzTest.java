package io.hashtagstreams.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.internal.json.FormatOracle;
import io.hashtagstreams.core.internal.json.FuzzInput;
import io.hashtagstreams.core.internal.json.FuzzSeeds;
import io.hashtagstreams.core.internal.json.JsonOracle;
import io.hashtagstreams.core.internal.json.ScanOutcome;
import io.hashtagstreams.core.internal.json.ScanResult;
import io.hashtagstreams.core.internal.json.TweetScanner;
import io.hashtagstreams.core.internal.json.TwitterV1Oracle;
import io.hashtagstreams.core.testing.SparkTestSession;

/**
 * The Spark-level property behind {@code TweetScannerFuzzTest}: on a batch of hostile records (real tweets edited
 * and damaged, random bytes, nulls), {@code extractText} and {@code rejected} split the input exactly: every record
 * is in exactly one of them, a rejected record keeps its key and carries the expected reason, and the extracted
 * rows are exactly the accepted records' fields. The expectation comes from Jackson's tree (the oracle) wherever the
 * record is valid JSON, else from the scanner read directly (so that the Spark glue is what is checked there).
 */
class TweetExtractionFuzzTest {

  private static final FormatOracle TWITTER_V1 = new TwitterV1Oracle();
  private static final List<byte[]> SEEDS = FuzzSeeds.of(TWITTER_V1);
  private static final StructType INPUT = new StructType()
      .add("key", DataTypes.StringType)
      .add("value", DataTypes.BinaryType);

  @Provide
  Arbitrary<List<byte[]>> batches() {
    return Arbitraries.randomValue(random -> batch(random, 300));
  }

  private static List<byte[]> batch(Random random, int size) {
    List<byte[]> records = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      switch (random.nextInt(10)) {
        case 0:
          records.add(null);
          break;
        case 1:
        case 2:
          records.add(FuzzInput.randomBytes(random));
          break;
        case 3:
        case 4:
        case 5:
          records.add(FuzzInput.damaged(SEEDS, random));
          break;
        default:
          records.add(FuzzInput.structured(SEEDS, random));
          break;
      }
    }
    return records;
  }

  @Property(tries = 3, seed = "20261207")
  void everyRecordLandsInExactlyOneOfExtractTextAndRejected(@ForAll("batches") List<byte[]> records) {
    List<Row> rows = new ArrayList<>();
    Map<String, String> expectedReasons = new HashMap<>();
    List<String> expectedTweets = new ArrayList<>();
    TweetScanner scanner = new TweetScanner(ExtractOptions.defaults());
    for (int i = 0; i < records.size(); i++) {
      String key = "r" + i;
      byte[] value = records.get(i);
      rows.add(RowFactory.create(key, value));
      Optional<ScanOutcome> oracle = JsonOracle.expect(value, TWITTER_V1);
      ScanOutcome expected = oracle.orElseGet(() -> ScanOutcome.of(scanner.scan(value, new ScanResult())));
      if (expected.accepted()) {
        expectedTweets.add(tweet(expected.id(), asSparkText(expected.text()), expected.eventTimeMillis(),
            expected.lang() == null ? null : asSparkText(expected.lang()), expected.retweet()));
      } else {
        expectedReasons.put(key, expected.reason().code());
      }
    }
    Dataset<Row> input = SparkTestSession.get().createDataFrame(rows, INPUT);

    Map<String, String> rejected = new HashMap<>();
    for (Row row : input.transform(HashtagOps.rejected()).select("key", "reason").collectAsList()) {
      String previous = rejected.put(row.getString(0), row.getString(1));
      assertThat(previous).as("rejected twice: %s", row.getString(0)).isNull();
    }
    List<String> extracted = new ArrayList<>();
    for (Row row : input.transform(HashtagOps.extractText())
        .select(functions.col("id"), functions.col("text"), functions.expr("unix_millis(event_time)"),
            functions.col("lang"), functions.col("is_retweet"))
        .collectAsList()) {
      extracted.add(tweet(row.getLong(0), row.getString(1), row.getLong(2), row.isNullAt(3) ? null : row.getString(3),
          row.getBoolean(4)));
    }

    assertThat(rejected).isEqualTo(expectedReasons);
    List<String> missing = new ArrayList<>(expectedTweets);
    extracted.forEach(missing::remove);
    List<String> extra = new ArrayList<>(extracted);
    expectedTweets.forEach(extra::remove);
    assertThat(missing).as("expected but not extracted").isEmpty();
    assertThat(extra).as("extracted but not expected").isEmpty();
    assertThat(extracted.size() + rejected.size()).isEqualTo(records.size());
  }

  /** Spark stores strings as UTF-8; a lone surrogate becomes '?' on the way, as {@code String.getBytes} does. */
  private static String asSparkText(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  private static String tweet(long id, String text, long millis, String lang, boolean retweet) {
    return id + "|" + millis + "|" + lang + "|" + retweet + "|" + text;
  }
}
