package io.hashtagstreams.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The runnable walkthrough of Hashtag Streams: one subcommand per step, from the raw Kafka records to the top
 * hashtags per window written back to Kafka.
 *
 * <p>Run the demo (builds core, kafka-io and this module, then runs {@code top} for 60 s on an embedded broker fed
 * with generated tweets):
 * <pre>
 * mvn -B -ntp -Pdemo -DskipTests -pl examples -am package
 * mvn -B -ntp -Pdemo -DskipTests -pl examples -am package -Ddemo.args="windowed --output-mode append"
 * </pre>
 * On a cluster, with the jar this module builds ({@code target/hashtag-streams-examples-<version>-cluster.jar}):
 * <pre>
 * spark-submit --class io.hashtagstreams.examples.HashtagStreamsApp --master yarn \
 *     hashtag-streams-examples-0.1.0-SNAPSHOT-cluster.jar top --bootstrap-servers broker:9092 --topic tweets
 * </pre>
 *
 * <table>
 *   <caption>Subcommands</caption>
 *   <tr><th>subcommand</th><th>class</th></tr>
 *   <tr><td>{@code schema}</td><td>{@link SchemaCommand}</td></tr>
 *   <tr><td>{@code raw}</td><td>{@link RawCommand}</td></tr>
 *   <tr><td>{@code counts}</td><td>{@link CountsCommand}</td></tr>
 *   <tr><td>{@code windowed}</td><td>{@link WindowedCommand}</td></tr>
 *   <tr><td>{@code top}</td><td>{@link TopCommand}</td></tr>
 *   <tr><td>{@code trending}</td><td>{@link TrendingCommand}</td></tr>
 *   <tr><td>{@code to-kafka}</td><td>{@link ToKafkaCommand}</td></tr>
 *   <tr><td>{@code peek}</td><td>{@link PeekCommand}</td></tr>
 * </table>
 *
 * <p>Exit codes: 0 after a clean run (the duration ended, the query finished, or Ctrl-C), 1 when the query or the
 * broker failed, 2 for a command line that cannot be run (the message and the usage go to standard error).
 */
public final class HashtagStreamsApp {

  /** Exit code of a clean run. */
  public static final int OK = 0;
  /** Exit code when a query or the broker failed. */
  public static final int FAILED = 1;
  /** Exit code of a command line that cannot be run. */
  public static final int USAGE = 2;

  private static final List<Subcommand<?>> COMMANDS = List.of(new SchemaCommand(), new RawCommand(),
      new CountsCommand(), new WindowedCommand(), new TopCommand(), new TrendingCommand(), new ToKafkaCommand(),
      new PeekCommand());
  private static final Set<String> HELP = Set.of("-h", "--help", "help");

  private HashtagStreamsApp() {
  }

  /**
   * Runs a subcommand and exits the JVM with its exit code.
   *
   * @param args the subcommand and its options
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs a subcommand: parses its options, starts Kafka (embedded unless {@code --bootstrap-servers}) and the
   * query, waits for {@code --duration}, the query's end or Ctrl-C, and cleans up.
   *
   * @param args the subcommand and its options
   * @param out where tables, schemas and progress lines go
   * @param err where errors, usage and status lines go
   * @return the exit code: {@link #OK}, {@link #FAILED} or {@link #USAGE}
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args == null || args.length == 0) {
      err.println("error: no subcommand given");
      err.print(usage());
      return USAGE;
    }
    if (HELP.contains(args[0])) {
      out.print(usage());
      return OK;
    }
    Subcommand<?> command = find(args[0]);
    if (command == null) {
      err.println("error: unknown subcommand '" + args[0] + "'");
      err.print(usage());
      return USAGE;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (Arrays.stream(rest).anyMatch(word -> "-h".equals(word) || "--help".equals(word))) {
      out.print(usage(command));
      return OK;
    }
    return configureAndRun(command, rest, out, err);
  }

  private static <C> int configureAndRun(Subcommand<C> command, String[] rest, PrintStream out, PrintStream err) {
    C config;
    try {
      config = command.config(rest);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.print(usage(command));
      return USAGE;
    }
    return new Runner<>(command, config, out, err).run();
  }

  /**
   * The overview: every subcommand with its summary, and the shared options.
   *
   * @return the usage text, ending with a line separator
   */
  public static String usage() {
    String nl = System.lineSeparator();
    StringBuilder text = new StringBuilder("usage: HashtagStreamsApp <subcommand> [options]" + nl + nl
        + "subcommands:" + nl);
    for (Subcommand<?> command : COMMANDS) {
      text.append(String.format("  %-10s %s%n", command.name(), command.summary()));
    }
    text.append(nl).append("options of every subcommand:").append(nl).append(CommonConfig.USAGE).append(nl)
        .append(nl).append("HashtagStreamsApp <subcommand> --help lists its own options too.").append(nl);
    return text.toString();
  }

  /**
   * The usage of one subcommand.
   *
   * @param name the subcommand
   * @return its usage text
   * @throws UsageException when there is no such subcommand
   */
  public static String usage(String name) {
    Subcommand<?> command = find(name);
    if (command == null) {
      throw new UsageException("unknown subcommand '" + name + "'");
    }
    return usage(command);
  }

  private static String usage(Subcommand<?> command) {
    String nl = System.lineSeparator();
    String own = command.ownUsage();
    return "usage: HashtagStreamsApp " + command.name() + " [options]" + nl
        + "  " + command.summary() + nl + nl
        + (own.isEmpty() ? "" : "options:" + nl + own + nl + nl)
        + "options of every subcommand:" + nl + CommonConfig.USAGE + nl;
  }

  static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static Subcommand<?> find(String name) {
    for (Subcommand<?> command : COMMANDS) {
      if (command.name().equals(name)) {
        return command;
      }
    }
    return null;
  }
}
