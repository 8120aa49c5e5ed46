package io.hashtagstreams.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HashtagSqlExtensions} as a user meets it: a fresh Spark (a child JVM, {@link SqlExtensionsChild}) configured
 * with {@code spark.sql.extensions} only, queried in pure SQL, without any registration call. Expected values are
 * literal text worked out by hand from twitter-text's rules and the tweet given.
 */
class HashtagSqlExtensionsTest {

  private static final String TWEET = "{\"created_at\":\"Fri Jul 29 12:46:00 +0000 2016\",\"id\":1,\"id_str\":\"1\","
      + "\"text\":\"Go #Rio2016\",\"user\":{\"id\":9},\"lang\":\"en\"}";

  /** The child's output for every statement of both tests (one JVM start, ~10 s, instead of two). */
  private static List<String> out;

  @BeforeAll
  static void runEveryStatementInOneFreshSpark(@TempDir Path dir) throws Exception {
    out = runChild(dir,
        "SELECT to_json(hashtags('Go #Rio2016 and #RIO2016!'))",
        "SELECT to_json(hashtags_as_written('Go #Rio2016 and #RIO2016!'))",
        "SELECT normalize_hashtag('\uff32\uff29\uff2f\uff12\uff10\uff11\uff16')",
        "SELECT p.id, p.text, CAST(p.event_time AS STRING), p.lang, p.is_retweet"
            + " FROM (SELECT parse_tweet('" + TWEET + "') AS p)",
        "SELECT tweet_reject_reason('[1]'), tweet_reject_reason(NULL), tweet_reject_reason('" + TWEET + "') IS NULL",
        "SELECT topic, count(*) FROM (SELECT explode(hashtags(t)) AS topic FROM VALUES ('#a #b'), ('#A') AS v(t))"
            + " GROUP BY topic ORDER BY topic",
        "SELECT hashtags('#a', '#b')",
        "SELECT normalize_hashtag('#B')",
        "SELECT to_json(hashtags_as_written('Go #Rio2016!', 'bluesky')), to_json(hashtags('Go #Rio2016', 'mastodon'))",
        "SELECT normalize_hashtag('#a', '#b')",
        "SELECT p.network, p.id, p.text FROM (SELECT parse_post('" + TWEET + "') AS p)");
  }

  @Test
  void everyFunctionWorksFromPureSqlWithTheExtensionConfiguredAlone() {
    assertThat(out).hasSize(13);
    assertThat(out.subList(0, 7)).containsExactly(
        "[\"rio2016\",\"rio2016\"]",
        "[\"Rio2016\",\"RIO2016\"]",
        "rio2016",
        "1\tGo #Rio2016\t2016-07-29 12:46:00\ten\tfalse",
        "not_an_object\tnull_value\ttrue",
        "a\t2",
        "b\t1");
  }

  @Test
  void aCallWithTwoArgumentsFailsNamingTheFunctionAndTheSessionGoesOn() {
    assertThat(out).hasSize(13);
    assertThat(out.get(7)).startsWith("error: ").contains(
        "hashtags(text, network): unknown network '#b'; expected one of twitter, bluesky, mastodon");
    assertThat(out.get(8)).isEqualTo("#b");
    assertThat(out.get(10)).startsWith("error: ").contains("normalize_hashtag takes 1 argument, but was given 2");
    assertThat(out.get(12)).isEqualTo("done");
  }

  @Test
  void theNetworkFormsArePartOfTheExtension() {
    assertThat(out).hasSize(13);
    assertThat(out.get(9)).isEqualTo("[\"Rio2016\"]\t[\"rio2016\"]");
    assertThat(out.get(11)).isEqualTo("twitter\t1\tGo #Rio2016");
  }

  /** Runs {@link SqlExtensionsChild} in a JVM of its own; stops it by its id after 3 minutes. */
  private static List<String> runChild(Path dir, String... statements) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports") || arg.startsWith("-Djdk.reflect")) {
        command.add(arg);
      }
    }
    command.add("-Duser.timezone=UTC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SqlExtensionsChild.class.getName());
    command.addAll(List.of(statements));
    Path out = Files.createTempFile(dir, "child", ".out");
    Path err = Files.createTempFile(dir, "child", ".err");
    Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      if (!child.waitFor(3, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the child JVM (pid " + child.pid() + ") did not end within 3 minutes");
      }
    } finally {
      ProcessHandle.of(child.pid()).ifPresent(ProcessHandle::destroyForcibly);
    }
    assertThat(child.exitValue()).as("exit code; stderr: %s", Files.readString(err)).isZero();
    return Files.readAllLines(out);
  }
}
