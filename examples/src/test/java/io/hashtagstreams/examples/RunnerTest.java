package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.hashtagstreams.core.testing.SparkTestSession;

/**
 * Whole runs through {@link HashtagStreamsApp#run}, the way {@code main} does them, on the embedded default: broker
 * started, input topic fed by the paced generator, query bounded by {@code --duration}, everything stopped after.
 * The exact results are checked by the subcommand tests on fixed input; here the input is live, so the checks are
 * on the shape of what is printed.
 */
class RunnerTest {

  private static final Pattern TOP_ROW = Pattern.compile(
      "(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +(\\d+)  (\\S+) +(\\d+)");

  @Test
  void embeddedTopRunPrintsRankingsAndProgressThenStopsEverything() {
    SparkTestSession.get();
    Fixtures.Capture out = new Fixtures.Capture();
    Fixtures.Capture err = new Fixtures.Capture();

    int code = HashtagStreamsApp.run(new String[] {"top", "--duration", "30s", "--trigger", "1s", "--rate", "500",
        "--speedup", "60", "--window", "10s", "--watermark", "2s", "--k", "3", "--rows", "100"},
        out.stream(), err.stream());

    assertThat(code).as("exit code; stderr:%n%s", err.text()).isZero();
    assertThat(err.text()).containsPattern("\\[kafka\\] embedded broker at 127\\.0\\.0\\.1:\\d+: feeding topic tweets"
        + " with 500 generated tweets/s, event time running 60x the wall clock")
        .containsPattern("\\[app\\] top ran for 30s; \\d+ tweets produced")
        .doesNotContain("error");
    assertThat(out.text()).contains("== top | batch ").containsPattern("\\[top\\] batch \\d+: in \\d+ rows/s");

    List<Long> counts = new ArrayList<>();
    String window = null;
    int rows = 0;
    Matcher row = TOP_ROW.matcher(out.text());
    while (row.find()) {
      int rank = Integer.parseInt(row.group(2));
      if (rank == 1) {
        window = row.group(1);
        counts.clear();
      }
      assertThat(row.group(1)).isEqualTo(window);
      assertThat(rank).isEqualTo(counts.size() + 1).isLessThanOrEqualTo(3);
      long count = Long.parseLong(row.group(4));
      if (!counts.isEmpty()) {
        assertThat(count).isLessThanOrEqualTo(counts.get(counts.size() - 1));
      }
      counts.add(count);
      rows++;
    }
    assertThat(rows).as("ranking rows in%n%s", out.text()).isGreaterThanOrEqualTo(3);
    assertThat(SparkTestSession.get().streams().active()).isEmpty();
  }

  @Test
  void embeddedSchemaRunNeedsNoQuery() {
    SparkTestSession.get();
    Fixtures.Capture out = new Fixtures.Capture();
    Fixtures.Capture err = new Fixtures.Capture();

    int code = HashtagStreamsApp.run(new String[] {"schema", "--rate", "10"}, out.stream(), err.stream());

    assertThat(code).as("exit code; stderr:%n%s", err.text()).isZero();
    assertThat(out.text()).startsWith("Kafka records of topic tweets:").contains("after explodeTopics():",
        " |-- topic: string");
  }

  @Test
  void rootCauseKeepsTheFirstLineOfTheMessageAndNamesTheCause() {
    RuntimeException error = new RuntimeException("outer\nsecond line", new IllegalStateException("inner"));
    assertThat(Runner.rootCause(error)).isEqualTo("outer");
    assertThat(Runner.rootCause(new RuntimeException("only"))).isEqualTo("only");
    assertThat(Runner.rootCause(new RuntimeException("outer", new IllegalStateException("inner"))))
        .isEqualTo("outer (caused by java.lang.IllegalStateException: inner)");
  }

  @Test
  void aClosedPortFailsFastNamingTheServersWithExitCode1() throws java.io.IOException {
    SparkTestSession.get();
    String closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closed = "127.0.0.1:" + socket.getLocalPort();
    }
    Fixtures.Capture err = new Fixtures.Capture();
    long start = System.nanoTime();

    int code = HashtagStreamsApp.run(new String[] {"top", "--bootstrap-servers", closed, "--kafka-timeout", "2s",
        "--duration", "60s"}, new Fixtures.Capture().stream(), err.stream());

    assertThat(code).isEqualTo(1);
    assertThat(err.text()).isEqualTo("error: top failed: KafkaTweetSource: no Kafka broker answered at " + closed
        + " within 2 s; check the bootstrap servers and the network"
        + ", and set kafka.security.protocol if the cluster uses TLS or SASL"
        + " (--kafka-timeout sets how long this check waits, default 30s)"
        + Fixtures.NL);
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(30));
  }

  @Test
  void aMissingTopicFailsFastNamingItWithExitCode1() {
    SparkTestSession.get();
    Fixtures.Capture err = new Fixtures.Capture();

    int code = HashtagStreamsApp.run(new String[] {"counts", "--bootstrap-servers",
        Fixtures.broker().bootstrapServers(), "--topic", "no-such-topic", "--kafka-timeout", "5s"},
        new Fixtures.Capture().stream(), err.stream());

    assertThat(code).isEqualTo(1);
    assertThat(err.text()).isEqualTo("error: counts failed: KafkaTweetSource: topic 'no-such-topic' does not exist at "
        + Fixtures.broker().bootstrapServers() + "; create it first or fix the name (--kafka-timeout sets how"
        + " long this check waits, default 30s)" + Fixtures.NL);
  }
}
