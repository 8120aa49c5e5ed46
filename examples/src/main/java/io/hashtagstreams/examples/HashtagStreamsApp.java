package io.hashtagstreams.examples;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The runnable walkthrough of Hashtag Streams: one subcommand per step, from the raw Kafka records to the top
 * hashtags per window written back to Kafka. The command line is parsed by picocli: {@code --help} (also
 * {@code help <subcommand>}) and {@code --version} are generated, on the app and on every subcommand.
 *
 * <p>Run the demo (builds core, kafka-io and this module, then runs {@code top} for 60 s on an embedded broker fed
 * with generated tweets):
 * <pre>
 * mvn -B -ntp -Pdemo -DskipTests -pl examples -am package
 * mvn -B -ntp -Pdemo -DskipTests -pl examples -am package -Ddemo.args="windowed --output-mode append"
 * mvn -B -ntp -Pdemo -DskipTests -pl examples -am package -Ddemo.args="top --help"
 * </pre>
 * With plain Java 17, from the layout {@code package} makes ({@code target/hashtag-streams-<version>/}):
 * <pre>
 * bin/hashtag-streams top --duration 2m
 * bin/hashtag-streams top --bootstrap-servers broker:9092 --topic tweets
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
 *   <tr><td>{@code replay}</td><td>{@link ReplayCommand}</td></tr>
 *   <tr><td>{@code ingest}</td><td>{@link IngestCommand}</td></tr>
 * </table>
 *
 * <p>Exit codes: 0 after a clean run (the duration ended, the query finished, or Ctrl-C) and after {@code --help}
 * or {@code --version}, 1 when the query or the broker failed, 2 for a command line that cannot be run (the
 * message and the usage go to standard error).
 *
 * <p><b>How to add a subcommand.</b> Write one class {@code FooCommand extends Subcommand<FooCommand.Config>},
 * annotated {@code @Command(name = "foo", description = "one line for the overview")}, with a public no-argument
 * constructor. Declare its own options as {@code @Option} fields (converters for durations, positive numbers and
 * text are in {@link DurationConverter} and {@link OptionConverters}; their messages come out as
 * {@code --foo must ...}), and add {@code @Mixin CommonOptions common;} (every subcommand takes the shared options)
 * and {@code @Mixin WindowOptions windows;} if it windows. Give it a {@code Config} record implementing
 * {@link Subcommand.RunConfig}, build it in {@code toConfig()} (throw {@link UsageException} for options that
 * contradict each other), start the query in {@code start(...)} (usually through a public {@code buildQuery}
 * that tests call), and add a {@code main} that calls {@code HashtagStreamsApp.main(prepend("foo", args))}. Then
 * register it with one line: add {@code FooCommand.class} to {@code subcommands} in the {@code @Command} annotation
 * of this class (the overview lists them in that order). Help, version, usage errors, exit codes, the broker and
 * the run's clean-up come with it.
 */
@Command(name = "hashtag-streams",
    subcommands = {
        SchemaCommand.class,
        RawCommand.class,
        CountsCommand.class,
        WindowedCommand.class,
        TopCommand.class,
        TrendingCommand.class,
        ToKafkaCommand.class,
        PeekCommand.class,
        ReplayCommand.class,
        IngestCommand.class,
        HelpCommand.class},
    mixinStandardHelpOptions = true, versionProvider = AppVersion.class, abbreviateSynopsis = true,
    usageHelpWidth = 100, synopsisHeading = "usage: ", descriptionHeading = "%n", optionListHeading = "%noptions:%n",
    commandListHeading = "%nsubcommands:%n", exitCodeListHeading = "%nexit codes:%n",
    description = "Counts and ranks hashtags in a tweet stream on Spark Structured Streaming, Kafka in and out.",
    exitCodeList = {
        "0:clean run (the duration ended, the query finished, or Ctrl-C)",
        "1:the query or the broker failed",
        "2:a command line that cannot be run"},
    footer = "%nHashtagStreamsApp <subcommand> --help lists its own options.")
public final class HashtagStreamsApp implements Callable<Integer> {

  /** Exit code of a clean run. */
  public static final int OK = 0;
  /** Exit code when a query or the broker failed. */
  public static final int FAILED = 1;
  /** Exit code of a command line that cannot be run. */
  public static final int USAGE = 2;

  private final PrintStream out;
  private final PrintStream err;

  @Spec
  private CommandSpec spec;

  private HashtagStreamsApp(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
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
   * @param out where tables, schemas, progress lines, help and the version go
   * @param err where errors, usage after an error and status lines go
   * @return the exit code: {@link #OK}, {@link #FAILED} or {@link #USAGE}
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine line = commandLine(out, err);
    line.setParameterExceptionHandler((error, words) -> {
      err.println("error: " + UsageErrors.message(error));
      CommandLine failed = error.getCommandLine();
      if (failed.getParent() == null) {
        err.print(failed.getUsageMessage());
      } else {
        // One line, not the subcommand's whole usage after the line that matters.
        err.println(UsageErrors.helpHint(failed.getCommandSpec().qualifiedName()));
      }
      err.flush();
      return USAGE;
    });
    line.setExecutionExceptionHandler((error, command, parsed) -> {
      err.println("error: " + command.getCommandName() + " failed: " + Runner.rootCause(error));
      return FAILED;
    });
    int code = line.execute(args == null ? new String[0] : args);
    line.getOut().flush();
    line.getErr().flush();
    return code;
  }

  /** Without a subcommand there is nothing to run. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "no subcommand given");
  }

  /**
   * The overview: every subcommand with its summary, the options and the exit codes.
   *
   * @return the usage text, ending with a line separator
   */
  public static String usage() {
    return commandLine(discard(), discard()).getUsageMessage();
  }

  /**
   * The usage of one subcommand, as {@code HashtagStreamsApp <name> --help} prints it.
   *
   * @param name the subcommand
   * @return its usage text
   * @throws UsageException when there is no such subcommand
   */
  public static String usage(String name) {
    CommandLine command = commandLine(discard(), discard()).getSubcommands().get(name);
    if (command == null) {
      throw new UsageException("unknown subcommand '" + name + "'");
    }
    return command.getUsageMessage();
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine line = new CommandLine(new HashtagStreamsApp(out, err));
    line.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line;
  }

  private static PrintStream discard() {
    return new PrintStream(OutputStream.nullOutputStream());
  }
}
