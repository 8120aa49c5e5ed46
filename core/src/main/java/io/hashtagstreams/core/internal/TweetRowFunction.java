package io.hashtagstreams.core.internal;

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
 * {@code reason} is set.
 */
final class TweetRowFunction implements UDF1<byte[], Row> {

  private static final long serialVersionUID = 1L;

  static final String REASON = "reason";
  static final StructType RESULT_TYPE = new StructType()
      .add("id", DataTypes.LongType)
      .add("text", DataTypes.StringType)
      .add("event_time", DataTypes.TimestampType)
      .add("lang", DataTypes.StringType)
      .add("is_retweet", DataTypes.BooleanType)
      .add(REASON, DataTypes.StringType);

  private final TweetScanner scanner;

  TweetRowFunction(ExtractOptions options) {
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
}
