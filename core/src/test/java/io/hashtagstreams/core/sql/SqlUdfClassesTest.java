package io.hashtagstreams.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.hashtagstreams.core.ExtractOptions;

/**
 * The five UDF classes called directly, without Spark: what PySpark's {@code registerJavaFunction} needs of a class
 * (public, a public no-argument constructor, {@code UDF1} implemented directly, serializable), null handling, and
 * the error for a value of another type. {@link HashtagFunctionsTest} runs them in Spark SQL.
 */
class SqlUdfClassesTest {

  private static final List<Class<?>> CLASSES = List.of(HashtagsUdf.class, HashtagsAsWrittenUdf.class,
      NormalizeHashtagUdf.class, ParseTweetUdf.class, TweetRejectReasonUdf.class);
  private static final String TWEET = "{\"created_at\":\"Fri Jul 29 12:46:00 +0000 2016\",\"id\":1,"
      + "\"text\":\"go #Rio2016 &amp; #R\u00cdO2016\",\"lang\":\"pt\"}";

  @Test
  void eachClassCanBeRegisteredByNameAsSparksRegisterJavaExpects() throws Exception {
    for (Class<?> udf : CLASSES) {
      assertThat(Modifier.isPublic(udf.getModifiers())).as(udf.getName()).isTrue();
      assertThat(udf.getConstructor().newInstance()).isInstanceOf(UDF1.class);
      // Spark's registerJava reads the UDF interface from the class itself, not from a superclass.
      assertThat(Arrays.stream(udf.getGenericInterfaces())
          .filter(type -> type instanceof ParameterizedType)
          .map(type -> ((ParameterizedType) type).getRawType()))
          .containsExactly(UDF1.class);
      String ddl = (String) udf.getField("RETURN_TYPE").get(null);
      assertThat(DataType.fromDDL(ddl)).as(ddl).isNotNull();
      assertThat((String) udf.getField("NAME").get(null)).matches("[a-z_]+");
    }
  }

  @Test
  void eachClassStillWorksAfterJavaSerializationAsSparkShipsIt() throws Exception {
    ParseTweetUdf parse = roundTrip(new ParseTweetUdf());
    assertThat(parse.call(TWEET).getString(3)).isEqualTo("go #Rio2016 & #R\u00cdO2016");
    assertThat(roundTrip(new ParsePostUdf()).call(TWEET).getString(3)).isEqualTo("go #Rio2016 & #R\u00cdO2016");
    assertThat(roundTrip(new TweetRejectReasonUdf()).call("{\"delete\":{}}")).isEqualTo("delete_notice");
    assertThat(roundTrip(new HashtagsUdf()).call("#A #a")).containsExactly("a", "a");
    assertThat(roundTrip(new HashtagsAsWrittenUdf()).call("#A #a")).containsExactly("A", "a");
    assertThat(roundTrip(new NormalizeHashtagUdf()).call("\u00c9t\u00c9")).isEqualTo("\u00e9t\u00e9");
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void nullGivesNullExceptForTheRejectReason() {
    assertThat(new HashtagsUdf().call(null)).isNull();
    assertThat(new HashtagsAsWrittenUdf().call(null)).isNull();
    assertThat(new NormalizeHashtagUdf().call(null)).isNull();
    assertThat(new ParseTweetUdf().call(null)).isNull();
    assertThat(new TweetRejectReasonUdf().call(null)).isEqualTo("null_value");
  }

  @Test
  void aTextWithoutHashtagsGivesAnEmptyArray() {
    assertThat(new HashtagsUdf().call("http://x.com/#fragment and 1#x")).isEmpty();
    assertThat(new HashtagsAsWrittenUdf().call("")).isEmpty();
  }

  @Test
  void normalizeHashtagKeepsASign() {
    assertThat(new NormalizeHashtagUdf().call("#Rio")).isEqualTo("#rio");
    assertThat(new NormalizeHashtagUdf().call("\uff03\uff32\uff49\uff4f")).isEqualTo("#rio");
  }

  @Test
  void stringAndBinaryValuesGiveTheSameTweet() {
    Row fromString = new ParseTweetUdf().call(TWEET);
    Row fromBytes = new ParseTweetUdf().call(TWEET.getBytes(StandardCharsets.UTF_8));

    assertThat(fromString).isEqualTo(fromBytes);
    assertThat(Arrays.asList(fromString.get(0), fromString.get(1), fromString.get(3), fromString.get(4),
        fromString.get(5), fromString.get(6), fromString.get(7)))
        .containsExactly("1", "twitter", "go #Rio2016 & #R\u00cdO2016", Instant.parse("2016-07-29T12:46:00Z"), "pt",
            false, null);
    assertThat(new TweetRejectReasonUdf().call(TWEET)).isNull();
    assertThat(new TweetRejectReasonUdf().call(new byte[] {'{', (byte) 0xFF, '}'})).isEqualTo("invalid_utf8");
  }

  @Test
  void rejectedRecordsGiveNoTweetAndAReason() {
    String truncated = TWEET.substring(0, 40);
    assertThat(new ParseTweetUdf().call(truncated)).isNull();
    assertThat(new TweetRejectReasonUdf().call(truncated)).isEqualTo("malformed_json");
    assertThat(new ParseTweetUdf().call("  ")).isNull();
    assertThat(new TweetRejectReasonUdf().call("  ")).isEqualTo("empty_value");
  }

  @Test
  void excludedRetweetsGiveNeitherTweetNorReason() {
    String retweet = TWEET.replace("\"lang\"", "\"retweeted_status\":{\"id\":0,\"text\":\"orig #x\"},\"lang\"");
    ExtractOptions exclude = ExtractOptions.builder().excludeRetweets(true).build();

    assertThat(new ParseTweetUdf().call(retweet).getBoolean(6)).isTrue();
    assertThat(new ParseTweetUdf(exclude).call(retweet)).isNull();
    assertThat(new TweetRejectReasonUdf(exclude).call(retweet)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"parse_tweet", "tweet_reject_reason"})
  void aValueOfAnotherTypeFailsNamingTheFunctionAndType(String function) {
    UDF1<Object, ?> udf = function.equals(ParseTweetUdf.NAME) ? new ParseTweetUdf() : new TweetRejectReasonUdf();

    assertThatThrownBy(() -> udf.call(42L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(function + "(value) takes a string or binary value (tweet JSON), but got a java.lang.Long: 42;"
            + " cast it with CAST(value AS STRING)");
  }

  @Test
  void nullOptionsAreRejectedAtConstruction() {
    assertThatThrownBy(() -> new ParseTweetUdf(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parse_tweet needs ExtractOptions, got null; use ExtractOptions.defaults()");
    assertThatThrownBy(() -> new TweetRejectReasonUdf(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tweet_reject_reason needs ExtractOptions, got null; use ExtractOptions.defaults()");
  }
}
