package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;

import io.hashtagstreams.core.Hashtags;
import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.sample.TweetGenerator;
import io.hashtagstreams.core.testing.SparkTestSession;
import io.hashtagstreams.kafka.testing.EmbeddedKafka;

/**
 * What the subcommand tests share: one embedded broker per test JVM, one topic holding a fixed set of generated
 * tweets (seed 7, 40 per second of event time from 2016-08-05T23:00:00Z, so 1,200 lines cover 30 s), the ground
 * truth computed from the generator's own records, and an output capture.
 */
final class Fixtures {

  static final Instant START = Instant.parse("2016-08-05T23:00:00Z");
  static final int LINES = 1200;
  static final double PER_SECOND = 40;
  static final String NL = System.lineSeparator();
  static final Duration QUERY_TIMEOUT = Duration.ofMinutes(2);

  private static final AtomicInteger TOPICS = new AtomicInteger();
  private static EmbeddedKafka broker;
  private static List<GeneratedRecord> records;
  private static String tweetsTopic;

  private Fixtures() {
  }

  static synchronized EmbeddedKafka broker() {
    if (broker == null) {
      broker = new EmbeddedKafka().start();
      EmbeddedKafka started = broker;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "fixtures-broker-close"));
    }
    return broker;
  }

  static synchronized List<GeneratedRecord> records() {
    if (records == null) {
      records = Collections.unmodifiableList(TweetGenerator.builder().seed(7).start(START)
          .tweetsPerSecond(PER_SECOND).build().next(LINES));
    }
    return records;
  }

  /** A one-partition topic holding {@link #records()} in order, created and filled once. */
  static synchronized String tweetsTopic() {
    if (tweetsTopic == null) {
      String topic = newTopic("tweets");
      List<byte[]> values = new ArrayList<>();
      for (GeneratedRecord record : records()) {
        values.add(record.bytes());
      }
      produce(topic, Collections.nCopies(values.size(), null), values);
      tweetsTopic = topic;
    }
    return tweetsTopic;
  }

  /** A new, empty one-partition topic. */
  static String newTopic(String prefix) {
    String topic = prefix + "-" + TOPICS.incrementAndGet();
    broker().createTopic(topic, 1);
    return topic;
  }

  static void produce(String topic, List<byte[]> keys, List<byte[]> values) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      for (int i = 0; i < values.size(); i++) {
        producer.send(new ProducerRecord<>(topic, keys.get(i), values.get(i))).get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("producing to " + topic + " failed", e);
    }
  }

  /** Every committed record of a one-partition topic, read up to its end offset (bounded by a timeout). */
  static List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
    TopicPartition partition = new TopicPartition(topic, 0);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (consumer.position(partition) < end) {
        assertThat(System.nanoTime()).as("reading %s up to offset %d", topic, end).isLessThan(deadline);
        consumer.poll(Duration.ofMillis(500)).forEach(all::add);
      }
    }
    return all;
  }

  /** Options that point a subcommand at the fixture topic and make it stop once the topic is read. */
  static String[] args(String... extra) {
    List<String> words = new ArrayList<>(List.of("--bootstrap-servers", broker().bootstrapServers(),
        "--topic", tweetsTopic(), "--from-beginning", "--trigger", "available-now"));
    words.addAll(List.of(extra));
    return words.toArray(new String[0]);
  }

  static QueryContext context(Capture capture) {
    try {
      return new QueryContext(SparkTestSession.get(), broker().bootstrapServers(),
          Files.createTempDirectory("examples-test-"), capture.stream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for an available-now query to finish and checks that it did not fail. */
  static void awaitEnd(StreamingQuery query) {
    try {
      assertThat(query.awaitTermination(QUERY_TIMEOUT.toMillis())).as("query finished in time").isTrue();
    } catch (StreamingQueryException e) {
      throw new AssertionError("query failed", e);
    }
    assertThat(query.exception().isEmpty()).isTrue();
  }

  /** The normalized hashtags of a generated tweet, every occurrence. */
  static List<String> topics(GeneratedRecord record) {
    List<String> topics = new ArrayList<>();
    for (String tag : record.hashtags()) {
      topics.add(Hashtags.normalize(tag));
    }
    return topics;
  }

  /** Ground truth: occurrences per topic over all tweets. */
  static Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    for (GeneratedRecord record : records()) {
      if (record.isTweet()) {
        for (String topic : topics(record)) {
          counts.merge(topic, 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  /** Ground truth: occurrences per tumbling window start and topic. */
  static Map<Instant, Map<String, Long>> windowCounts(Duration window) {
    Map<Instant, Map<String, Long>> counts = new TreeMap<>();
    long size = window.toMillis();
    for (GeneratedRecord record : records()) {
      if (record.isTweet()) {
        long millis = record.createdAt().toEpochMilli();
        Instant start = Instant.ofEpochMilli(millis - Math.floorMod(millis, size));
        for (String topic : topics(record)) {
          counts.computeIfAbsent(start, s -> new TreeMap<>()).merge(topic, 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  /** The latest event time among the tweets. */
  static Instant maxEventTime() {
    Instant max = Instant.MIN;
    for (GeneratedRecord record : records()) {
      if (record.isTweet() && record.createdAt().isAfter(max)) {
        max = record.createdAt();
      }
    }
    return max;
  }

  /**
   * A printed table read back, independently of {@code TablePrinter}: the title line, then the header, then one list
   * of cells per row (cells are separated by at least two spaces; the dashes line is checked and dropped).
   */
  static List<List<String>> readTable(String printed, String title) {
    String[] lines = printed.split("\\R");
    assertThat(lines[0]).isEqualTo(title);
    List<List<String>> table = new ArrayList<>();
    table.add(List.of(lines[1].strip().split(" {2,}")));
    assertThat(lines[2]).matches("-+(  -+)*");
    for (int i = 3; i < lines.length; i++) {
      if (!lines[i].equals(BatchTable.MORE)) {
        table.add(List.of(lines[i].strip().split(" {2,}")));
      }
    }
    return table;
  }

  /** The header, then each expected row as text: timestamps as {@code yyyy-MM-dd HH:mm:ss} UTC, others as is. */
  static List<List<String>> expectedTable(List<String> header, List<org.apache.spark.sql.Row> rows) {
    java.time.format.DateTimeFormatter utc = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(java.time.ZoneOffset.UTC);
    List<List<String>> table = new ArrayList<>();
    table.add(header);
    for (org.apache.spark.sql.Row row : rows) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        Object value = row.get(i);
        cells.add(value instanceof java.sql.Timestamp ? utc.format(((java.sql.Timestamp) value).toInstant())
            : String.valueOf(value));
      }
      table.add(cells);
    }
    return table;
  }

  /**
   * The text a table must print as, written out independently of {@code TablePrinter} from its documented layout:
   * each column as wide as its widest cell or header (in terminal columns, see {@link #terminalWidth}), two spaces between columns, the header and
   * text left-aligned, the columns listed in {@code rightAligned} (numbers) right-aligned, a rule of dashes under
   * the header, no trailing spaces, every line ending with the line separator.
   *
   * @param table the header, then the rows, as from {@link #expectedTable}
   * @param rightAligned the indexes of the numeric columns
   */
  static String alignedTable(List<List<String>> table, int... rightAligned) {
    int columns = table.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : table) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], terminalWidth(row.get(c)));
      }
    }
    java.util.Set<Integer> right = new java.util.HashSet<>();
    for (int c : rightAligned) {
      right.add(c);
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < table.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String cell = table.get(r).get(c);
        String pad = " ".repeat(widths[c] - terminalWidth(cell));
        line.append(c == 0 ? "" : "  ").append(r > 0 && right.contains(c) ? pad + cell : cell + pad);
      }
      out.append(line.toString().stripTrailing()).append(NL);
      if (r == 0) {
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns; c++) {
          rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.append(rule).append(NL);
      }
    }
    return out.toString();
  }

  /**
   * Terminal columns of the fixtures' texts, by Unicode block rather than by {@code DisplayWidth}'s range table (a
   * second way of getting the same answer for the scripts the generator writes: Latin, Cyrillic, Arabic, Han, Kana,
   * Hangul): CJK ideographs, kana, Hangul syllables, CJK punctuation and full-width forms take two columns, combining
   * marks none, everything else one.
   */
  static int terminalWidth(String text) {
    return text.codePoints().map(cp -> {
      if (Character.getType(cp) == Character.NON_SPACING_MARK || Character.getType(cp) == Character.ENCLOSING_MARK) {
        return 0;
      }
      Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
      boolean wide = block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
          || block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA
          || block == Character.UnicodeBlock.HANGUL_SYLLABLES
          || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
          || (cp >= 0xFF01 && cp <= 0xFF60);
      return wide ? 2 : 1;
    }).sum();
  }

  /** Captures what a query prints, UTF-8. */
  static final class Capture {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    PrintStream stream() {
      return stream;
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
