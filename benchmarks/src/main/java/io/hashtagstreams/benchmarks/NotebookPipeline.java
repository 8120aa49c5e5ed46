package io.hashtagstreams.benchmarks;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.window;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The notebook pipeline this project replaces, step for step: {@code get_json_object} for {@code text} and
 * {@code timestamp_ms}, {@code split(text, " ")}, {@code explode}, keep words starting with {@code #},
 * {@code groupBy(window(timestamp, "1 minute"), word).count()}.
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><th>step</th><th>input</th><th>output</th></tr>
 *   <tr><td>{@link #extract}</td><td>{@code value} string (tweet JSON)</td>
 *       <td>{@code text} string, {@code timestamp} timestamp</td></tr>
 *   <tr><td>{@link #counts}</td><td>{@code value} string</td>
 *       <td>{@code window} struct&lt;start, end&gt;, {@code word} string (with its {@code #}), {@code count} long</td></tr>
 * </table>
 */
public final class NotebookPipeline {

  private NotebookPipeline() {
  }

  /** The notebook's per-record read: two {@code get_json_object} calls, the time as epoch milliseconds. */
  public static Dataset<Row> extract(Dataset<Row> raw) {
    return raw.select(
        get_json_object(col("value").cast("string"), "$.text").alias("text"),
        get_json_object(col("value").cast("string"), "$.timestamp_ms").cast("long").divide(1000)
            .cast("timestamp").alias("timestamp"));
  }

  /** The whole notebook pipeline: per-minute counts of space-separated words that start with {@code #}. */
  public static Dataset<Row> counts(Dataset<Row> raw) {
    return extract(raw)
        .select(explode(split(col("text"), " ")).alias("word"), col("timestamp"))
        .filter(col("word").startsWith("#"))
        .groupBy(window(col("timestamp"), "1 minute"), col("word"))
        .count();
  }
}
