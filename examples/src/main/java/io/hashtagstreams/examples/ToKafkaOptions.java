package io.hashtagstreams.examples;

import picocli.CommandLine.Option;

/**
 * The output options of {@code to-kafka} and {@code peek}, as a picocli mixin; {@link #toConfig} combines them with
 * the shared and window options into a {@link ToKafkaCommand.Config}.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code --output-topic name}</td><td>{@code hashtag-counts}</td><td>where the counts go; not the input
 *       topic</td></tr>
 *   <tr><td>{@code --output-mode update|append}</td><td>{@code update}</td><td>write a window's count whenever it
 *       changes, or once when final</td></tr>
 *   <tr><td>{@code --checkpoint dir}</td><td>a temporary directory removed at the end</td><td>checkpoint location
 *       to keep</td></tr>
 *   <tr><td>{@code --exactly-once}</td><td>off: at least once</td><td>one Kafka transaction per
 *       micro-batch</td></tr>
 * </table>
 *
 * <pre>
 * &#64;Mixin
 * ToKafkaOptions output;
 * ...
 * ToKafkaCommand.Config config = output.toConfig(common.toConfig(20), windows.toConfig());
 * </pre>
 */
public final class ToKafkaOptions {

  @Option(names = "--output-topic", paramLabel = "NAME", defaultValue = "hashtag-counts",
      converter = OptionConverters.NonBlank.class, description = "where the counts go (default ${DEFAULT-VALUE})")
  String outputTopic;

  @Option(names = "--output-mode", paramLabel = "M", defaultValue = "update",
      converter = OptionConverters.NonBlank.class, description = "update|append (default ${DEFAULT-VALUE})")
  String outputMode;

  @Option(names = "--checkpoint", paramLabel = "DIR", converter = OptionConverters.NonBlank.class,
      description = "checkpoint location to keep (default: temporary, removed at the end)")
  String checkpoint;

  @Option(names = "--exactly-once", arity = "0", preprocessor = OptionConverters.Flag.class,
      description = "one Kafka transaction per micro-batch (default: at least once)")
  boolean exactlyOnce;

  /**
   * The configuration of {@code to-kafka} and {@code peek}.
   *
   * @param common the shared options
   * @param windows the window options
   * @return the configuration
   * @throws UsageException when the output topic is the input topic, or the output mode is not update or append
   */
  public ToKafkaCommand.Config toConfig(CommonConfig common, WindowConfig windows) {
    if (outputTopic.equals(common.topic())) {
      throw new UsageException("--output-topic must differ from the input --topic, both are '" + outputTopic + "'");
    }
    return new ToKafkaCommand.Config(common, windows, outputTopic,
        Subcommand.oneOf("--output-mode", outputMode, "append", "update"), checkpoint, exactlyOnce);
  }
}
