package io.hashtagstreams.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import io.hashtagstreams.kafka.internal.KafkaNames;
import io.hashtagstreams.kafka.internal.KafkaPreflight;
import io.hashtagstreams.kafka.internal.OptionMap;
import io.hashtagstreams.kafka.internal.Redaction;
import io.hashtagstreams.kafka.internal.SecretSafeExceptions;
import io.hashtagstreams.kafka.internal.SparkKafkaSource;

/**
 * A validated, immutable description of where tweets are read from in Kafka; makes the streaming or batch Dataset
 * that {@code HashtagOps.extractText()} reads.
 *
 * <table>
 *   <caption>Columns of the Dataset it makes (Spark's Kafka source)</caption>
 *   <tr><th>column</th><th>type</th></tr>
 *   <tr><td>{@code key}, {@code value}</td><td>binary, null for a null key or a tombstone</td></tr>
 *   <tr><td>{@code topic}</td><td>string</td></tr>
 *   <tr><td>{@code partition}</td><td>int</td></tr>
 *   <tr><td>{@code offset}</td><td>long</td></tr>
 *   <tr><td>{@code timestamp}</td><td>timestamp</td></tr>
 *   <tr><td>{@code timestampType}</td><td>int</td></tr>
 *   <tr><td>{@code headers}</td><td>array&lt;struct&lt;key string, value binary&gt;&gt;, only with
 *       {@link Builder#includeHeaders(boolean) includeHeaders(true)}</td></tr>
 * </table>
 *
 * <pre>{@code
 * Dataset<Row> tweets = KafkaTweetSource.builder()
 *     .bootstrapServers("broker:9092")
 *     .subscribe("tweets")
 *     .startingOffsets("earliest")
 *     .maxOffsetsPerTrigger(100_000)
 *     .option("security.protocol", "SASL_SSL")
 *     .buildStream(spark)
 *     .transform(HashtagOps.extractText());
 * }</pre>
 *
 * <p>Kafka client settings: {@link Builder#option(String, String)} takes any consumer setting with or without the
 * {@code kafka.} prefix that Spark's Kafka source expects ({@code security.protocol} and
 * {@code kafka.security.protocol} are the same setting). Secret values never appear in {@link #toString()} or in
 * exception messages.
 *
 * <p>One consumer default differs from Kafka's: {@code max.partition.fetch.bytes} is 8 MiB (Kafka: 1 MiB), so a
 * task fetches about 2,000 tweets of 4 KB per round trip instead of 250. Measured with the broker in its own
 * process (BENCHMARKS.md, "Streaming"), it made Spark's read of a tweet topic 1.20x and the whole
 * {@code windowedCounts} pipeline 1.07-1.16x as fast. The price is memory: an idle consumer in Spark's consumer
 * cache (64 by default per executor) may hold one such fetch. Set the option yourself to choose another size.
 *
 * @since 0.1.0
 */
public final class KafkaTweetSource {

  private static final String OWNER = "KafkaTweetSource";
  private static final Map<String, String> OWNED = Map.of(
      "kafka.bootstrap.servers", "bootstrapServers(...)",
      "kafka.auto.offset.reset", "startingOffsets(...)",
      "kafka.key.deserializer", "",
      "kafka.value.deserializer", "",
      "kafka.enable.auto.commit", "",
      "kafka.interceptor.classes", "",
      // Spark source options that option(...) would wrongly pass to the consumer under a kafka. prefix.
      "kafka.minpartitions", "minPartitions(...)",
      "kafka.maxoffsetspertrigger", "maxOffsetsPerTrigger(...)",
      "kafka.maxrecordsperpartition", "maxRecordsPerPartition(...)");
  private static final String[] SUBSCRIPTIONS = {"subscribe", "subscribePattern", "assign"};

  static final Duration DEFAULT_FAIL_FAST_TIMEOUT = Duration.ofSeconds(30);
  /** {@code max.partition.fetch.bytes} unless set: 8 MiB, about 2,000 tweets per fetch instead of Kafka's 1 MiB. */
  static final String PARTITION_FETCH_BYTES = "kafka.max.partition.fetch.bytes";
  static final String DEFAULT_PARTITION_FETCH_BYTES = Integer.toString(8 << 20);
  private static final String TURN_OFF = "turn this check off with failFast(false)";

  private final Map<String, String> options;
  private final boolean failFast;
  private final Duration failFastTimeout;

  private KafkaTweetSource(Map<String, String> options, boolean failFast, Duration failFastTimeout) {
    this.options = options;
    this.failFast = failFast;
    this.failFastTimeout = failFastTimeout;
  }

  /**
   * A new builder; {@link Builder#bootstrapServers(String)} and one subscription are required.
   *
   * @return an empty builder
   * @since 0.1.0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The streaming Dataset of Kafka records ({@code spark.readStream().format("kafka")}).
   *
   * @param spark the session
   * @return the streaming Dataset, columns as in the class description
   * @throws IllegalArgumentException when {@code endingOffsets} was set (a stream has no end) or when
   *     {@code startingOffsets} is not valid for a stream
   * @throws IllegalStateException with fail-fast on, when no broker answers or a topic is missing
   * @since 0.1.0
   */
  public Dataset<Row> stream(SparkSession spark) {
    if (options.containsKey("endingOffsets")) {
      throw new IllegalArgumentException(OWNER + ": endingOffsets is for batch reads only, but was set to '"
          + options.get("endingOffsets") + "' for a stream; remove it or use buildBatch(...)");
    }
    checkKafka();
    try {
      return spark.readStream().format("kafka").options(options).load();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw SecretSafeExceptions.scrubbed(e, options);
    }
  }

  /**
   * The batch Dataset of Kafka records between {@code startingOffsets} (default {@code earliest}) and
   * {@code endingOffsets} (default {@code latest}).
   *
   * @param spark the session
   * @return the batch Dataset, columns as in the class description
   * @throws IllegalArgumentException when {@code maxOffsetsPerTrigger} or {@code maxRecordsPerPartition} was set,
   *     {@code startingOffsets} is {@code latest} or {@code endingOffsets} is {@code earliest}
   * @throws IllegalStateException with fail-fast on, when no broker answers or a topic is missing
   * @since 0.1.0
   */
  public Dataset<Row> batch(SparkSession spark) {
    for (String streamOnly : new String[] {"maxOffsetsPerTrigger", "maxRecordsPerPartition"}) {
      if (options.containsKey(streamOnly)) {
        throw new IllegalArgumentException(OWNER + ": " + streamOnly + " is for streams only, but was set to '"
            + options.get(streamOnly) + "' for a batch read");
      }
    }
    if ("latest".equalsIgnoreCase(options.get("startingOffsets"))) {
      throw new IllegalArgumentException(OWNER + ": startingOffsets 'latest' reads nothing in a batch; use"
          + " 'earliest' or per-partition JSON offsets");
    }
    if ("earliest".equalsIgnoreCase(options.get("endingOffsets"))) {
      throw new IllegalArgumentException(OWNER + ": endingOffsets 'earliest' reads nothing in a batch; use"
          + " 'latest' or per-partition JSON offsets");
    }
    checkKafka();
    try {
      return spark.read().format("kafka").options(options).load();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw SecretSafeExceptions.scrubbed(e, options);
    }
  }

  /**
   * Checks now, whatever {@link Builder#failFast(boolean)} says, that the brokers answer and that the subscribed or
   * assigned topics exist; {@link #stream(SparkSession)} and {@link #batch(SparkSession)} call it when fail-fast is
   * on.
   *
   * @throws IllegalStateException naming the servers when no broker answers within the fail-fast timeout, or
   *     naming the missing topics
   * @since 0.2.0
   */
  public void checkKafkaNow() {
    List<String> topics = new ArrayList<>();
    if (options.containsKey("subscribe")) {
      topics.addAll(Arrays.asList(options.get("subscribe").split(",")));
    } else if (options.containsKey("assign")) {
      topics.addAll(KafkaPreflight.assignedTopics(options.get("assign")));
    }
    KafkaPreflight.check(OWNER, options, topics, List.of(AclOperation.READ), null, failFastTimeout, TURN_OFF);
  }

  private void checkKafka() {
    if (failFast) {
      checkKafkaNow();
    }
  }

  /**
   * The options handed to Spark's Kafka source, secrets included (do not log this map; log the source).
   *
   * @return an immutable map from Spark option name to value
   * @since 0.1.0
   */
  public Map<String, String> sparkOptions() {
    return options;
  }

  /** The options, with secret values shown as {@code [redacted]}. */
  @Override
  public String toString() {
    return OWNER + Redaction.printable(options) + (failFast ? "" : " (fail-fast off)");
  }

  /**
   * Collects the source settings; not thread-safe. Every setter may be called once: a second call throws
   * {@link IllegalStateException}. Bad values throw {@link IllegalArgumentException} at once; missing and
   * conflicting settings throw it from {@link #build()}.
   *
   * @since 0.1.0
   */
  public static final class Builder {

    private final OptionMap options = new OptionMap(OWNER);
    private Boolean failFast;
    private Duration failFastTimeout;

    private Builder() {
    }

    /**
     * Whether {@link KafkaTweetSource#stream(SparkSession)} and {@link KafkaTweetSource#batch(SparkSession)} first
     * check that the brokers answer and the topics exist (default true).
     *
     * @param check false to skip the check, e.g. when the topics are created later
     * @return this builder
     * @throws IllegalStateException when already set
     * @since 0.2.0
     */
    public Builder failFast(boolean check) {
      if (failFast != null) {
        throw new IllegalStateException(OWNER + ": failFast is already set to " + failFast);
      }
      failFast = check;
      return this;
    }

    /**
     * How long the fail-fast check waits for the brokers (default 30 s).
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException when null, zero or negative
     * @throws IllegalStateException when already set
     * @since 0.2.0
     */
    public Builder failFastTimeout(Duration timeout) {
      failFastTimeout = requireTimeout(OWNER, timeout, failFastTimeout);
      return this;
    }

    /**
     * The brokers to bootstrap from (required).
     *
     * @param servers {@code host:port[,host:port...]}
     * @return this builder
     * @throws IllegalArgumentException when blank or an entry lacks a port
     * @throws IllegalStateException when already set
     */
    public Builder bootstrapServers(String servers) {
      options.set("kafka.bootstrap.servers", requireServers(OWNER, servers));
      return this;
    }

    /**
     * Reads these topics (one of subscribe, {@link #subscribePattern(String)}, {@link #assign(String)}).
     *
     * @param topics one or more legal topic names, without duplicates
     * @return this builder
     * @throws IllegalArgumentException when empty, a name is illegal or repeated
     * @throws IllegalStateException when already set
     */
    public Builder subscribe(String... topics) {
      if (topics == null || topics.length == 0) {
        throw new IllegalArgumentException(OWNER + ": subscribe needs at least one topic");
      }
      Set<String> unique = new LinkedHashSet<>();
      for (String topic : topics) {
        KafkaNames.requireTopic(OWNER, "subscribe topic", topic);
        if (!unique.add(topic)) {
          throw new IllegalArgumentException(OWNER + ": subscribe names topic '" + topic + "' twice");
        }
      }
      options.set("subscribe", String.join(",", unique));
      return this;
    }

    /**
     * Reads every topic whose name matches a Java regular expression.
     *
     * @param pattern the regular expression
     * @return this builder
     * @throws IllegalArgumentException when blank or not a valid regular expression
     * @throws IllegalStateException when already set
     */
    public Builder subscribePattern(String pattern) {
      if (pattern != null && !pattern.isBlank()) {
        try {
          Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException(OWNER + ": subscribePattern '" + pattern
              + "' is not a valid regular expression: " + e.getDescription());
        }
      }
      options.set("subscribePattern", pattern);
      return this;
    }

    /**
     * Reads exactly these partitions.
     *
     * @param json partitions per topic, e.g. {@code {"tweets":[0,1]}}
     * @return this builder
     * @throws IllegalArgumentException when not a JSON object
     * @throws IllegalStateException when already set
     */
    public Builder assign(String json) {
      options.set("assign", requireJsonObject("assign", json));
      return this;
    }

    /**
     * Where a new query starts: {@code earliest}, {@code latest} (the streaming default) or JSON offsets per
     * partition such as {@code {"tweets":{"0":23,"1":-2}}} (-2 earliest, -1 latest). Ignored by Spark on restart
     * from a checkpoint.
     *
     * @param offsets the starting offsets
     * @return this builder
     * @throws IllegalArgumentException when neither keyword nor JSON object
     * @throws IllegalStateException when already set
     */
    public Builder startingOffsets(String offsets) {
      options.set("startingOffsets", requireOffsets("startingOffsets", offsets));
      return this;
    }

    /**
     * Where a batch read ends: {@code latest} (default) or JSON offsets per partition; batch only.
     *
     * @param offsets the ending offsets
     * @return this builder
     * @throws IllegalArgumentException when neither keyword nor JSON object
     * @throws IllegalStateException when already set
     */
    public Builder endingOffsets(String offsets) {
      options.set("endingOffsets", requireOffsets("endingOffsets", offsets));
      return this;
    }

    /**
     * At most this many records per micro-batch, split across partitions; streams only.
     *
     * @param max at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     * @throws IllegalStateException when already set
     */
    public Builder maxOffsetsPerTrigger(long max) {
      if (max < 1) {
        throw new IllegalArgumentException(OWNER + ": maxOffsetsPerTrigger must be at least 1, but was " + max);
      }
      options.set("maxOffsetsPerTrigger", Long.toString(max));
      return this;
    }

    /**
     * At least this many Spark tasks per read (Spark's {@code minPartitions}): when the topic has fewer partitions,
     * Spark splits their offset ranges, so a few large partitions can still keep every executor core busy. With
     * no more cores than partitions it buys nothing: on 2 cores, 4 tasks per batch with {@code local[4]} read as
     * fast as 2 tasks with {@code local[2]} (BENCHMARKS.md, "Streaming").
     *
     * @param min at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     * @throws IllegalStateException when already set
     * @since 0.2.0
     */
    public Builder minPartitions(int min) {
      if (min < 1) {
        throw new IllegalArgumentException(OWNER + ": minPartitions must be at least 1, but was " + min);
      }
      options.set("minPartitions", Integer.toString(min));
      return this;
    }

    /**
     * At most this many records per Spark task of a stream (Spark 4's {@code maxRecordsPerPartition}): Spark splits
     * a topic partition's offset range of a micro-batch into pieces of at most {@code max} records, so one busy
     * partition no longer makes one long task. Streams only: Spark 4.2's batch read ignores the option, so
     * {@link #batch} refuses it. The Kafka source of Spark 3.5 does not have the option (and would ignore it
     * silently), so there this method fails at once.
     *
     * @param max at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     * @throws IllegalStateException when already set, or when the Kafka source on the classpath is Spark 3.5's,
     *     naming the Spark version
     * @since 0.3.0
     */
    public Builder maxRecordsPerPartition(long max) {
      if (max < 1) {
        throw new IllegalArgumentException(OWNER + ": maxRecordsPerPartition must be at least 1, but was " + max);
      }
      if (!SparkKafkaSource.hasMaxRecordsPerPartition()) {
        throw new IllegalStateException(OWNER + ": maxRecordsPerPartition needs Spark 4.0 or later, but the Kafka"
            + " source on the classpath is Spark " + SparkKafkaSource.sparkVersion() + "'s, which would ignore it;"
            + " use minPartitions(...) or maxOffsetsPerTrigger(...) on this Spark line");
      }
      options.set("maxRecordsPerPartition", Long.toString(max));
      return this;
    }

    /**
     * Whether the query fails when offsets are gone (topic deleted, retention passed); Spark's default is true.
     *
     * @param fail true to fail, false to log and go on
     * @return this builder
     * @throws IllegalStateException when already set
     */
    public Builder failOnDataLoss(boolean fail) {
      options.set("failOnDataLoss", Boolean.toString(fail));
      return this;
    }

    /**
     * The prefix of the consumer group ids Spark generates (default {@code spark-kafka-source}), for broker ACLs.
     *
     * @param prefix non-blank
     * @return this builder
     * @throws IllegalArgumentException when blank
     * @throws IllegalStateException when already set
     */
    public Builder groupIdPrefix(String prefix) {
      options.set("groupIdPrefix", prefix);
      return this;
    }

    /**
     * Adds the {@code headers} column to the Dataset.
     *
     * @param include true to read record headers
     * @return this builder
     * @throws IllegalStateException when already set
     */
    public Builder includeHeaders(boolean include) {
      options.set("includeHeaders", Boolean.toString(include));
      return this;
    }

    /**
     * Any other Kafka consumer setting, such as {@code security.protocol}, {@code sasl.jaas.config} or
     * {@code ssl.truststore.location}; {@code max.partition.fetch.bytes} set here replaces the source's 8 MiB
     * default. The key is taken with or without the {@code kafka.} prefix and stored with
     * it. Values of keys containing password, jaas, secret or token, and of {@code ssl.key*} keys, are never
     * printed. Keys ending in {@code .ms}, {@code .bytes}, {@code .records} or {@code .size} need a whole number.
     *
     * @param key the consumer setting
     * @param value its value, not blank
     * @return this builder
     * @throws IllegalArgumentException when the key is blank, set by a builder method (bootstrap servers, offset
     *     reset), managed by Spark (deserializers, auto commit, interceptors), or a number is not a number
     * @throws IllegalStateException when the key was already set
     */
    public Builder option(String key, String value) {
      options.setKafka(key, value, OWNED);
      return this;
    }

    /**
     * The immutable source.
     *
     * @return the source
     * @throws IllegalArgumentException when bootstrap servers are missing, no or more than one subscription was
     *     chosen, or {@code groupIdPrefix} and {@code kafka.group.id} are both set
     */
    public KafkaTweetSource build() {
      if (!options.has("kafka.bootstrap.servers")) {
        throw new IllegalArgumentException(OWNER + ": bootstrapServers is required, but was not set (options: "
            + options + ")");
      }
      List<String> chosen = new ArrayList<>();
      for (String subscription : SUBSCRIPTIONS) {
        if (options.has(subscription)) {
          chosen.add(subscription + "=" + options.get(subscription));
        }
      }
      if (chosen.size() != 1) {
        throw new IllegalArgumentException(OWNER + ": exactly one of subscribe, subscribePattern, assign is"
            + " required, but " + (chosen.isEmpty() ? "none was set" : "got " + chosen));
      }
      if (options.has("groupIdPrefix") && options.has("kafka.group.id")) {
        throw new IllegalArgumentException(OWNER + ": groupIdPrefix '" + options.get("groupIdPrefix")
            + "' and kafka.group.id '" + options.get("kafka.group.id") + "' conflict; set one of them");
      }
      Map<String, String> sourceOptions = new LinkedHashMap<>(options.snapshot());
      sourceOptions.putIfAbsent(PARTITION_FETCH_BYTES, DEFAULT_PARTITION_FETCH_BYTES);
      return new KafkaTweetSource(Collections.unmodifiableMap(sourceOptions), failFast == null || failFast,
          failFastTimeout == null ? DEFAULT_FAIL_FAST_TIMEOUT : failFastTimeout);
    }

    /**
     * Shorthand for {@code build().stream(spark)}.
     *
     * @param spark the session
     * @return the streaming Dataset
     * @throws IllegalArgumentException as {@link #build()} and {@link KafkaTweetSource#stream(SparkSession)}
     */
    public Dataset<Row> buildStream(SparkSession spark) {
      return build().stream(spark);
    }

    /**
     * Shorthand for {@code build().batch(spark)}.
     *
     * @param spark the session
     * @return the batch Dataset
     * @throws IllegalArgumentException as {@link #build()} and {@link KafkaTweetSource#batch(SparkSession)}
     */
    public Dataset<Row> buildBatch(SparkSession spark) {
      return build().batch(spark);
    }

    /** The options set so far, secrets shown as {@code [redacted]}. */
    @Override
    public String toString() {
      return OWNER + ".Builder" + options;
    }

    private String requireJsonObject(String name, String json) {
      if (json != null && !json.isBlank() && !KafkaNames.isJsonObject(json)) {
        throw new IllegalArgumentException(OWNER + ": " + name + " must be a JSON object such as"
            + " {\"tweets\":[0,1]}, but was '" + json + "'");
      }
      return json;
    }

    private String requireOffsets(String name, String offsets) {
      if (offsets != null && !offsets.isBlank() && !offsets.equalsIgnoreCase("earliest")
          && !offsets.equalsIgnoreCase("latest") && !KafkaNames.isJsonObject(offsets)) {
        throw new IllegalArgumentException(OWNER + ": " + name + " must be 'earliest', 'latest' or JSON offsets"
            + " per partition, but was '" + offsets + "'");
      }
      return offsets;
    }
  }

  static Duration requireTimeout(String owner, Duration timeout, Duration current) {
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException(owner + ": failFastTimeout must be positive, but was " + timeout);
    }
    if (current != null) {
      throw new IllegalStateException(owner + ": failFastTimeout is already set to " + current);
    }
    return timeout;
  }

  static String requireServers(String owner, String servers) {
    if (servers == null || servers.isBlank()) {
      throw new IllegalArgumentException(owner + ": bootstrapServers must not be null or blank, but was "
          + (servers == null ? "null" : "'" + servers + "'"));
    }
    for (String server : servers.split(",")) {
      String entry = server.trim();
      int colon = entry.lastIndexOf(':');
      boolean valid = colon > 0 && colon < entry.length() - 1;
      if (valid) {
        try {
          int port = Integer.parseInt(entry.substring(colon + 1));
          valid = port > 0 && port < 65536;
        } catch (NumberFormatException e) {
          valid = false;
        }
      }
      if (!valid) {
        throw new IllegalArgumentException(owner + ": bootstrapServers entry '" + entry + "' of '" + servers
            + "' is not host:port");
      }
    }
    return servers;
  }
}
