package io.hashtagstreams.core.internal;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.RejectReason;

/**
 * {@code extractText} and {@code rejected}: both evaluate the same {@link TweetRowFunction} once per record and
 * split on its {@code reason}.
 *
 * <p>The UDF is marked non-deterministic on purpose: otherwise the optimizer would push the filter on
 * {@code reason} below the projection and inline the UDF once per field read from the struct, scanning each record
 * several times.
 */
public final class TweetExtraction {

  private static final String VALUE = "value";
  private static final String SCANNED = "__hashtag_streams_scan";

  private TweetExtraction() {
  }

  /**
   * {@code value} -&gt; {@code id, network, author, text, event_time, lang, is_retweet, tags} for the records that
   * are posts.
   */
  public static Dataset<Row> extract(Dataset<Row> input, ExtractOptions options) {
    Column scan = scanColumn(input, "extractText", options);
    Dataset<Row> scanned = input.select(scan.as(SCANNED));
    if (options.rejectionCounts().isPresent()) {
      scanned = observeRejections(scanned, options.rejectionCounts().get());
    }
    Dataset<Row> fields = scanned.select(SCANNED + ".*");
    // Rejected rows have a reason; retweets excluded on purpose are a null struct, so all their fields are null.
    // Accepted rows always have an id and a network: the coalesces never apply and only make those two columns
    // non-nullable in the schema.
    return fields
        .filter(col(TweetRowFunction.REASON).isNull().and(col("id").isNotNull()))
        .select(functions.coalesce(col("id"), functions.lit("")).as("id"),
            functions.coalesce(col("network"), functions.lit("")).as("network"), col("author"),
            col("text"), col("event_time"), col("lang"), col("is_retweet"), col("tags"));
  }

  /** {@code scanned} with an observation counting each reject reason; the scan is a projection of its own. */
  private static Dataset<Row> observeRejections(Dataset<Row> scanned, String name) {
    Column reason = col(SCANNED + "." + TweetRowFunction.REASON);
    RejectReason[] reasons = RejectReason.values();
    Column[] counts = new Column[reasons.length];
    for (int i = 0; i < reasons.length; i++) {
      counts[i] = functions.sum(functions.when(reason.equalTo(functions.lit(reasons[i].code())), functions.lit(1L))
          .otherwise(functions.lit(0L))).as(reasons[i].code());
    }
    return scanned.observe(name, counts[0], Arrays.copyOfRange(counts, 1, counts.length));
  }

  /** Input columns + {@code reason} for the records {@link #extract} does not return. */
  public static Dataset<Row> rejected(Dataset<Row> input, ExtractOptions options) {
    Column scan = scanColumn(input, "rejected", options);
    if (Arrays.asList(input.columns()).contains(TweetRowFunction.REASON)) {
      throw new IllegalArgumentException("rejected adds a column 'reason', but the input already has one; rename or"
          + " drop it first (input columns: " + Arrays.asList(input.columns()) + ")");
    }
    List<Column> kept = new ArrayList<>();
    for (String name : input.columns()) {
      kept.add(input.col(name));
    }
    List<Column> withScan = new ArrayList<>(kept);
    withScan.add(scan.as(SCANNED));
    Column reason = col(SCANNED + "." + TweetRowFunction.REASON);
    List<Column> output = new ArrayList<>();
    for (String name : input.columns()) {
      output.add(col(quote(name)));
    }
    output.add(reason.as(TweetRowFunction.REASON));
    return input.select(withScan.toArray(new Column[0]))
        .filter(reason.isNotNull())
        .select(output.toArray(new Column[0]));
  }

  private static Column scanColumn(Dataset<Row> input, String operator, ExtractOptions options) {
    if (options == null) {
      throw new IllegalArgumentException(operator + " needs ExtractOptions, got null; use ExtractOptions.defaults()");
    }
    DataType type = ColumnChecks.requireColumnType(input, operator, VALUE, DataTypes.StringType,
        DataTypes.BinaryType);
    Column value = input.col(VALUE);
    Column bytes = type.equals(DataTypes.BinaryType) ? value : value.cast(DataTypes.BinaryType);
    UserDefinedFunction udf = functions.udf(new TweetRowFunction(options), TweetRowFunction.RESULT_TYPE)
        .asNondeterministic()
        .withName("scan_tweet");
    return udf.apply(bytes);
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
