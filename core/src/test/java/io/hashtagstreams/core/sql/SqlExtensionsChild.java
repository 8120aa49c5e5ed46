package io.hashtagstreams.core.sql;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A JVM of its own for {@link HashtagSqlExtensionsTest}: starts a session whose only link to Hashtag Streams is
 * {@code spark.sql.extensions} (as {@code spark-sql --conf ...} would), runs each argument as a SQL statement and
 * prints one line per result row (columns joined by a tab), or {@code error: <exception class>: <message>} when the
 * statement fails, then {@code done}.
 */
public final class SqlExtensionsChild {

  private SqlExtensionsChild() {
  }

  public static void main(String[] statements) {
    SparkSession spark = SparkSession.builder()
        .master("local[1]")
        .appName("sql-extensions-child")
        .config("spark.sql.extensions", "io.hashtagstreams.core.sql.HashtagSqlExtensions")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    try {
      for (String statement : statements) {
        try {
          for (Row row : spark.sql(statement).collectAsList()) {
            System.out.println(row.mkString("\t"));
          }
        } catch (RuntimeException e) {
          String message = String.valueOf(e.getMessage());
          int newline = message.indexOf('\n');
          System.out.println("error: " + e.getClass().getSimpleName() + ": "
              + (newline < 0 ? message : message.substring(0, newline)));
        }
      }
      System.out.println("done");
    } finally {
      spark.stop();
    }
  }
}
