package io.hashtagstreams.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.RejectReason;

/**
 * Fuzzes {@link TweetScanner}, the reader behind {@code extractText} and {@code rejected}, with jqwik: real tweets
 * (test resources {@code fuzz/seeds}) edited, re-written in hostile styles, damaged byte by byte, and plain random
 * bytes.
 *
 * <p>For every input: the scan returns (never throws) within {@link #BOUND}, ends in exactly one of accepted,
 * excluded and rejected, and, when the bytes are valid JSON, its verdict and fields equal what {@link JsonOracle}
 * and the format's oracle read from Jackson's tree of the same bytes. Without retweets excluded nothing may be
 * excluded; a record without {@code retweeted_status} reads the same either way.
 *
 * <p>Inputs per property: {@code jqwik.tries.default} (3,000 in {@code mvn verify}; the {@code fuzz-long} profile
 * raises it); seeds are fixed so a run is repeatable; jqwik prints tries, checks and the outcome mix per property.
 * The Spark-level companion is {@code TweetExtractionFuzzTest}; found crashes are regression tests in
 * {@link TweetScannerTest}.
 */
class TweetScannerFuzzTest {

  /** Per input; a real tweet takes microseconds, a 1 MB string milliseconds, so only a hang comes near it. */
  static final Duration BOUND = Duration.ofSeconds(10);

  private static final FormatOracle TWITTER_V1 = new TwitterV1Oracle();
  private static final List<byte[]> SEEDS = FuzzSeeds.of(TWITTER_V1);
  private static final TweetScanner DEFAULTS = new TweetScanner(ExtractOptions.defaults());
  private static final TweetScanner NO_RETWEETS =
      new TweetScanner(ExtractOptions.builder().excludeRetweets(true).build());
  private static final BoundedScan SCANS = new BoundedScan(BOUND);

  @AfterContainer
  static void stopWorker() {
    SCANS.close();
  }

  @Provide
  Arbitrary<byte[]> structured() {
    return Arbitraries.randomValue(random -> FuzzInput.structured(SEEDS, random));
  }

  @Provide
  Arbitrary<byte[]> damaged() {
    return Arbitraries.randomValue(random -> FuzzInput.damaged(SEEDS, random));
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Arbitraries.randomValue(FuzzInput::randomBytes);
  }

  @Property(seed = "20261204")
  void structuredTweetsAgreeWithJacksonsTree(@ForAll("structured") byte[] input) {
    checkAll(input);
  }

  @Property(seed = "20261205")
  void damagedTweetsAgreeWithJacksonsTreeOrAreRejected(@ForAll("damaged") byte[] input) {
    checkAll(input);
  }

  @Property(seed = "20261206")
  void randomBytesAgreeWithJacksonsTreeOrAreRejected(@ForAll("randomBytes") byte[] input) {
    checkAll(input);
  }

  @Example
  void seedsAreReadAsJacksonsTreeReadsThem() {
    assertThat(SEEDS).hasSizeGreaterThanOrEqualTo(10);
    for (byte[] seed : SEEDS) {
      ScanOutcome expected = JsonOracle.expect(seed, TWITTER_V1).orElseThrow();
      assertThat(expected.accepted()).as("seed %s", new String(seed, 0, 80)).isTrue();
      assertThat(SCANS.scan(DEFAULTS, seed)).isEqualTo(expected);
    }
  }

  @Example
  void everyTruncationOfEverySeedIsRejected() {
    long inputs = 0;
    for (byte[] seed : SEEDS) {
      for (int length = 0; length < seed.length; length++) {
        byte[] prefix = Arrays.copyOf(seed, length);
        RejectReason expected = JsonOracle.isJsonWhitespace(prefix) ? RejectReason.EMPTY_VALUE
            : !JsonOracle.isUtf8(prefix) ? RejectReason.INVALID_UTF8 : RejectReason.MALFORMED_JSON;
        ScanOutcome outcome = SCANS.scan(DEFAULTS, prefix);
        if (outcome.reason() != expected) {
          throw new AssertionError("prefix of " + length + " bytes: expected " + expected + ", got " + outcome
              + "; " + FuzzInput.describe(prefix));
        }
        inputs++;
      }
    }
    assertThat(inputs).isEqualTo(SEEDS.stream().mapToLong(seed -> seed.length).sum());
  }

  @Example
  void oneHundredThousandOpeningBracketsAreRejected() {
    byte[] brackets = new byte[100_000];
    Arrays.fill(brackets, (byte) '[');
    assertThat(SCANS.scan(DEFAULTS, brackets)).isEqualTo(ScanOutcome.rejected(RejectReason.MALFORMED_JSON));
    byte[] inUser = ("{\"user\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}").getBytes();
    assertThat(SCANS.scan(DEFAULTS, inUser)).isEqualTo(ScanOutcome.rejected(RejectReason.MALFORMED_JSON));
  }

  @Example
  void theOracleIsNotTheScanner() throws Exception {
    // The oracle must be able to disagree: a hand-written tweet whose fields it reads from literal text.
    byte[] tweet = ("{\"created_at\":\"Thu Jan 01 00:00:01 +0000 1970\",\"id_str\":\"7\",\"id\":\"x\","
        + "\"text\":\"a &amp;lt; b\",\"lang\":\"en\"}").getBytes();
    assertThat(JsonOracle.expect(tweet, TWITTER_V1))
        .contains(ScanOutcome.accepted(7, "a &lt; b", 1000, "en", false));
    assertThat(new ObjectMapper().readTree(tweet).get("id").isTextual()).isTrue();
  }

  private static void checkAll(byte[] input) {
    ScanOutcome outcome = SCANS.scan(DEFAULTS, input);
    Statistics.label("outcome").collect(outcome.category());
    Optional<ScanOutcome> expected = JsonOracle.expect(input, TWITTER_V1);
    Statistics.label("input").collect(expected.isPresent() ? "valid UTF-8 JSON or rejected early" : "not JSON");
    if (expected.isPresent() && !expected.get().equals(outcome)) {
      throw new AssertionError("expected " + expected.get() + " but the scanner read " + outcome + " from "
          + FuzzInput.describe(input));
    }
    if (outcome.excluded()) {
      throw new AssertionError("excluded without excludeRetweets: " + FuzzInput.describe(input));
    }
    ScanOutcome withoutRetweets = SCANS.scan(NO_RETWEETS, input);
    if (expected.isPresent() && expected.get().accepted() && expected.get().retweet()) {
      if (!withoutRetweets.excluded()) {
        throw new AssertionError("excludeRetweets kept a retweet: " + withoutRetweets + " from "
            + FuzzInput.describe(input));
      }
    } else if (expected.isPresent() && JsonOracle.tree(input).map(tree -> !tree.has("retweeted_status")).orElse(false)
        && !withoutRetweets.equals(outcome)) {
      throw new AssertionError("excludeRetweets changed a record without retweeted_status: " + outcome + " vs "
          + withoutRetweets + " on " + FuzzInput.describe(input));
    }
  }
}
