package io.hashtagstreams.core.sample;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A deterministic high-cardinality topic stream for tests and benchmarks of top-K operators: rows of
 * {@code event_time, topic} (what {@code explodeTopics} produces, without the tweets around it), a Zipf head over
 * a fixed set of popular topics mixed with a flood of single-use tags, each seen exactly once.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code seed}</td><td>42</td><td>the random seed of the head draws</td></tr>
 *   <tr><td>{@code headTopics}</td><td>10,000</td><td>how many popular topics, named {@code zipf1} (the most
 *       frequent) to {@code zipfN}; at most 10 million</td></tr>
 *   <tr><td>{@code zipfExponent}</td><td>1.1</td><td>{@code s}: the topic of popularity rank {@code r} is drawn
 *       with probability proportional to {@code 1 / r^s}</td></tr>
 *   <tr><td>{@code headOccurrences}</td><td>1,000,000</td><td>how many rows draw a head topic</td></tr>
 *   <tr><td>{@code singleUseTags}</td><td>0</td><td>how many rows carry a tag of their own, {@code once<index>},
 *       spread evenly among the head rows</td></tr>
 *   <tr><td>{@code start}</td><td>2016-08-05T23:00:00Z</td><td>event time of row 0</td></tr>
 *   <tr><td>{@code span}</td><td>1 minute</td><td>the event times spread evenly over {@code [start, start +
 *       span)}, in row order</td></tr>
 * </table>
 *
 * <p>Row {@code i} (0 to {@link #size()} - 1) is a pure function of the options and {@code i}: the same options
 * give the same rows (at most 2^31 in all), in any order of generation and on any number of Spark partitions. The exact count of every
 * topic is therefore known by counting the rows (the ground truth to test an approximate operator against); the
 * expected count of {@code zipfR} is {@code headOccurrences * r^-s / sum(j^-s, j = 1..N)}.
 *
 * <pre>{@code
 * TopicFlood flood = TopicFlood.builder().seed(7).headTopics(1000).singleUseTags(1_000_000).build();
 * Dataset<Row> topics = flood.toDataset(spark, 8);               // event_time, topic
 * Dataset<Row> top = topics.transform(HashtagOps.approxTopTopics(10, 4096));
 * Map<String, Long> truth = new HashMap<>();
 * flood.rows().forEachRemaining(row -> truth.merge(row.getString(1), 1L, Long::sum));
 * }</pre>
 *
 * @since 0.2.0
 */
public final class TopicFlood implements Serializable {

  private static final long serialVersionUID = 1L;

  /** {@code event_time} timestamp, {@code topic} string, both non-null. */
  public static final StructType SCHEMA = new StructType()
      .add("event_time", DataTypes.TimestampType, false)
      .add("topic", DataTypes.StringType, false);

  private static final int MAX_HEAD_TOPICS = 10_000_000;

  private final long seed;
  private final double[] cumulative;
  private final long headOccurrences;
  private final long singleUseTags;
  private final long size;
  private final long startMillis;
  private final long spanMillis;

  private TopicFlood(Builder builder) {
    this.seed = builder.seed;
    this.headOccurrences = builder.headOccurrences;
    this.singleUseTags = builder.singleUseTags;
    this.size = builder.headOccurrences + builder.singleUseTags;
    this.startMillis = builder.start.toEpochMilli();
    this.spanMillis = builder.span.toMillis();
    this.cumulative = new double[builder.headTopics];
    double sum = 0;
    for (int r = 1; r <= builder.headTopics; r++) {
      sum += Math.pow(r, -builder.zipfExponent);
      cumulative[r - 1] = sum;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= sum;
    }
    cumulative[cumulative.length - 1] = 1.0;
  }

  /** A builder with the defaults in the table above. */
  public static Builder builder() {
    return new Builder();
  }

  /** How many rows: head occurrences plus single-use tags. */
  public long size() {
    return size;
  }

  /** How many rows draw a head topic. */
  public long headOccurrences() {
    return headOccurrences;
  }

  /** How many rows carry a single-use tag. */
  public long singleUseTags() {
    return singleUseTags;
  }

  /**
   * The topic of row {@code index}: {@code once<index>} for a single-use row, else {@code zipf<rank>}.
   *
   * @throws IndexOutOfBoundsException when {@code index} is not in {@code [0, size())}
   */
  public String topic(long index) {
    checkIndex(index);
    if (isSingleUse(index)) {
      return "once" + index;
    }
    double u = (mix(seed * 0x9E3779B97F4A7C15L + index) >>> 11) * 0x1.0p-53;
    int found = Arrays.binarySearch(cumulative, u);
    int rank = (found >= 0 ? found : -found - 1) + 1;
    return "zipf" + Math.min(rank, cumulative.length);
  }

  /**
   * The event time of row {@code index}: {@code start + floor(index * span / size())}, whole milliseconds.
   *
   * @throws IndexOutOfBoundsException when {@code index} is not in {@code [0, size())}
   */
  public Instant eventTime(long index) {
    checkIndex(index);
    return Instant.ofEpochMilli(startMillis + index * spanMillis / size);
  }

  /** Row {@code index} as {@code (Timestamp event_time, String topic)}, matching {@link #SCHEMA}. */
  public Row row(long index) {
    return RowFactory.create(Timestamp.from(eventTime(index)), topic(index));
  }

  /** All rows in index (and event-time) order. */
  public Iterator<Row> rows() {
    return new Iterator<>() {
      private long next;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public Row next() {
        if (next >= size) {
          throw new NoSuchElementException();
        }
        return row(next++);
      }
    };
  }

  /**
   * All rows as a Dataset of {@link #SCHEMA}, generated on the executors from {@code spark.range} (nothing is held
   * on the driver), in {@code partitions} partitions of consecutive indexes.
   */
  public Dataset<Row> toDataset(SparkSession spark, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, but it is " + partitions);
    }
    TopicFlood flood = this;
    return spark.range(0, size, 1, partitions)
        .map((MapFunction<Long, Row>) flood::row, Encoders.row(SCHEMA));
  }

  /** Exactly {@code singleUseTags} of the {@code size} rows are single-use, evenly spread. */
  private boolean isSingleUse(long index) {
    // no overflow: size and singleUseTags are at most 2^31
    return (index + 1) * singleUseTags / size > index * singleUseTags / size;
  }

  private void checkIndex(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("row " + index + " is outside [0, " + size + ")");
    }
  }

  /** SplitMix64's finalizer (Steele, Lea, Flood 2014): a well-mixed 64-bit hash of a counter. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Options for {@link TopicFlood}; each may be set once. */
  public static final class Builder {
    private long seed = 42;
    private int headTopics = 10_000;
    private double zipfExponent = 1.1;
    private long headOccurrences = 1_000_000;
    private long singleUseTags;
    private Instant start = Instant.parse("2016-08-05T23:00:00Z");
    private Duration span = Duration.ofMinutes(1);
    private final Set<String> set = new HashSet<>();

    private Builder() {
    }

    private void once(String option) {
      if (!set.add(option)) {
        throw new IllegalStateException(option + " was already set");
      }
    }

    /** The random seed of the head draws. */
    public Builder seed(long seed) {
      once("seed");
      this.seed = seed;
      return this;
    }

    /** How many popular topics, 1 to 10,000,000. */
    public Builder headTopics(int headTopics) {
      once("headTopics");
      if (headTopics < 1 || headTopics > MAX_HEAD_TOPICS) {
        throw new IllegalArgumentException("headTopics must be from 1 to " + MAX_HEAD_TOPICS + ", but it is "
            + headTopics);
      }
      this.headTopics = headTopics;
      return this;
    }

    /** The Zipf exponent {@code s}, from 0 (uniform) to 10. */
    public Builder zipfExponent(double zipfExponent) {
      once("zipfExponent");
      if (!(zipfExponent >= 0 && zipfExponent <= 10)) {
        throw new IllegalArgumentException("zipfExponent must be from 0 to 10, but it is " + zipfExponent);
      }
      this.zipfExponent = zipfExponent;
      return this;
    }

    /** How many rows draw a head topic, zero or more. */
    public Builder headOccurrences(long headOccurrences) {
      once("headOccurrences");
      if (headOccurrences < 0) {
        throw new IllegalArgumentException("headOccurrences must not be negative, but it is " + headOccurrences);
      }
      this.headOccurrences = headOccurrences;
      return this;
    }

    /** How many rows carry a tag seen nowhere else, zero or more. */
    public Builder singleUseTags(long singleUseTags) {
      once("singleUseTags");
      if (singleUseTags < 0) {
        throw new IllegalArgumentException("singleUseTags must not be negative, but it is " + singleUseTags);
      }
      this.singleUseTags = singleUseTags;
      return this;
    }

    /** The event time of row 0, whole milliseconds. */
    public Builder start(Instant start) {
      once("start");
      if (start == null || start.getNano() % 1_000_000 != 0) {
        throw new IllegalArgumentException("start must be a whole number of milliseconds, but it is " + start);
      }
      this.start = start;
      return this;
    }

    /** How long the rows' event times spread over: whole milliseconds, positive, at most one day. */
    public Builder span(Duration span) {
      once("span");
      if (span == null || span.isNegative() || span.isZero() || span.getNano() % 1_000_000 != 0
          || span.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("span must be a positive whole number of milliseconds up to one day, "
            + "but it is " + span);
      }
      this.span = span;
      return this;
    }

    /**
     * The flood.
     *
     * @throws IllegalArgumentException when there would be no row at all, or more than 2^31
     */
    public TopicFlood build() {
      long total = headOccurrences + singleUseTags;
      if (total < 1 || total > (1L << 31)) {
        throw new IllegalArgumentException("headOccurrences + singleUseTags must be from 1 to 2^31, but it is "
            + total);
      }
      return new TopicFlood(this);
    }
  }
}
