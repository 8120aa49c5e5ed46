package io.hashtagstreams.core.internal;

import java.time.Duration;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.TopicOptions;

/** Placeholder until its issue lands. */
public final class TweetExtraction {
  private TweetExtraction() {
  }

  public static Dataset<Row> extract(Dataset<Row> input, ExtractOptions options) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public static Dataset<Row> rejected(Dataset<Row> input, ExtractOptions options) {
    throw new UnsupportedOperationException("not implemented yet");
  }

}
