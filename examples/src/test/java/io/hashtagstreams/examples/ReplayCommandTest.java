package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.sample.TweetGenerator;
import io.hashtagstreams.kafka.testing.TweetArchives;

/**
 * {@code replay} through {@link HashtagStreamsApp#run} on the embedded test broker, with archives written here in
 * the Internet Archive's layout: byte-identical delivery, resuming with {@code --skip}, and exit code 1 with the
 * message for a truncated {@code .bz2}, a corrupt tar, a missing path, a closed port and a missing topic. The
 * library behind it is tested in kafka-io ({@code ReplayerTest}).
 */
class ReplayCommandTest {

  @TempDir
  static Path dir;
  private static List<String> expected;
  private static String tar;
  private static String gz;

  @BeforeAll
  static void writeArchives() throws IOException {
    List<GeneratedRecord> tweets = tweets(21, 500);
    List<byte[]> tarLines = TweetArchives.writeMinuteTar(dir.resolve("stream.tar"), tweets);
    List<byte[]> more = tweets(22, 40).stream().map(GeneratedRecord::bytes).toList();
    byte[] crlf = TweetArchives.join(more, "\r\n");
    byte[] withEmpty = new byte[crlf.length + 2];
    System.arraycopy(crlf, 0, withEmpty, 2, crlf.length);
    withEmpty[0] = '\r';
    withEmpty[1] = '\n';
    Files.write(dir.resolve("more.json.gz"), TweetArchives.gzip(withEmpty));
    tar = dir.resolve("stream.tar").toString();
    gz = dir.resolve("more.json.gz").toString();
    expected = new ArrayList<>();
    tarLines.forEach(line -> expected.add(text(line)));
    more.forEach(line -> expected.add(text(line)));
  }

  static List<GeneratedRecord> tweets(long seed, int count) {
    return TweetGenerator.builder().seed(seed).start(Instant.parse("2016-07-01T00:00:00Z")).tweetsPerSecond(2)
        .build().next(count);
  }

  @Test
  void replaysEveryLineByteIdenticalAndOnceThenPrintsTheSummary() {
    String topic = Fixtures.newTopic("replay");
    Fixtures.Capture out = new Fixtures.Capture();
    Fixtures.Capture err = new Fixtures.Capture();

    int code = run(out, err, "--input", tar, gz, "--topic", topic, "--progress", "10ms");

    assertThat(code).as("stderr:%n%s", err.text()).isZero();
    assertThat(values(topic)).containsExactlyElementsOf(expected);
    assertThat(err.text()).containsPattern("\\[replay\\] done: " + String.format("%,d", expected.size())
        + " records, [\\d,.]+ MB, " + (TweetArchives.byMinute(tweets(21, 500)).size() + 1)
        + " files/entries, 1 empty lines skipped, 0 records skipped by --skip, ")
        .doesNotContain("error");
    assertThat(out.text()).isEmpty();
  }

  @Test
  void skipResumesExactlyWhereALimitedRunStopped() {
    String topic = Fixtures.newTopic("replay-skip");
    assertThat(run(new Fixtures.Capture(), new Fixtures.Capture(), "--input", tar, gz, "--topic", topic,
        "--limit", "123")).isZero();
    assertThat(run(new Fixtures.Capture(), new Fixtures.Capture(), "--input", tar, gz, "--topic", topic,
        "--skip", "123")).isZero();

    assertThat(values(topic)).containsExactlyElementsOf(expected);
  }

  @Test
  void aTruncatedBzip2FailsNamingFileAndLine() throws IOException {
    List<byte[]> lines = tweets(23, 1000).stream().map(GeneratedRecord::bytes).toList();
    byte[] compressed = TweetArchives.bzip2(TweetArchives.join(lines, "\n"), 1);
    Path cut = dir.resolve("cut.json.bz2");
    Files.write(cut, Arrays.copyOf(compressed, compressed.length * 2 / 3));
    Fixtures.Capture err = new Fixtures.Capture();

    int code = run(new Fixtures.Capture(), err, "--input", cut.toString(), "--topic", Fixtures.newTopic("cut"));

    assertThat(code).isEqualTo(1);
    assertThat(err.text()).containsPattern("(?m)^error: \\Q" + cut + "\\E, line \\d+: .+$");
  }

  @Test
  void aCorruptTarFailsNamingTheEntry() throws IOException {
    byte[] bytes = Files.readAllBytes(Path.of(tar));
    Path truncated = dir.resolve("truncated.tar");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
    Fixtures.Capture err = new Fixtures.Capture();

    int code = run(new Fixtures.Capture(), err, "--input", truncated.toString(), "--topic",
        Fixtures.newTopic("truncated"));

    assertThat(code).isEqualTo(1);
    assertThat(err.text()).containsPattern("(?m)^error: \\Q" + truncated
        + ", entry 2016/07/01/\\E\\d\\d/\\d\\d\\.json\\.bz2, line \\d+: .+$");
  }

  @Test
  void aMissingPathFailsBeforeAnythingIsSent() {
    String missing = dir.resolve("absent.tar").toString();
    String topic = Fixtures.newTopic("absent");
    Fixtures.Capture err = new Fixtures.Capture();

    int code = run(new Fixtures.Capture(), err, "--input", tar, missing, "--topic", topic);

    assertThat(code).isEqualTo(1);
    assertThat(err.text()).isEqualTo("error: " + missing + ": no such file or directory" + Fixtures.NL);
    assertThat(values(topic)).isEmpty();
  }

  @Test
  void aClosedPortFailsFastNamingTheServers() throws IOException {
    String closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = "127.0.0.1:" + socket.getLocalPort();
    }
    Fixtures.Capture err = new Fixtures.Capture();

    int code = HashtagStreamsApp.run(new String[] {"replay", "--input", tar, "--bootstrap-servers", closed,
        "--topic", "tweets", "--kafka-timeout", "2s"}, new Fixtures.Capture().stream(), err.stream());

    assertThat(code).isEqualTo(1);
    assertThat(err.text()).isEqualTo("error: Replayer: no Kafka broker answered at " + closed + " within 2 s; check"
        + " the bootstrap servers and the network, and set kafka.security.protocol if the cluster uses TLS or SASL"
        + " (the topic must exist, or use --create-topic PARTITIONS)"
        + Fixtures.NL);
  }

  @Test
  void aClosedPortWithCreateTopicSaysTheTopicIsCreatedOnceABrokerAnswers() throws IOException {
    String closed = "127.0.0.1:" + io.hashtagstreams.kafka.testing.LoopbackPorts.reserve(1)[0];
    Fixtures.Capture err = new Fixtures.Capture();

    int code = HashtagStreamsApp.run(new String[] {"replay", "--input", tar, "--bootstrap-servers", closed,
        "--topic", "tweets", "--create-topic", "2", "--kafka-timeout", "2s"}, new Fixtures.Capture().stream(),
        err.stream());

    assertThat(code).isEqualTo(1);
    assertThat(err.text()).isEqualTo("error: Replayer: no Kafka broker answered at " + closed + " within 2 s; check"
        + " the bootstrap servers and the network, and set kafka.security.protocol if the cluster uses TLS or SASL"
        + " (--create-topic 2 creates the topic once a broker answers)"
        + Fixtures.NL);
  }

  @Test
  void aMissingTopicFailsUnlessCreateTopicIsGiven() {
    String topic = "replay-not-created-" + System.nanoTime();
    Fixtures.Capture err = new Fixtures.Capture();

    int code = HashtagStreamsApp.run(new String[] {"replay", "--input", gz, "--bootstrap-servers",
        Fixtures.broker().bootstrapServers(), "--topic", topic, "--kafka-timeout", "5s"},
        new Fixtures.Capture().stream(), err.stream());

    assertThat(code).isEqualTo(1);
    assertThat(err.text()).isEqualTo("error: Replayer: topic '" + topic + "' does not exist at "
        + Fixtures.broker().bootstrapServers() + "; create it first or fix the name (the topic must exist, or use"
        + " --create-topic PARTITIONS)" + Fixtures.NL);
    assertThat(HashtagStreamsApp.run(new String[] {"replay", "--input", gz, "--bootstrap-servers",
        Fixtures.broker().bootstrapServers(), "--topic", topic, "--create-topic", "1"},
        new Fixtures.Capture().stream(), new Fixtures.Capture().stream())).isZero();
    assertThat(values(topic)).containsExactlyElementsOf(expected.subList(expected.size() - 40, expected.size()));
  }

  @Test
  void requiredOptionsAndBadValuesAreUsageErrors() {
    Fixtures.Capture err = new Fixtures.Capture();
    assertThat(HashtagStreamsApp.run(new String[] {"replay", "--topic", "t", "--bootstrap-servers", "a:1"},
        new Fixtures.Capture().stream(), err.stream())).isEqualTo(2);
    assertThat(err.text()).isEqualTo("error: replay needs --input PATH..." + Fixtures.NL
        + "(see 'hashtag-streams replay --help' for the options)" + Fixtures.NL);
    Fixtures.Capture err2 = new Fixtures.Capture();
    assertThat(HashtagStreamsApp.run(new String[] {"replay", "--input", gz, "--topic", "t", "--bootstrap-servers",
        "a:1", "--speed", "0"}, new Fixtures.Capture().stream(), err2.stream())).isEqualTo(2);
    assertThat(err2.text()).startsWith("error: --speed must be a positive number, got '0'" + Fixtures.NL);
  }

  private static int run(Fixtures.Capture out, Fixtures.Capture err, String... words) {
    List<String> args = new ArrayList<>(List.of("replay", "--bootstrap-servers",
        Fixtures.broker().bootstrapServers()));
    args.addAll(List.of(words));
    return HashtagStreamsApp.run(args.toArray(String[]::new), out.stream(), err.stream());
  }

  private static List<String> values(String topic) {
    return Fixtures.consumeAll(topic).stream().map(record -> text(record.value())).toList();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
