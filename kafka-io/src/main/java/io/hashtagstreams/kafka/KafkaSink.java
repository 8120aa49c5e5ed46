package io.hashtagstreams.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import io.hashtagstreams.kafka.internal.CloseOnTermination;
import io.hashtagstreams.kafka.internal.KafkaNames;
import io.hashtagstreams.kafka.internal.KafkaPreflight;
import io.hashtagstreams.kafka.internal.OptionMap;
import io.hashtagstreams.kafka.internal.Redaction;
import io.hashtagstreams.kafka.internal.SecretSafeExceptions;
import io.hashtagstreams.kafka.internal.SinkIdentity;
import io.hashtagstreams.kafka.internal.TransactionalBatchWriter;

/**
 * A validated, immutable Kafka sink for a streaming Dataset of records; {@link #start(Dataset)} starts the query.
 *
 * <table>
 *   <caption>Input columns</caption>
 *   <tr><th>column</th><th>type</th><th></th></tr>
 *   <tr><td>{@code value}</td><td>string or binary</td><td>required; null writes a null value</td></tr>
 *   <tr><td>{@code key}</td><td>string or binary</td><td>optional; null or absent writes no key</td></tr>
 *   <tr><td>{@code headers}</td><td>array&lt;struct&lt;key string, value binary&gt;&gt;</td><td>optional</td></tr>
 * </table>
 * Any other column is refused, so that a forgotten {@code toKafkaValue()} fails at start and not in Kafka.
 *
 * <pre>{@code
 * StreamingQuery query = KafkaSink.builder()
 *     .bootstrapServers("broker:9092")
 *     .topic("hashtag-counts")
 *     .checkpointLocation("/checkpoints/hashtag-counts")
 *     .outputMode("update")
 *     .trigger(Trigger.ProcessingTime("10 seconds"))
 *     .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
 *     .build()
 *     .start(counts.transform(HashtagOps.toKafkaValue()));
 * }</pre>
 *
 * <h2>Delivery guarantees</h2>
 * <p>{@link DeliveryGuarantee#AT_LEAST_ONCE} (the default) is Spark's own Kafka sink
 * ({@code writeStream().format("kafka")}): executors write in parallel; a micro-batch replayed after a crash or
 * restart is written again, which a consumer keeping the latest value per key does not notice.
 *
 * <p>{@link DeliveryGuarantee#EXACTLY_ONCE} writes each micro-batch in one Kafka transaction, from the driver,
 * together with the batch id (as a consumer-group offset of group {@code <transactionalId>-batches}). The
 * transactional id ({@link #transactionalId()}) is derived from the checkpoint location and the topic, so a
 * restarted query fences any leftover writer of the same query, and a replayed batch is recognised and skipped.
 * Its costs and limits:
 * <ul>
 *   <li>every row passes through the driver ({@code Dataset.toLocalIterator()}, one partition at a time): right
 *       for aggregated output such as window counts, wrong for raw firehoses;</li>
 *   <li>a batch must be written and committed within {@code transaction.timeout.ms} (producer default 60 s; set it
 *       with {@code option("transaction.timeout.ms", ...)}), which must not exceed the broker's
 *       {@code transaction.max.timeout.ms} (default 15 min); keep the trigger interval and batch duration well
 *       below it;</li>
 *   <li>consumers see the records only with {@code isolation.level=read_committed}; with the default
 *       {@code read_uncommitted} they also see records of aborted transactions;</li>
 *   <li>one running query per sink identity (checkpoint and topic); a second one fences the first. Moving the
 *       checkpoint changes the identity, and the new query starts again from batch 0 for deduplication;</li>
 *   <li>the principal needs {@code Write} and {@code Describe} on the transactional id, {@code Read} on the group
 *       {@code <transactionalId>-batches}, and {@code Write} and {@code Read} on the topic (the batch id is
 *       committed as an offset of the topic's partition 0, which Kafka authorizes as {@code Read});</li>
 *   <li>continuous triggers are not supported.</li>
 * </ul>
 *
 * <p>Kafka client settings go through {@link Builder#option(String, String)}, with or without the {@code kafka.}
 * prefix. Secret values never appear in {@link #toString()} or in exception messages.
 *
 * <p>Fail fast: {@link #start(Dataset)} first asks the brokers (Kafka's Admin client, same client settings) whether
 * they answer and whether the output topic exists, and throws {@link IllegalStateException} naming the servers or
 * the topic when not, or naming the missing permission (the login, {@code Write} on the topic, and for exactly-once
 * {@code Read} on the topic and the transactional id), within {@link Builder#failFastTimeout(Duration)} (default 30 s); off with
 * {@link Builder#failFast(boolean) failFast(false)}, e.g. for a broker that creates topics on first write.
 *
 * @since 0.1.0
 */
public final class KafkaSink {

  private static final String OWNER = "KafkaSink";
  private static final Map<String, String> OWNED = Map.of(
      "kafka.bootstrap.servers", "bootstrapServers(...)",
      "kafka.key.serializer", "",
      "kafka.value.serializer", "",
      "kafka.transactional.id", "deliveryGuarantee(EXACTLY_ONCE), which derives it from checkpoint and topic");
  private static final List<String> OUTPUT_MODES = List.of("append", "update", "complete");
  private static final DataType HEADERS_TYPE = DataTypes.createArrayType(DataTypes.createStructType(new StructField[] {
      DataTypes.createStructField("key", DataTypes.StringType, true),
      DataTypes.createStructField("value", DataTypes.BinaryType, true)}));

  private final String topic;
  private final String checkpointLocation;
  private final Trigger trigger;
  private final String outputMode;
  private final String queryName;
  private final DeliveryGuarantee guarantee;
  private final Map<String, String> kafkaOptions;
  private final boolean failFast;
  private final Duration failFastTimeout;

  private KafkaSink(String topic, String checkpointLocation, Trigger trigger, String outputMode, String queryName,
      DeliveryGuarantee guarantee, Map<String, String> kafkaOptions, boolean failFast, Duration failFastTimeout) {
    this.failFast = failFast;
    this.failFastTimeout = failFastTimeout;
    this.topic = topic;
    this.checkpointLocation = checkpointLocation;
    this.trigger = trigger;
    this.outputMode = outputMode;
    this.queryName = queryName;
    this.guarantee = guarantee;
    this.kafkaOptions = kafkaOptions;
  }

  /**
   * A new builder; bootstrap servers, topic and checkpoint location are required.
   *
   * @return an empty builder
   * @since 0.1.0
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the streaming query that writes {@code records} to the topic.
   *
   * @param records a streaming Dataset with the columns in the class description
   * @return the running query
   * @throws IllegalArgumentException when {@code records} is not streaming, lacks {@code value}, has a column of
   *     the wrong type or a column the sink does not write
   * @throws IllegalStateException when Spark cannot start the query within {@code spark.sql.streaming.startTimeout},
   *     or with fail-fast on, when no broker answers or the topic is missing
   * @since 0.1.0
   */
  public StreamingQuery start(Dataset<Row> records) {
    checkRecords(records);
    if (failFast) {
      checkKafkaNow();
    }
    DataStreamWriter<Row> writer = records.writeStream()
        .option("checkpointLocation", checkpointLocation)
        .outputMode(outputMode);
    if (trigger != null) {
      writer = writer.trigger(trigger);
    }
    if (queryName != null) {
      writer = writer.queryName(queryName);
    }
    try {
      if (guarantee == DeliveryGuarantee.AT_LEAST_ONCE) {
        return writer.format("kafka").options(kafkaOptions).option("topic", topic).start();
      }
      TransactionalBatchWriter batchWriter = new TransactionalBatchWriter(topic, transactionalId(), kafkaOptions);
      StreamingQuery query = writer.foreachBatch(batchWriter).start();
      CloseOnTermination.register(query, batchWriter);
      return query;
    } catch (TimeoutException e) {
      throw new IllegalStateException(OWNER + ": the query writing to '" + topic + "' did not start in time", e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw SecretSafeExceptions.scrubbed(e, kafkaOptions);
    }
  }

  /**
   * Checks now, whatever {@link Builder#failFast(boolean)} says, that the brokers answer and the topic exists;
   * {@link #start(Dataset)} calls it when fail-fast is on.
   *
   * @throws IllegalStateException naming the servers when no broker answers within the fail-fast timeout, or
   *     naming the missing topic
   * @since 0.2.0
   */
  public void checkKafkaNow() {
    boolean exactlyOnce = guarantee == DeliveryGuarantee.EXACTLY_ONCE;
    // The exactly-once sink also commits its batch id as an offset of the topic, which Kafka authorizes as READ.
    KafkaPreflight.check(OWNER, kafkaOptions, List.of(topic),
        exactlyOnce ? List.of(AclOperation.WRITE, AclOperation.READ) : List.of(AclOperation.WRITE),
        exactlyOnce ? transactionalId() : null, failFastTimeout,
        "turn this check off with failFast(false)");
  }

  /**
   * The Kafka {@code transactional.id} an {@link DeliveryGuarantee#EXACTLY_ONCE} sink uses, derived from the
   * absolute checkpoint location and the topic; grant it in broker ACLs.
   *
   * @return {@code hashtag-streams-} followed by 16 hex digits
   * @since 0.1.0
   */
  public String transactionalId() {
    return SinkIdentity.transactionalId(checkpointLocation, topic);
  }

  /**
   * The output topic.
   *
   * @return the topic name
   * @since 0.1.0
   */
  public String topic() {
    return topic;
  }

  /**
   * The output mode.
   *
   * @return {@code append}, {@code update} or {@code complete}
   * @since 0.1.0
   */
  public String outputMode() {
    return outputMode;
  }

  /**
   * The delivery guarantee.
   *
   * @return the guarantee chosen, {@link DeliveryGuarantee#AT_LEAST_ONCE} by default
   * @since 0.1.0
   */
  public DeliveryGuarantee deliveryGuarantee() {
    return guarantee;
  }

  /** The settings, with secret values shown as {@code [redacted]}. */
  @Override
  public String toString() {
    return OWNER + "{topic=" + topic + ", checkpointLocation=" + checkpointLocation + ", outputMode=" + outputMode
        + ", trigger=" + trigger + ", queryName=" + queryName + ", deliveryGuarantee=" + guarantee
        + ", options=" + Redaction.printable(kafkaOptions) + "}";
  }

  private void checkRecords(Dataset<Row> records) {
    if (records == null) {
      throw new IllegalArgumentException(OWNER + ": records must not be null");
    }
    List<String> columns = Arrays.asList(records.columns());
    if (!records.isStreaming()) {
      throw new IllegalArgumentException(OWNER + ": start(...) needs a streaming Dataset, but got a batch Dataset"
          + " with columns " + columns + "; use spark.readStream() or KafkaTweetSource.buildStream(...)");
    }
    StructType schema = records.schema();
    if (!columns.contains("value")) {
      throw new IllegalArgumentException(OWNER + ": records need a column 'value' (string or binary), but have only "
          + columns + "; did you forget .transform(HashtagOps.toKafkaValue())?");
    }
    List<String> unexpected = new ArrayList<>();
    for (StructField field : schema.fields()) {
      DataType type = field.dataType();
      switch (field.name()) {
        case "key":
        case "value":
          if (!type.equals(DataTypes.StringType) && !type.equals(DataTypes.BinaryType)) {
            throw new IllegalArgumentException(OWNER + ": column '" + field.name() + "' must be string or binary,"
                + " but is " + type.simpleString() + " (columns: " + columns + ")");
          }
          break;
        case "headers":
          if (!sameHeaders(type)) {
            throw new IllegalArgumentException(OWNER + ": column 'headers' must be "
                + HEADERS_TYPE.simpleString() + ", but is " + type.simpleString());
          }
          break;
        default:
          unexpected.add(field.name());
      }
    }
    if (!unexpected.isEmpty()) {
      throw new IllegalArgumentException(OWNER + ": records may only have columns key, value, headers, but also"
          + " have " + unexpected + " (columns: " + columns + ")");
    }
  }

  private static boolean sameHeaders(DataType type) {
    if (!(type instanceof ArrayType)) {
      return false;
    }
    DataType element = ((ArrayType) type).elementType();
    if (!(element instanceof StructType) || ((StructType) element).fields().length != 2) {
      return false;
    }
    StructField[] fields = ((StructType) element).fields();
    return fields[0].name().equals("key") && fields[0].dataType().equals(DataTypes.StringType)
        && fields[1].name().equals("value") && fields[1].dataType().equals(DataTypes.BinaryType);
  }

  /**
   * Collects the sink settings; not thread-safe. Every setter may be called once: a second call throws
   * {@link IllegalStateException}. Bad values throw {@link IllegalArgumentException} at once; missing and
   * conflicting settings throw it from {@link #build()}.
   *
   * @since 0.1.0
   */
  public static final class Builder {

    private final OptionMap options = new OptionMap(OWNER);
    private Trigger trigger;
    private DeliveryGuarantee guarantee;
    private Boolean failFast;
    private Duration failFastTimeout;

    private Builder() {
    }

    /**
     * Whether {@link KafkaSink#start(Dataset)} first checks that the brokers answer and the topic exists (default
     * true).
     *
     * @param check false to skip the check
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
      failFastTimeout = KafkaTweetSource.requireTimeout(OWNER, timeout, failFastTimeout);
      return this;
    }

    /**
     * The brokers to write to (required).
     *
     * @param servers {@code host:port[,host:port...]}
     * @return this builder
     * @throws IllegalArgumentException when blank or an entry lacks a port
     * @throws IllegalStateException when already set
     */
    public Builder bootstrapServers(String servers) {
      options.set("kafka.bootstrap.servers", KafkaTweetSource.requireServers(OWNER, servers));
      return this;
    }

    /**
     * The topic every record goes to (required).
     *
     * @param name a legal Kafka topic name
     * @return this builder
     * @throws IllegalArgumentException when blank or not a legal topic name
     * @throws IllegalStateException when already set
     */
    public Builder topic(String name) {
      options.set("topic", KafkaNames.requireTopic(OWNER, "topic", name));
      return this;
    }

    /**
     * Where the query keeps its progress (required): restarting with the same location resumes the query.
     *
     * @param location a directory path or URI (HDFS, S3, ...)
     * @return this builder
     * @throws IllegalArgumentException when blank
     * @throws IllegalStateException when already set
     */
    public Builder checkpointLocation(String location) {
      options.set("checkpointLocation", location);
      return this;
    }

    /**
     * When micro-batches run, e.g. {@code Trigger.ProcessingTime("10 seconds")}, {@code Trigger.AvailableNow()}
     * or {@code Trigger.Once()}; Spark's default (as fast as possible) when not set.
     *
     * @param when the trigger
     * @return this builder
     * @throws IllegalArgumentException when null
     * @throws IllegalStateException when already set
     */
    public Builder trigger(Trigger when) {
      if (when == null) {
        throw new IllegalArgumentException(OWNER + ": trigger must not be null");
      }
      if (trigger != null) {
        throw new IllegalStateException(OWNER + ": trigger is already set to " + trigger);
      }
      trigger = when;
      return this;
    }

    /**
     * The output mode: {@code append} (default), {@code update} or {@code complete}.
     *
     * @param mode the mode name, case-insensitive
     * @return this builder
     * @throws IllegalArgumentException when not one of the three
     * @throws IllegalStateException when already set
     */
    public Builder outputMode(String mode) {
      String normalized = mode == null ? null : mode.trim().toLowerCase(Locale.ROOT);
      if (normalized != null && !normalized.isEmpty() && !OUTPUT_MODES.contains(normalized)) {
        throw new IllegalArgumentException(OWNER + ": outputMode must be one of " + OUTPUT_MODES + ", but was '"
            + mode + "'");
      }
      options.set("outputMode", normalized);
      return this;
    }

    /**
     * The query name shown in the Spark UI and progress events.
     *
     * @param name not blank
     * @return this builder
     * @throws IllegalArgumentException when blank
     * @throws IllegalStateException when already set
     */
    public Builder queryName(String name) {
      options.set("queryName", name);
      return this;
    }

    /**
     * At-least-once (default) or exactly-once; see the class description for the costs.
     *
     * @param chosen the guarantee
     * @return this builder
     * @throws IllegalArgumentException when null
     * @throws IllegalStateException when already set
     */
    public Builder deliveryGuarantee(DeliveryGuarantee chosen) {
      if (chosen == null) {
        throw new IllegalArgumentException(OWNER + ": deliveryGuarantee must not be null");
      }
      if (guarantee != null) {
        throw new IllegalStateException(OWNER + ": deliveryGuarantee is already set to " + guarantee);
      }
      guarantee = chosen;
      return this;
    }

    /**
     * Any other Kafka producer setting, such as {@code security.protocol}, {@code sasl.jaas.config},
     * {@code max.request.size} or {@code transaction.timeout.ms}. The key is taken with or without the
     * {@code kafka.} prefix and stored with it. Values of keys containing password, jaas, secret or token, and of
     * {@code ssl.key*} keys, are never printed. Keys ending in {@code .ms}, {@code .bytes}, {@code .records} or
     * {@code .size} need a whole number.
     *
     * @param key the producer setting
     * @param value its value, not blank
     * @return this builder
     * @throws IllegalArgumentException when the key is blank, set by a builder method (bootstrap servers,
     *     transactional id), managed by Spark (serializers), or a number is not a number
     * @throws IllegalStateException when the key was already set
     */
    public Builder option(String key, String value) {
      options.setKafka(key, value, OWNED);
      return this;
    }

    /**
     * The immutable sink.
     *
     * @return the sink
     * @throws IllegalArgumentException when bootstrap servers, topic or checkpoint location are missing, or an
     *     option contradicts {@link DeliveryGuarantee#EXACTLY_ONCE} (idempotence off, {@code acks} other than all,
     *     a continuous trigger)
     */
    public KafkaSink build() {
      for (String required : List.of("kafka.bootstrap.servers", "topic", "checkpointLocation")) {
        if (!options.has(required)) {
          String name = required.equals("kafka.bootstrap.servers") ? "bootstrapServers" : required;
          throw new IllegalArgumentException(OWNER + ": " + name + " is required, but was not set (options: "
              + options + ")");
        }
      }
      DeliveryGuarantee chosen = guarantee == null ? DeliveryGuarantee.AT_LEAST_ONCE : guarantee;
      if (chosen == DeliveryGuarantee.EXACTLY_ONCE) {
        String idempotence = options.get("kafka.enable.idempotence");
        if (idempotence != null && !idempotence.trim().equalsIgnoreCase("true")) {
          throw new IllegalArgumentException(OWNER + ": EXACTLY_ONCE needs idempotence, but enable.idempotence is '"
              + idempotence + "'");
        }
        String acks = options.get("kafka.acks");
        if (acks != null && !acks.trim().equals("all") && !acks.trim().equals("-1")) {
          throw new IllegalArgumentException(OWNER + ": EXACTLY_ONCE needs acks=all, but acks is '" + acks + "'");
        }
        if (trigger != null && trigger.getClass().getSimpleName().contains("Continuous")) {
          throw new IllegalArgumentException(OWNER + ": EXACTLY_ONCE works with micro-batches, but the trigger is "
              + trigger);
        }
      }
      Map<String, String> kafkaOptions = new LinkedHashMap<>();
      for (String key : options.keys()) {
        if (key.startsWith("kafka.")) {
          kafkaOptions.put(key, options.get(key));
        }
      }
      return new KafkaSink(options.get("topic"), options.get("checkpointLocation"), trigger,
          options.has("outputMode") ? options.get("outputMode") : "append", options.get("queryName"), chosen,
          java.util.Collections.unmodifiableMap(kafkaOptions), failFast == null || failFast,
          failFastTimeout == null ? KafkaTweetSource.DEFAULT_FAIL_FAST_TIMEOUT : failFastTimeout);
    }

    /** The settings so far, secrets shown as {@code [redacted]}. */
    @Override
    public String toString() {
      return OWNER + ".Builder{trigger=" + trigger + ", deliveryGuarantee=" + guarantee + ", options=" + options
          + "}";
    }
  }
}
