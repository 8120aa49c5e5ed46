/**
 * SQL functions of Hashtag Streams: {@link io.hashtagstreams.core.sql.HashtagFunctions#register(org.apache.spark.sql.SparkSession)
 * HashtagFunctions.register(spark)} registers {@code hashtags}, {@code hashtags_as_written},
 * {@code normalize_hashtag}, {@code parse_tweet} and {@code tweet_reject_reason} for {@code spark.sql(...)}, and
 * (since 0.3.0) {@code hashtags(text, network)} and {@code hashtags_as_written(text, network)} beside the
 * one-argument forms; each function is also a Java {@code UDF1} or {@code UDF2} class that PySpark registers by name
 * with {@code spark.udf.registerJavaFunction}.
 *
 * @since 0.2.0
 */
package io.hashtagstreams.core.sql;
