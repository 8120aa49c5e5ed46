package io.hashtagstreams.examples;

import java.util.Optional;

import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * One step of the hashtag walkthrough, run by {@link HashtagStreamsApp}: parses its options, then starts its query.
 *
 * @param <C> the subcommand's immutable configuration
 */
interface Subcommand<C> {

  /** The word on the command line, e.g. {@code top}. */
  String name();

  /** One line for the usage overview. */
  String summary();

  /** The usage lines of the options only this subcommand takes (may be empty). */
  String ownUsage();

  /**
   * Parses and validates the words after the subcommand name.
   *
   * @param args the words
   * @return the configuration
   * @throws UsageException when the words cannot be run
   */
  C config(String... args);

  /** The shared options inside {@code config}. */
  CommonConfig common(C config);

  /** The topics besides the input topic that an embedded broker must create for this configuration. */
  default java.util.List<String> outputTopics(C config) {
    return java.util.List.of();
  }

  /**
   * Starts the subcommand's query, or does its whole work and returns empty when it has no query ({@code schema}).
   *
   * @param context session, Kafka address, work directory, output
   * @param config the parsed options
   * @return the query whose end ends the run
   */
  Optional<StreamingQuery> start(QueryContext context, C config);
}
