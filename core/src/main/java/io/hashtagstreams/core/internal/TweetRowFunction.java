package io.hashtagstreams.core.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.internal.json.PostScanner;
import io.hashtagstreams.core.internal.json.ScanResult;

/**
 * The Spark UDF behind {@code extractText} and {@code rejected}: one scan per record into a struct
 * {@code (id, network, author, text, event_time, lang, is_retweet, tags, reason)}; null for a retweet excluded on
 * purpose.
 *
 * <p>For an accepted tweet {@code reason} is null and the other fields are set; for a rejected record only
 * {@code reason} is set. The SQL functions {@code parse_tweet} and {@code tweet_reject_reason} use the same scan
 * through {@link #tweet(byte[])} and {@link #rejectReason(byte[])}, so they agree with the two operators.
 */
public final class TweetRowFunction implements UDF1<byte[], Row> {

  private static final long serialVersionUID = 1L;

  static final String REASON = "reason";
  /** The post fields, as {@code extractText} returns them (all nullable here). */
  public static final StructType TWEET_TYPE = new StructType()
      .add("id", DataTypes.StringType)
      .add("network", DataTypes.StringType)
      .add("author", DataTypes.StringType)
      .add("text", DataTypes.StringType)
      .add("event_time", DataTypes.TimestampType)
      .add("lang", DataTypes.StringType)
      .add("is_retweet", DataTypes.BooleanType)
      .add("tags", DataTypes.createArrayType(DataTypes.StringType, false));
  static final StructType RESULT_TYPE = TWEET_TYPE.add(REASON, DataTypes.StringType);

  private final PostScanner scanner;

  /** A function reading posts with {@code options}. */
  public TweetRowFunction(ExtractOptions options) {
    this.scanner = new PostScanner(options);
  }

  @Override
  public Row call(byte[] value) {
    ScanResult result = scanner.scan(value, new ScanResult());
    if (result.excluded()) {
      return null;
    }
    if (result.reason() != null) {
      return RowFactory.create(null, null, null, null, null, null, null, null, result.reason().code());
    }
    return RowFactory.create(result.id(), result.network().id(), result.author(), result.text(),
        Instant.ofEpochMilli(result.eventTimeMillis()), result.lang(), result.retweet(), result.tags(), null);
  }

  /** The tweet as a {@link #TWEET_TYPE} row; null when the record is rejected (a null value too) or excluded. */
  public Row tweet(byte[] value) {
    if (value == null) {
      return null;
    }
    ScanResult result = scanner.scan(value, new ScanResult());
    if (!result.accepted()) {
      return null;
    }
    return RowFactory.create(result.id(), result.network().id(), result.author(), result.text(),
        Instant.ofEpochMilli(result.eventTimeMillis()), result.lang(), result.retweet(), result.tags());
  }

  /** The reject reason code as {@code rejected} writes it ({@code null_value} for null); null otherwise. */
  public String rejectReason(byte[] value) {
    ScanResult result = scanner.scan(value, new ScanResult());
    return result.reason() == null ? null : result.reason().code();
  }

  /**
   * The bytes of a SQL {@code value} argument: a binary value as it is, a string value encoded as UTF-8 (what
   * {@code extractText} does with {@code CAST(value AS BINARY)}), null as null.
   *
   * @throws IllegalArgumentException for any other type, naming {@code function} and the type
   */
  public static byte[] valueBytes(Object value, String function) {
    if (value == null || value instanceof byte[]) {
      return (byte[]) value;
    }
    if (value instanceof String) {
      return ((String) value).getBytes(StandardCharsets.UTF_8);
    }
    throw new IllegalArgumentException(function + "(value) takes a string or binary value (tweet JSON), but got a "
        + value.getClass().getName() + ": " + value + "; cast it with CAST(value AS STRING)");
  }
}
