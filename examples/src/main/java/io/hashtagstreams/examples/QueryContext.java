package io.hashtagstreams.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;

import org.apache.spark.sql.SparkSession;

/**
 * What a subcommand's {@code buildQuery} needs besides its own options: the session, the resolved Kafka address
 * (the embedded broker's or the one given), a work directory for checkpoints, and where to print.
 *
 * <pre>{@code
 * QueryContext context = new QueryContext(spark, "127.0.0.1:9092", Files.createTempDirectory("run"), System.out);
 * StreamingQuery query = new TopCommand().buildQuery(context, new TopCommand().config("--k", "5"));
 * }</pre>
 *
 * @param spark the session the queries run in
 * @param bootstrapServers the Kafka cluster to read from and write to
 * @param workDir a directory the run owns; checkpoints go below it unless a subcommand is given its own
 * @param out where tables and schemas are printed
 * @param kafkaClient the Kafka client settings ({@code --kafka-config}) every source and sink of the run gets
 */
public record QueryContext(SparkSession spark, String bootstrapServers, Path workDir, PrintStream out,
    KafkaClientConfig kafkaClient) {

  /** A context without Kafka client settings. */
  public QueryContext(SparkSession spark, String bootstrapServers, Path workDir, PrintStream out) {
    this(spark, bootstrapServers, workDir, out, KafkaClientConfig.NONE);
  }

  /** Checks that nothing is null. */
  public QueryContext {
    Objects.requireNonNull(kafkaClient, "kafkaClient");
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(out, "out");
  }

  /**
   * The checkpoint directory of one query of this run.
   *
   * @param queryName the query's name
   * @return a path below {@link #workDir()}
   */
  public String checkpoint(String queryName) {
    return workDir.resolve("checkpoints").resolve(queryName).toAbsolutePath().toString();
  }
}
