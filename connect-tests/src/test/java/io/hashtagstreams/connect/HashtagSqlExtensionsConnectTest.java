package io.hashtagstreams.connect;

import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code io.hashtagstreams.core.sql.HashtagSqlExtensions} as a Spark Connect user meets it (Spark 4 line): a Connect
 * server in its own JVM ({@link ConnectServerProcess}) configured with {@code spark.sql.extensions} and the core jar,
 * and Spark's JVM Connect client in this JVM, which holds neither classic Spark SQL nor any Hashtag Streams class.
 * Expected values are literal text worked out by hand from the networks' tag rules and the texts given (the same
 * texts as core's {@code HashtagSqlExtensionsTest}, which runs them without Connect).
 */
@Timeout(600)
class HashtagSqlExtensionsConnectTest {

  private static final String TWEET = "{\"created_at\":\"Fri Jul 29 12:46:00 +0000 2016\",\"id\":1,\"id_str\":\"1\","
      + "\"text\":\"Go #Rio2016\",\"user\":{\"id\":9},\"lang\":\"en\"}";

  private static ConnectServerProcess server;
  private static SparkSession spark;

  @BeforeAll
  static void startServerAndConnect() {
    server = ConnectServerProcess.start(Path.of(System.getProperty("connect.runs.dir", "target/connect-runs")));
    spark = SparkSession.builder().remote(server.url()).getOrCreate();
  }

  @AfterAll
  static void disconnectAndStopServer() {
    try {
      if (spark != null) {
        spark.stop();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void theClientJvmHoldsNoHashtagStreamsAndNoClassicSparkClass() {
    assertThat(spark.getClass().getName()).isEqualTo("org.apache.spark.sql.connect.SparkSession");
    assertThatThrownBy(() -> Class.forName("io.hashtagstreams.core.sql.HashtagSqlExtensions"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.apache.spark.sql.classic.SparkSession"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void everyTwitterFunctionAnswersAConnectClientInPureSql() {
    assertThat(rows("SELECT to_json(hashtags('Go #Rio2016 and #RIO2016!'))"))
        .containsExactly("[\"rio2016\",\"rio2016\"]");
    assertThat(rows("SELECT to_json(hashtags_as_written('Go #Rio2016 and #RIO2016!'))"))
        .containsExactly("[\"Rio2016\",\"RIO2016\"]");
    assertThat(rows("SELECT normalize_hashtag('\uff32\uff29\uff2f\uff12\uff10\uff11\uff16')"))
        .containsExactly("rio2016");
    assertThat(rows("SELECT p.id, p.text, CAST(p.event_time AS STRING), p.lang, p.is_retweet"
        + " FROM (SELECT parse_tweet('" + TWEET + "') AS p)"))
        .containsExactly("1\tGo #Rio2016\t2016-07-29 12:46:00\ten\tfalse");
    assertThat(rows("SELECT tweet_reject_reason('[1]'), tweet_reject_reason(NULL), tweet_reject_reason('" + TWEET
        + "') IS NULL"))
        .containsExactly("not_an_object\tnull_value\ttrue");
  }

  @Test
  void theNetworkFormsAndParsePostAnswerAConnectClient() {
    // Bluesky ends a tag at whitespace only (then drops trailing punctuation), so '#a#b' is one tag there and none
    // on Twitter, where a hashtag may not touch a preceding '#'.
    assertThat(rows("SELECT to_json(hashtags('#a#b #C.', 'bluesky')), to_json(hashtags('#a#b #C.')),"
        + " to_json(hashtags_as_written('Go #Rio2016!', 'bluesky')), to_json(hashtags('Go #Rio2016', 'mastodon'))"))
        .containsExactly("[\"a#b\",\"c\"]\t[\"c\"]\t[\"Rio2016\"]\t[\"rio2016\"]");
    assertThat(rows("SELECT p.network, p.id, p.text FROM (SELECT parse_post('" + TWEET + "') AS p)"))
        .containsExactly("twitter\t1\tGo #Rio2016");
  }

  @Test
  void anAggregationOverTheFunctionRunsOnTheServer() {
    assertThat(rows("SELECT topic, count(*) FROM (SELECT explode(hashtags(t)) AS topic"
        + " FROM VALUES ('#a #b'), ('#A') AS v(t)) GROUP BY topic ORDER BY topic"))
        .containsExactly("a\t2", "b\t1");
  }

  @Test
  void theDataFrameApiCallsTheFunctionsByName() {
    Dataset<Row> posts = spark.sql("SELECT * FROM VALUES ('#a #b'), ('#A') AS v(t)");
    Dataset<Row> counts = posts.select(explode(call_function("hashtags", col("t"))).as("topic"))
        .groupBy("topic").count().orderBy("topic");
    assertThat(text(counts)).containsExactly("a\t2", "b\t1");
  }

  @Test
  void aBadCallFailsNamingTheFunctionAndTheSessionGoesOn() {
    assertThatThrownBy(() -> rows("SELECT hashtags('#a', '#b')"))
        .hasMessageContaining("hashtags(text, network): unknown network '#b'; expected one of twitter, bluesky, mastodon");
    assertThatThrownBy(() -> rows("SELECT normalize_hashtag('#a', '#b')"))
        .hasMessageContaining("normalize_hashtag takes 1 argument, but was given 2");
    assertThat(rows("SELECT normalize_hashtag('#B')")).containsExactly("#b");
  }

  private static List<String> rows(String statement) {
    return text(spark.sql(statement));
  }

  private static List<String> text(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(row -> row.mkString("\t")).collect(Collectors.toList());
  }
}
