package io.hashtagstreams.benchmarks;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import io.hashtagstreams.core.HashtagOps;
import io.hashtagstreams.core.sample.TopicFlood;

/**
 * {@code approxTopTopics} against Spark's own {@code approx_top_k} (Spark 4.1 and later: a SQL aggregate over the
 * same DataSketches frequent-items sketch, {@code approx_top_k(expr, k, maxItemsTracked)}), on one one-minute window
 * of a {@link TopicFlood} (a Zipf head plus single-use tags), as batch aggregations over the same cached input, with
 * the exact counts of a {@code groupBy().count()} as the truth.
 *
 * <p>Reported per flood and {@code maxTracked}: seconds per run (best of {@code --repeat}), top-10 recall against the
 * exact ranking, the largest relative error of a reported count, and for {@code approxTopTopics} whether every
 * {@code [count_lower, count_upper]} contains the true count ({@code approx_top_k} reports no bounds). On Spark 3.5
 * it stops at once: the function does not exist there.
 *
 * <pre>
 * mvn -B -ntp -Pspark-4_2.13 -pl benchmarks -am verify -Prun -DskipTests -Dbench.jvm=-Xmx6g \
 *     -Dbench.main=io.hashtagstreams.benchmarks.BuiltinTopKComparison \
 *     -Dbench.args="--head=1000000 --single-use=10000,1000000 --max-tracked=1024,16384 --repeat=3"
 * </pre>
 */
public final class BuiltinTopKComparison {

  static final int K = 10;
  private static final Instant START = Instant.parse("2016-08-05T23:00:00Z");

  private BuiltinTopKComparison() {
  }

  /** What to run: {@code --head=N --single-use=N,N --max-tracked=N,N --repeat=N}. */
  record Config(long head, long[] singleUse, int[] maxTracked, int repeat) {

    static Config parse(String... args) {
      long head = 1_000_000;
      long[] singleUse = {10_000, 1_000_000};
      int[] maxTracked = {1024, 16384};
      int repeat = 3;
      for (String arg : args) {
        String value = arg.substring(arg.indexOf('=') + 1);
        try {
          if (arg.startsWith("--head=")) {
            head = Long.parseLong(value);
          } else if (arg.startsWith("--single-use=")) {
            singleUse = HarnessArgs.longs(value);
          } else if (arg.startsWith("--max-tracked=")) {
            maxTracked = HarnessArgs.ints(value);
          } else if (arg.startsWith("--repeat=")) {
            repeat = Integer.parseInt(value);
          } else {
            throw new IllegalArgumentException("unknown argument: " + arg
                + " (expected --head=N, --single-use=N[,N...], --max-tracked=N[,N...], --repeat=N)");
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not a number: " + arg, e);
        }
      }
      if (head < 1 || repeat < 1 || singleUse.length == 0 || maxTracked.length == 0) {
        throw new IllegalArgumentException("--head and --repeat must be positive and the lists non-empty: "
            + String.join(" ", args));
      }
      return new Config(head, singleUse, maxTracked, repeat);
    }
  }

  /** One operator's top-k of the window: topic, count and, for ours, the bounds (-1 when not reported). */
  record Estimate(String topic, long count, long lower, long upper) {
  }

  public static void main(String[] args) {
    Config config = Config.parse(args);
    SparkSession spark = BenchSpark.session();
    if (spark.version().startsWith("3.")) {
      throw new IllegalStateException("approx_top_k needs Spark 4.1 or later, but this is Spark " + spark.version()
          + "; build the benchmarks with -Pspark-4_2.13");
    }
    Table table = new Table("single-use", "operator", "maxTracked", "seconds", "recall@10", "max rel. error",
        "bounds hold");
    for (long singleUse : config.singleUse()) {
      Dataset<Row> window = TopicFlood.builder().headOccurrences(config.head()).singleUseTags(singleUse)
          .start(START).span(Duration.ofMinutes(1)).build().toDataset(spark, 2).cache();
      Map<String, Long> truth = exact(window);
      List<String> exactTop = top(truth);
      for (int maxTracked : config.maxTracked()) {
        for (String operator : List.of("approxTopTopics", "approx_top_k")) {
          double best = Double.MAX_VALUE;
          List<Estimate> estimates = null;
          for (int run = 0; run < config.repeat(); run++) {
            long start = System.nanoTime();
            estimates = operator.equals("approx_top_k") ? builtin(window, maxTracked) : ours(window, maxTracked);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
          }
          table.row(singleUse, operator, maxTracked, Table.fixed(best, 2),
              Table.fixed(recall(estimates, exactTop), 2), Table.fixed(maxRelativeError(estimates, truth), 4),
              operator.equals("approx_top_k") ? "n/a" : String.valueOf(boundsHold(estimates, truth)));
        }
      }
      window.unpersist();
    }
    System.out.println(table);
  }

  /** The true count of every topic in the window. */
  static Map<String, Long> exact(Dataset<Row> window) {
    Map<String, Long> truth = new HashMap<>();
    for (Row row : window.groupBy("topic").count().collectAsList()) {
      truth.put(row.getString(0), row.getLong(1));
    }
    return truth;
  }

  /** The exact top-k topics: higher count first, then the smaller topic, as {@code topTopics} ranks. */
  static List<String> top(Map<String, Long> truth) {
    return truth.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(K).map(Map.Entry::getKey).toList();
  }

  static List<Estimate> ours(Dataset<Row> window, int maxTracked) {
    List<Estimate> estimates = new ArrayList<>();
    for (Row row : window.transform(HashtagOps.approxTopTopics(K, maxTracked)).orderBy("rank").collectAsList()) {
      estimates.add(new Estimate(row.getAs("topic"), row.<Long>getAs("count"), row.<Long>getAs("count_lower"),
          row.<Long>getAs("count_upper")));
    }
    return estimates;
  }

  static List<Estimate> builtin(Dataset<Row> window, int maxTracked) {
    Dataset<Row> top = window.groupBy(expr("window(event_time, '1 minute')"))
        .agg(expr("approx_top_k(topic, " + K + ", " + maxTracked + ")").as("top"))
        .selectExpr("inline(top)");
    List<Estimate> estimates = new ArrayList<>();
    for (Row row : top.collectAsList()) {
      estimates.add(new Estimate(String.valueOf(row.get(0)), ((Number) row.get(1)).longValue(), -1, -1));
    }
    return estimates;
  }

  /** The share of the exact top-k that the estimate reports. */
  static double recall(List<Estimate> estimates, List<String> exactTop) {
    Set<String> reported = new HashSet<>();
    estimates.forEach(estimate -> reported.add(estimate.topic()));
    return exactTop.stream().filter(reported::contains).count() / (double) exactTop.size();
  }

  /** The largest {@code |count - true| / true} over the reported topics. */
  static double maxRelativeError(List<Estimate> estimates, Map<String, Long> truth) {
    double worst = 0;
    for (Estimate estimate : estimates) {
      long actual = truth.getOrDefault(estimate.topic(), 0L);
      worst = Math.max(worst, actual == 0 ? Double.POSITIVE_INFINITY
          : Math.abs(estimate.count() - actual) / (double) actual);
    }
    return worst;
  }

  /** Whether every reported {@code [lower, upper]} contains the true count. */
  static boolean boundsHold(List<Estimate> estimates, Map<String, Long> truth) {
    return estimates.stream().allMatch(estimate -> {
      long actual = truth.getOrDefault(estimate.topic(), 0L);
      return estimate.lower() <= actual && actual <= estimate.upper();
    });
  }
}
