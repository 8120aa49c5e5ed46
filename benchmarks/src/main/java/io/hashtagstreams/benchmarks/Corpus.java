package io.hashtagstreams.benchmarks;

import java.io.BufferedReader;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.sample.TweetGenerator;

/**
 * The benchmark inputs: generator tweets written as JSON lines, or any JSON-lines file, loaded as UTF-8 bytes.
 */
public final class Corpus {

  /** The generator seed every benchmark uses, so all of them measure the same tweets. */
  public static final long SEED = 42L;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Corpus() {
  }

  /**
   * Writes {@code args[1]} generator tweets (seed {@link #SEED}) to the JSON-lines file {@code args[0]}, e.g. to
   * profile a harness without the generator in the recording:
   * {@code java -cp benchmarks/target/benchmarks.jar io.hashtagstreams.benchmarks.Corpus /tmp/tweets.jsonl 200000}.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: Corpus file.jsonl tweets");
    }
    writeJsonLines(Path.of(args[0]), Integer.parseInt(args[1]), SEED);
  }

  /**
   * The generator every benchmark uses: {@link TweetGenerator}'s defaults (1,000 tweets per second of event time
   * from 2016-08-05T23:00Z, 35% retweets, 10% extended tweets, 2% notices, no malformed lines) with this seed.
   */
  public static TweetGenerator generator(long seed) {
    return TweetGenerator.builder().seed(seed).build();
  }

  /**
   * Writes {@code posts} generator lines of one format, one per line, to a new temporary file, and returns it with
   * the number of bytes written (line breaks not counted).
   */
  public static Path formatFile(io.hashtagstreams.core.PostFormat format, int posts, long[] bytes)
      throws IOException {
    return formatFile(format, posts, bytes, false);
  }

  /**
   * As {@link #formatFile(io.hashtagstreams.core.PostFormat, int, long[])}; with {@code minimal} every line is
   * first trimmed by {@link MinimalTweets#trim(byte[])} (for Twitter v1.1 lines: the per-row floor).
   */
  public static Path formatFile(io.hashtagstreams.core.PostFormat format, int posts, long[] bytes, boolean minimal)
      throws IOException {
    Path file = Files.createTempFile("posts-" + format.id() + "-", ".jsonl");
    TweetGenerator generator = TweetGenerator.builder().seed(SEED).formats(format).build();
    long total = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (int i = 0; i < posts; i++) {
        byte[] line = generator.next().bytes();
        if (minimal) {
          line = MinimalTweets.trim(line);
        }
        total += line.length;
        out.write(line);
        out.write('\n');
      }
    }
    bytes[0] = total;
    return file;
  }

  /** Writes {@code tweets} generator tweets, one JSON object per line, to {@code file}. */
  public static void writeJsonLines(Path file, int tweets, long seed) throws IOException {
    TweetGenerator generator = generator(seed);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (int i = 0; i < tweets; i++) {
        out.write(generator.next().bytes());
        out.write('\n');
      }
    }
  }

  /**
   * A temporary JSON-lines file (the caller deletes it) with {@code tweets} generator tweets when {@code input} is
   * empty, otherwise with the first {@code tweets} non-empty lines of {@code input}.
   */
  public static Path temporaryFile(String input, int tweets) throws IOException {
    Path file = Files.createTempFile("tweets-", ".jsonl");
    if (input == null || input.isEmpty()) {
      writeJsonLines(file, tweets, SEED);
      return file;
    }
    try (BufferedReader in = Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      String line;
      int written = 0;
      while (written < tweets && (line = in.readLine()) != null) {
        if (!line.isBlank()) {
          out.write(line);
          out.write('\n');
          written++;
        }
      }
    }
    return file;
  }

  /**
   * The records of {@code input} (a JSON-lines file; empty lines skipped, at most {@code limit}), or, when
   * {@code input} is empty, {@code limit} generator tweets with {@link #SEED}.
   */
  public static List<byte[]> records(String input, int limit) {
    List<byte[]> records = new ArrayList<>();
    if (input == null || input.isEmpty()) {
      TweetGenerator generator = generator(SEED);
      for (int i = 0; i < limit; i++) {
        records.add(generator.next().bytes());
      }
      return records;
    }
    try (BufferedReader in = Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8)) {
      String line;
      while (records.size() < limit && (line = in.readLine()) != null) {
        if (!line.isBlank()) {
          records.add(line.getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  /**
   * Record count and total bytes of what {@link #records} would return, computed without keeping the records.
   *
   * @return {@code {records, bytes}}
   */
  public static long[] size(String input, int limit) {
    long[] size = new long[2];
    if (input == null || input.isEmpty()) {
      TweetGenerator generator = generator(SEED);
      for (int i = 0; i < limit; i++) {
        size[0]++;
        size[1] += generator.next().size();
      }
      return size;
    }
    try (BufferedReader in = Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8)) {
      String line;
      while (size[0] < limit && (line = in.readLine()) != null) {
        if (!line.isBlank()) {
          size[0]++;
          size[1] += line.getBytes(StandardCharsets.UTF_8).length;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return size;
  }

  /** Total bytes of {@code records}. */
  public static long bytes(List<byte[]> records) {
    long total = 0;
    for (byte[] record : records) {
      total += record.length;
    }
    return total;
  }

  /**
   * The complete texts (as {@code extractText} returns them) of the tweets among the first {@code limit} records
   * of {@code input}, or of {@code limit} generator records ({@link GeneratedRecord#fullText()}) when it is empty.
   */
  public static List<String> texts(String input, int limit) {
    if (input == null || input.isEmpty()) {
      List<String> texts = new ArrayList<>();
      for (GeneratedRecord record : generator(SEED).next(limit)) {
        if (record.isTweet()) {
          texts.add(record.fullText());
        }
      }
      return texts;
    }
    return fullTexts(records(input, limit));
  }

  /**
   * The complete text of each tweet the way {@code extractText} defines it (retweeted tweet first, then
   * {@code extended_tweet.full_text}, then {@code text}), entities not decoded; records without a text are skipped.
   * Read with a Jackson tree, which is slow but independent of the code under test.
   */
  public static List<String> fullTexts(List<byte[]> records) {
    List<String> texts = new ArrayList<>(records.size());
    for (byte[] record : records) {
      try {
        JsonNode tweet = MAPPER.readTree(record);
        JsonNode source = tweet.hasNonNull("retweeted_status") ? tweet.get("retweeted_status") : tweet;
        JsonNode text = source.path("extended_tweet").path("full_text");
        if (!text.isTextual()) {
          text = source.path("text");
        }
        if (text.isTextual()) {
          texts.add(text.asText());
        }
      } catch (IOException e) {
        // not a tweet: nothing to extract hashtags from
      }
    }
    return texts;
  }
}
