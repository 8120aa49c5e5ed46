package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Runs the laid-out app, {@code target/hashtag-streams-<version>/bin/hashtag-streams}, as a user would: a child
 * process with plain Java (JAVA_HOME set to this JVM's Java), no Maven, no SPARK_LOCAL_IP of its own. Runs in
 * {@code mvn verify} (failsafe, after {@code package} has made the layout); the system property {@code app.home}
 * names the layout.
 *
 * <p>The live run is also the Spark UI test: while {@code top} runs, the UI's Structured Streaming page lists the
 * query. The in-process tests keep the UI off, so only this child process binds a UI port (the next free one from
 * 4040, as Spark does).
 */
class BinScriptIT {

  private static final Duration SHORT_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);
  private static final Pattern UI_LINE = Pattern.compile("Spark UI: (http://127\\.0\\.0\\.1:\\d+)");
  private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";

  private static Path appHome() {
    String home = System.getProperty("app.home");
    assertThat(home).as("system property app.home (set by the failsafe configuration)").isNotNull();
    Path path = Path.of(home);
    assertThat(path.resolve("bin/hashtag-streams")).isExecutable();
    return path;
  }

  private static final String INSTANT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
  /** Where late rows lay, printed only when there were some (LateRows). */
  private static final String LATE_PLACE = "( \\(oldest row " + INSTANT + ", windows ending by " + INSTANT + "\\))?";

  @Test
  void layoutHoldsTheScriptTheLoggingConfigurationAndTheJars() throws IOException {
    Path home = appHome();
    assertThat(home.resolve("conf/log4j2.properties")).isRegularFile();
    try (var jars = Files.list(home.resolve("lib"))) {
      List<String> names = jars.map(jar -> jar.getFileName().toString()).sorted().toList();
      String ours = System.getProperty("line.suffix") + "-" + System.getProperty("app.version") + ".jar";
      String scala = System.getProperty("scala.binary.version");
      String spark = System.getProperty("spark.version");
      assertThat(names).contains("hashtag-streams-examples" + ours, "hashtag-streams-core" + ours,
          "hashtag-streams-kafka-io" + ours, "spark-sql_" + scala + "-" + spark + ".jar",
          "spark-sql-kafka-0-10_" + scala + "-" + spark + ".jar",
          "kafka_" + scala + "-" + System.getProperty("kafka.version") + ".jar", "picocli-4.7.7.jar");
      assertThat(names).anyMatch(name -> name.startsWith("hadoop-client-runtime-"));
      assertThat(names).as("no test-only jars").noneMatch(name -> name.startsWith("junit-")
          || name.startsWith("assertj-") || name.contains("-tests") || name.startsWith("byte-buddy"));
    }
  }

  @Test
  void readmeListsEveryJavaFlagTheScriptSets() throws IOException {
    String script = Files.readString(appHome().resolve("bin/hashtag-streams"));
    Matcher flags = Pattern.compile("(?m)^JAVA17_SPARK_FLAGS=\"([^\"]+)\"$").matcher(script);
    assertThat(flags.find()).as("the flags line in the script").isTrue();
    List<String> each = List.of(flags.group(1).trim().split("\\s+"));
    assertThat(each).hasSize(17).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
    String readme = Files.readString(Path.of("../README.md"));
    String section = readme.substring(readme.indexOf("## Using it from your own app"));
    assertThat(each).allSatisfy(flag -> assertThat(section).contains(flag));
  }

  @Test
  void printsTheVersion() throws Exception {
    Run run = Run.start(appHome(), "--version");
    assertThat(run.waitFor(SHORT_TIMEOUT)).isEqualTo(HashtagStreamsApp.OK);
    assertThat(run.out).containsExactly("hashtag-streams " + System.getProperty("app.version"),
        "built for Spark " + System.getProperty("spark.version") + " (Scala "
            + System.getProperty("scala.binary.version") + ")");
    assertThat(run.err).isEmpty();
  }

  @Test
  void exitsWithTwoAndTheErrorOnStandardErrorForABadOption() throws Exception {
    Run run = Run.start(appHome(), "top", "--bogus");
    assertThat(run.waitFor(SHORT_TIMEOUT)).isEqualTo(HashtagStreamsApp.USAGE);
    assertThat(run.out).isEmpty();
    assertThat(run.err.get(0)).isEqualTo("error: unknown option '--bogus' for 'top'; known: "
        + HashtagStreamsAppTest.TOP_OPTIONS);
    assertThat(run.err).hasSize(2);
    assertThat(run.err.get(1)).isEqualTo("(see 'hashtag-streams top --help' for the options)");
  }

  @Test
  void runsTopOnTheEmbeddedBrokerWithTheSparkUiShowingTheQuery() throws Exception {
    Run run = Run.start(appHome(), "top", "--duration", "30s", "--trigger", "2s", "--window", "10s", "--k", "3");
    try {
      String feeding = run.awaitErrLine(line -> line.startsWith("[kafka] embedded broker"), RUN_TIMEOUT);
      assertThat(feeding).as("the query started").isNotNull();
      Matcher ui = run.err.stream().map(UI_LINE::matcher).filter(Matcher::matches).findFirst().orElseThrow(
          () -> new AssertionError("no 'Spark UI: http://127.0.0.1:<port>' line before the query started: " + run.err));

      // The query runs for 30 s from here: its name is on the Structured Streaming tab.
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(ui.group(1) + "/StreamingQuery/"))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Active Streaming Queries (1)");
      assertThat(page.body()).containsPattern("<td>\\s*top\\s*</td>");

      assertThat(run.waitFor(RUN_TIMEOUT)).isEqualTo(HashtagStreamsApp.OK);
    } finally {
      run.destroy();
    }
    assertThat(run.err).hasSize(3);
    assertThat(run.err.get(0)).matches(UI_LINE);
    assertThat(run.err.get(1)).matches("\\[kafka] embedded broker at 127\\.0\\.0\\.1:\\d+: feeding topic tweets with"
        + " 2000 generated tweets/s, event time running 10x the wall clock");
    assertThat(run.err.get(2)).matches("\\[app] top ran for 30s; \\d+ tweets produced; \\d+ rows? dropped behind the"
        + " watermark" + LATE_PLACE + ", rejected \\d+( \\([a-z_]+ \\d+(, [a-z_]+ \\d+)*\\))?");
    // Whatever the machine's speed allowed: progress lines and top tables, nothing else.
    assertThat(run.out).allSatisfy(line -> assertThat(line).matches(String.join("|",
        "\\[top] batch \\d+: in \\d+ rows/s, processed \\d+ rows/s, \\d+ ms, watermark"
            + " (-|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z), state \\d+ rows, \\d+ late" + LATE_PLACE
            + ", rejected \\d+( \\([a-z_]+ \\d+(, [a-z_]+ \\d+)*\\))?",
        "== top \\| batch \\d+ ==",
        "window_start {9}window_end {11}rank  topic +count",
        "-{19}  -{19}  ----  -+  -+",
        TIMESTAMP + "  " + TIMESTAMP + " {5}[1-3]  \\S+ +\\d+")));
  }

  /** A child process running the script, its output lines collected as they come. */
  private static final class Run {

    final List<String> out = new CopyOnWriteArrayList<>();
    final List<String> err = new CopyOnWriteArrayList<>();
    private final Process process;
    private final Thread outReader;
    private final Thread errReader;
    private final Object lines = new Object();

    private Run(Process process) {
      this.process = process;
      this.outReader = reader(process.getInputStream(), out, "out");
      this.errReader = reader(process.getErrorStream(), err, "err");
    }

    static Run start(Path home, String... args) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(home.resolve("bin/hashtag-streams").toString());
      command.addAll(List.of(args));
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().put("JAVA_OPTS", "-Xmx1g");
      builder.environment().remove("SPARK_LOCAL_IP");        // the script's default, 127.0.0.1, applies
      return new Run(builder.start());
    }

    private Thread reader(InputStream stream, List<String> into, String name) {
      Thread thread = new Thread(() -> {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            into.add(line);
            synchronized (lines) {
              lines.notifyAll();
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, "bin-script-" + name);
      thread.setDaemon(true);
      thread.start();
      return thread;
    }

    /** The first standard error line that matches, or null when the timeout passes or the process ends first. */
    String awaitErrLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      synchronized (lines) {
        while (true) {
          for (String line : err) {
            if (wanted.test(line)) {
              return line;
            }
          }
          long left = deadline - System.nanoTime();
          if (left <= 0 || !process.isAlive() && !errReader.isAlive()) {
            return null;
          }
          lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 1000)));
        }
      }
    }

    /** Waits for the exit and for both streams to be read to their end. */
    int waitFor(Duration timeout) throws InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        destroy();
        throw new AssertionError("the script did not end within " + timeout + "; out: " + out + " err: " + err);
      }
      outReader.join(TimeUnit.SECONDS.toMillis(30));
      errReader.join(TimeUnit.SECONDS.toMillis(30));
      return process.exitValue();
    }

    void destroy() throws InterruptedException {
      if (process.isAlive()) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
