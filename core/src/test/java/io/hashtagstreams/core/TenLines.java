package io.hashtagstreams.core;

// The "Ten lines" example of README.md: everything between the two marker lines is the README's code block, verbatim
// (ReadmeExampleTest checks that and runs it).
// README BEGIN
import static org.apache.spark.sql.functions.col;

import java.time.Duration;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import io.hashtagstreams.core.HashtagOps;

public class TenLines {

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().master("local[2]")
        .config("spark.sql.shuffle.partitions", "2")      // Spark's default of 200 suits clusters, not laptops
        .config("spark.sql.session.timeZone", "UTC")      // windows start and end in UTC
        .getOrCreate();
    Dataset<Row> counts = hashtagsPerMinute(spark.read().text(args.length > 0 ? args[0] : "tweets.jsonl"));
    counts.orderBy(col("count").desc(), col("topic")).show(10, false);
  }

  static Dataset<Row> hashtagsPerMinute(Dataset<Row> lines) {      // value: one post JSON per line
    return lines.transform(HashtagOps.extractText())                // id, network, author, text, event_time, ...
        .transform(HashtagOps.explodeTopics())                      // + topic: the normalized hashtag
        .transform(HashtagOps.windowedCounts(Duration.ofMinutes(1)));  // window, topic, count
  }
}
// README END
