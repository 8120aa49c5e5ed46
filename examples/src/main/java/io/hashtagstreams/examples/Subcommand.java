package io.hashtagstreams.examples;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.spark.sql.streaming.StreamingQuery;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * One step of the hashtag walkthrough, run by {@link HashtagStreamsApp}: a picocli {@code @Command} whose options
 * (its own fields and the {@link CommonOptions} / {@link WindowOptions} mixins) become an immutable configuration
 * record, which then starts the step's query.
 *
 * <p>A subcommand implements {@link #toConfig()} (options to record, cross-option checks as
 * {@link UsageException}) and {@link #start}; this class gives it {@code --help}, {@code --version}, the usage
 * layout, {@link #config(String...)} for tests and callers, and the run itself ({@link Runner}).
 *
 * <pre>{@code
 * TopCommand.Config config = new TopCommand().config("--k", "5", "--window", "30s");
 * StreamingQuery query = new TopCommand().buildQuery(context, config);
 * }</pre>
 *
 * @param <C> the subcommand's configuration record
 */
@Command(mixinStandardHelpOptions = true, versionProvider = AppVersion.class, sortOptions = false,
    abbreviateSynopsis = true, usageHelpWidth = 100, synopsisHeading = "usage: ", descriptionHeading = "%n",
    optionListHeading = "%noptions:%n")
public abstract class Subcommand<C extends Subcommand.RunConfig> implements Callable<Integer> {

  /** What every configuration record offers the {@link Runner}. */
  public interface RunConfig {

    /**
     * The shared options.
     *
     * @return where the tweets come from, how long to run, how much to print
     */
    CommonConfig common();
  }

  @ParentCommand
  private HashtagStreamsApp app;

  @Spec
  private CommandSpec spec;

  /**
   * The word on the command line, e.g. {@code top}, from the {@code @Command} annotation.
   *
   * @return the subcommand's name
   */
  public final String name() {
    return getClass().getAnnotation(Command.class).name();
  }

  /**
   * Parses and validates the words after the subcommand name, as {@code HashtagStreamsApp <name> args...} would.
   *
   * @param args the words
   * @return the configuration
   * @throws UsageException when the words cannot be run; the message is the one the app prints after
   *     {@code error: }
   */
  public final C config(String... args) {
    Subcommand<C> fresh = newInstance();
    try {
      new CommandLine(fresh).parseArgs(args);
    } catch (ParameterException e) {
      throw new UsageException(UsageErrors.message(e));
    }
    return fresh.toConfig();
  }

  /**
   * Turns the parsed options into the configuration record.
   *
   * @return the configuration
   * @throws UsageException when options contradict each other
   */
  protected abstract C toConfig();

  /**
   * The topics besides the input topic that an embedded broker must create for this configuration.
   *
   * @param config the parsed options
   * @return topic names, empty by default
   */
  public List<String> outputTopics(C config) {
    return List.of();
  }

  /**
   * Starts the subcommand's query, or does its whole work and returns empty when it has no query ({@code schema}).
   *
   * @param context session, Kafka address, work directory, output
   * @param config the parsed options
   * @return the query whose end ends the run
   */
  public abstract Optional<StreamingQuery> start(QueryContext context, C config);

  /**
   * Prints the windows the ended query never wrote because its finite input ended before the watermark passed
   * them (see {@code io.hashtagstreams.core.EndOfInput}); nothing by default, for subcommands without windows.
   *
   * @param context session, Kafka address, work directory, output
   * @param config the parsed options
   * @param watermark the watermark the query's last micro-batch ran with
   */
  public void printLeftOpenWindows(QueryContext context, C config, java.util.Optional<java.time.Instant> watermark) {
  }

  /**
   * Runs the parsed subcommand inside {@link HashtagStreamsApp#run}: a {@link UsageException} from
   * {@link #toConfig()} becomes a usage error (exit code 2), everything else is the {@link Runner}'s.
   *
   * @return the exit code
   */
  @Override
  public final Integer call() {
    C config;
    try {
      config = toConfig();
    } catch (UsageException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    return new Runner<>(this, config, app.out(), app.err()).run();
  }

  /**
   * Checks a value against a fixed set of words.
   *
   * @param option the option, for the message
   * @param value the given value
   * @param allowed the accepted values, in the order the message lists them
   * @return the value
   * @throws UsageException naming the option, the accepted values and the bad value
   */
  protected static String oneOf(String option, String value, String... allowed) {
    if (!Arrays.asList(allowed).contains(value)) {
      throw new UsageException(option + " must be one of " + String.join("|", allowed) + ", got '" + value + "'");
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private Subcommand<C> newInstance() {
    try {
      return getClass().getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(getClass().getName() + " needs a public no-argument constructor", e);
    }
  }
}
