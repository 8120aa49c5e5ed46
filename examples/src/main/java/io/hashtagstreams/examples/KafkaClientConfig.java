package io.hashtagstreams.examples;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * {@code --kafka-config FILE}: Kafka client settings read from a Java properties file (for a secured cluster:
 * {@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code ssl.truststore.location},
 * {@code ssl.truststore.password}, ...), given to every Kafka client of a run: the Spark Kafka source and sink (as
 * {@code kafka.}-prefixed options), their fail-fast check, the dead-letter writer, and the producers of
 * {@code replay} and {@code ingest}.
 *
 * <pre>{@code
 * KafkaClientConfig settings = KafkaClientConfig.load(Path.of("client.properties"));
 * settings.applyTo(sourceBuilder::option);
 * }</pre>
 *
 * <p>Keys may be given with or without the {@code kafka.} prefix; they are stored without it. Keys the app sets
 * itself are refused, naming the key and the option that sets it. Values are secrets: they appear in no message,
 * not in {@link #toString()} (which lists the keys only), and never in a {@code spark.*} setting. An empty file is
 * allowed and changes nothing.
 *
 * @since 0.3.0
 */
public final class KafkaClientConfig {

  /** No settings: what a run without {@code --kafka-config} uses. */
  public static final KafkaClientConfig NONE = new KafkaClientConfig(null, Map.of());

  private static final String PREFIX = "kafka.";

  /** Keys the app or the library sets itself, mapped to what sets them. */
  private static final Map<String, String> OWNED = Map.ofEntries(
      Map.entry("bootstrap.servers", "use --bootstrap-servers"),
      Map.entry("key.serializer", "the app writes bytes"),
      Map.entry("value.serializer", "the app writes bytes"),
      Map.entry("key.deserializer", "the app reads bytes"),
      Map.entry("value.deserializer", "the app reads bytes"),
      Map.entry("group.id", "the Spark Kafka source picks a fresh group per query"),
      Map.entry("enable.auto.commit", "offsets live in the checkpoint"),
      Map.entry("auto.offset.reset", "use --from-beginning"),
      Map.entry("transactional.id", "use --exactly-once, which derives it from the checkpoint and topic"),
      Map.entry("interceptor.classes", "the Spark Kafka source refuses it"));

  private final Path file;
  private final Map<String, String> settings;

  private KafkaClientConfig(Path file, Map<String, String> settings) {
    this.file = file;
    this.settings = settings;
  }

  /**
   * Reads the settings of {@code --kafka-config FILE}.
   *
   * @param file a Java properties file (ISO-8859-1 escapes as {@link Properties#load(Reader)}, read as UTF-8)
   * @return the settings, keys without the {@code kafka.} prefix
   * @throws UsageException naming the file when it is missing, not a regular file or unreadable; naming the key
   *     (never the value) for a key the app sets itself, a blank key or a key set twice (with and without prefix)
   */
  public static KafkaClientConfig load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("--kafka-config " + file + ": " + (Files.exists(file) ? "not a regular file"
          : "no such file"));
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      // The exception text may quote the file's content (a malformed escape): only its type is shown.
      throw new UsageException("--kafka-config " + file + ": cannot be read as a properties file ("
          + e.getClass().getSimpleName() + ")");
    }
    Map<String, String> settings = new TreeMap<>();
    for (String rawKey : properties.stringPropertyNames()) {
      String key = rawKey.trim();
      String bare = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
      if (bare.isEmpty()) {
        throw new UsageException("--kafka-config " + file + ": key '" + rawKey + "' names no Kafka setting");
      }
      String owner = OWNED.get(bare.toLowerCase(Locale.ROOT));
      if (owner != null) {
        throw new UsageException("--kafka-config " + file + ": key '" + rawKey + "' is set by the app itself ("
            + owner + "); remove it from the file");
      }
      if (settings.containsKey(bare)) {
        throw new UsageException("--kafka-config " + file + ": key '" + bare + "' is given twice (with and"
            + " without the kafka. prefix)");
      }
      settings.put(bare, properties.getProperty(rawKey).trim());
    }
    return new KafkaClientConfig(file, Collections.unmodifiableMap(settings));
  }

  /**
   * Gives every setting to a builder's {@code option(key, value)}.
   *
   * @param option the builder's option method; called with keys without the {@code kafka.} prefix
   */
  public void applyTo(BiConsumer<String, String> option) {
    settings.forEach(option);
  }

  /** The settings, keys without the {@code kafka.} prefix; values are secrets, never print them. */
  public Map<String, String> settings() {
    return settings;
  }

  /** Whether no setting is given. */
  public boolean isEmpty() {
    return settings.isEmpty();
  }

  /** The file and the keys it sets, never the values. */
  @Override
  public String toString() {
    return file == null ? "KafkaClientConfig{}" : "KafkaClientConfig{" + file + ": " + settings.keySet() + "}";
  }
}
