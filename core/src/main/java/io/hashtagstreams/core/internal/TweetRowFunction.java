package io.hashtagstreams.core.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.internal.json.ScanResult;
import io.hashtagstreams.core.internal.json.TweetScanner;

/**
 * The Spark UDF behind {@code extractText} and {@code rejected}: one scan per record into a struct
 * {@code (id, text, event_time, lang, is_retweet, reason)}; null for a retweet excluded on purpose.
 *
 * <p>For an accepted tweet {@code reason} is null and the other fields are set; for a rejected record only
 * {@code reason} is set. The SQL functions {@code parse_tweet} and {@code tweet_reject_reason} use the same scan
 * through {@link #tweet(byte[])} and {@link #rejectReason(byte[])}, so they agree with the two operators.
 */
public final class TweetRowFunction implements UDF1<byte[], Row> {

  private static final long serialVersionUID = 1L;

  static final String REASON = "reason";
  /** The tweet fields, as {@code extractText} returns them (with {@code id} nullable). */
  public static final StructType TWEET_TYPE = new StructType()
      .add("id", DataTypes.LongType)
      .add("text", DataTypes.StringType)
      .add("event_time", DataTypes.TimestampType)
      .add("lang", DataTypes.StringType)
      .add("is_retweet", DataTypes.BooleanType);
  static final StructType RESULT_TYPE = TWEET_TYPE.add(REASON, DataTypes.StringType);

  private final TweetScanner scanner;

  /** A function reading tweets with {@code options}. */
  public TweetRowFunction(ExtractOptions options) {
    this.scanner = new TweetScanner(options);
  }

  @Override
  public Row call(byte[] value) {
    ScanResult result = scanner.scan(value, new ScanResult());
    if (result.excluded()) {
      return null;
    }
    if (result.reason() != null) {
      return RowFactory.create(null, null, null, null, null, result.reason().code());
    }
    return RowFactory.create(result.id(), result.text(), Instant.ofEpochMilli(result.eventTimeMillis()),
        result.lang(), result.retweet(), null);
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
    return RowFactory.create(result.id(), result.text(), Instant.ofEpochMilli(result.eventTimeMillis()),
        result.lang(), result.retweet());
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
