package io.hashtagstreams.core.internal;

import java.time.Duration;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.hashtagstreams.core.ExtractOptions;
import io.hashtagstreams.core.TopicOptions;

/** Placeholder until its issue lands. */
public final class TopTopicsRanking {
  private TopTopicsRanking() {
  }

  public static Dataset<Row> rank(Dataset<Row> input, int k, Duration window, Duration slide, Duration watermark) {
    throw new UnsupportedOperationException("not implemented yet");
  }

}
