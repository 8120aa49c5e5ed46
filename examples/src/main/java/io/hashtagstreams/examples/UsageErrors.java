package io.hashtagstreams.examples;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Words picocli's parse errors the way the app always has, so that users and scripts see the same lines:
 *
 * <table>
 *   <caption>Messages (printed after {@code error: })</caption>
 *   <tr><th>command line</th><th>message</th></tr>
 *   <tr><td>{@code tops}</td><td>{@code unknown subcommand 'tops'}</td></tr>
 *   <tr><td>{@code top --bogus}</td><td>{@code unknown option '--bogus' for 'top'; known: --bootstrap-servers
 *       ...} (sorted)</td></tr>
 *   <tr><td>{@code top 5}</td><td>{@code unexpected argument '5' for 'top'}</td></tr>
 *   <tr><td>{@code to-kafka --output-topic}</td><td>{@code --output-topic needs a value}</td></tr>
 *   <tr><td>{@code to-kafka --exactly-once=yes}</td><td>{@code --exactly-once takes no value, got
 *       '--exactly-once=yes'}</td></tr>
 *   <tr><td>{@code top --k 1 --k 2}</td><td>{@code --k given twice}</td></tr>
 *   <tr><td>{@code top --k 0}</td><td>{@code --k must be at least 1, got '0'} (the converter's message after the
 *       option's name)</td></tr>
 * </table>
 * Any other error keeps its own message.
 */
final class UsageErrors {

  private UsageErrors() {
  }

  /**
   * The message for a parse error.
   *
   * @param error what picocli (or a subcommand's check) threw
   * @return the line to print after {@code error: }
   */
  static String message(ParameterException error) {
    CommandSpec spec = error.getCommandLine().getCommandSpec();
    if (error instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      return unmatched(spec, unmatched.getUnmatched().get(0));
    }
    if (error instanceof MissingParameterException missing && !missing.getMissing().isEmpty()
        && missing.getMissing().get(0) instanceof OptionSpec option) {
      return option.longestName() + " needs a value";
    }
    if (error instanceof OverwrittenOptionException overwritten
        && overwritten.getOverwritten() instanceof OptionSpec option) {
      return option.longestName() + " given twice";
    }
    ArgSpec arg = error.getArgSpec();
    if (error.getCause() instanceof OptionConverters.InvalidValue invalid && arg instanceof OptionSpec option) {
      return option.longestName() + " " + invalid.getMessage();
    }
    return error.getMessage();
  }

  private static String unmatched(CommandSpec spec, String word) {
    if (!spec.subcommands().isEmpty()) {
      return "unknown subcommand '" + word + "'";
    }
    int eq = word.indexOf('=');
    String name = eq > 0 ? word.substring(0, eq) : word;
    if (name.startsWith("--")) {
      return "unknown option '" + name + "' for '" + spec.name() + "'; known: " + String.join(" ", known(spec));
    }
    return "unexpected argument '" + word + "' for '" + spec.name() + "'";
  }

  /** The subcommand's options, without the generated help and version options. */
  private static Set<String> known(CommandSpec spec) {
    Set<String> names = new TreeSet<>();
    for (OptionSpec option : spec.options()) {
      if (!option.usageHelp() && !option.versionHelp()) {
        names.addAll(List.of(option.names()));
      }
    }
    return names;
  }

  /**
   * The line printed under a subcommand's usage error instead of its whole usage:
   * {@code (see 'HashtagStreamsApp top --help' for the options)}.
   *
   * @param command the subcommand's qualified name, e.g. {@code HashtagStreamsApp top}
   * @return the line
   */
  static String helpHint(String command) {
    return "(see '" + command + " --help' for the options)";
  }
}
