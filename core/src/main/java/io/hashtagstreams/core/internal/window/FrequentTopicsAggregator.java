package io.hashtagstreams.core.internal.window;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * The Spark aggregate behind {@code approxTopTopics}: topics in, one {@link FrequentTopicsSketch} per group as the
 * buffer, the group's top {@code k} {@link TopicEstimates} out. Registered with {@code functions.udaf}, so Spark
 * runs it as a typed imperative aggregate: each task keeps a live sketch per group (no serialization per row),
 * ships the serialized partial sketches through the shuffle, merges them in the final aggregation and, on a
 * streaming Dataset, stores the merged sketch as the group's state.
 */
final class FrequentTopicsAggregator extends Aggregator<String, FrequentTopicsSketch, TopicEstimates> {

  private static final long serialVersionUID = 1L;

  private final int k;
  private final int maxTracked;

  FrequentTopicsAggregator(int k, int maxTracked) {
    this.k = k;
    this.maxTracked = maxTracked;
  }

  @Override
  public FrequentTopicsSketch zero() {
    return FrequentTopicsSketch.empty(maxTracked);
  }

  @Override
  public FrequentTopicsSketch reduce(FrequentTopicsSketch sketch, String topic) {
    return sketch.add(topic);
  }

  @Override
  public FrequentTopicsSketch merge(FrequentTopicsSketch left, FrequentTopicsSketch right) {
    return left.merge(right);
  }

  @Override
  public TopicEstimates finish(FrequentTopicsSketch sketch) {
    return sketch.top(k);
  }

  @Override
  public Encoder<FrequentTopicsSketch> bufferEncoder() {
    return Encoders.javaSerialization(FrequentTopicsSketch.class);
  }

  @Override
  public Encoder<TopicEstimates> outputEncoder() {
    return Encoders.bean(TopicEstimates.class);
  }
}
