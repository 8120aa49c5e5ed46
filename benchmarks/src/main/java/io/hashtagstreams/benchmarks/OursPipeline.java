package io.hashtagstreams.benchmarks;

import java.time.Duration;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.hashtagstreams.core.EventTimeField;
import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.HashtagOps;

/**
 * The Hashtag Streams pipeline measured against {@link NotebookPipeline}: {@code extractText -> explodeTopics ->
 * windowedCounts(1 minute)}. Event time comes from {@code timestamp_ms}, the field the notebook uses, so the two
 * pipelines put every tweet into the same window.
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><th>step</th><th>input</th><th>output</th></tr>
 *   <tr><td>{@link #extract}</td><td>{@code value} string or binary</td>
 *       <td>{@code id, text, event_time, lang, is_retweet}</td></tr>
 *   <tr><td>{@link #counts}</td><td>{@code value}</td><td>{@code window, topic, count}</td></tr>
 * </table>
 */
public final class OursPipeline {

  /** The extraction options both harnesses use: event time from {@code timestamp_ms}. */
  public static final ExtractOptions OPTIONS =
      ExtractOptions.builder().eventTimeField(EventTimeField.TIMESTAMP_MS).build();

  private OursPipeline() {
  }

  /** {@code extractText} alone. */
  public static Dataset<Row> extract(Dataset<Row> raw) {
    return raw.transform(HashtagOps.extractText(OPTIONS));
  }

  /** The whole pipeline: per-minute counts of normalized hashtags. */
  public static Dataset<Row> counts(Dataset<Row> raw) {
    return extract(raw)
        .transform(HashtagOps.explodeTopics())
        .transform(HashtagOps.windowedCounts(Duration.ofMinutes(1)));
  }
}
