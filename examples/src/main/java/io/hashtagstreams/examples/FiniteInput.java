package io.hashtagstreams.examples;

import java.io.PrintStream;

/**
 * A run over a finite input: {@code --input} files replayed into the embedded broker and read with
 * {@code --trigger available-now}. Such a run replays every file first and starts its query only once the broker
 * has acknowledged every record, because an available-now query fixes its end offsets when it starts: started
 * earlier, it would read whatever part of the replay had arrived by then. When the query has ended, the windows the
 * input left open are printed too ({@link Subcommand#printLeftOpenWindows}).
 *
 * <pre>{@code
 * if (FiniteInput.applies(common, kafka) && !FiniteInput.replayFirst(kafka, common, err)) {
 *   return HashtagStreamsApp.FAILED;
 * }
 * }</pre>
 */
final class FiniteInput {

  private FiniteInput() {
  }

  /**
   * Whether the run reads a finite input: embedded broker, {@code --input}, {@code --trigger available-now}.
   *
   * @param common the shared options
   * @param kafka the run's Kafka
   * @return true for a finite run
   */
  static boolean applies(CommonConfig common, KafkaEnvironment kafka) {
    return kafka.embedded() && common.replaysInput() && common.triggerInterval() == null;
  }

  /**
   * Replays the whole input and waits, at most {@code --duration}, until every record is acknowledged.
   *
   * @param kafka the run's embedded Kafka
   * @param common the shared options
   * @param err where the outcome is said
   * @return true when every record is in the topic; false (with an error line) when the replay failed or did not
   *     end in time
   */
  static boolean replayFirst(KafkaEnvironment kafka, CommonConfig common, PrintStream err) {
    kafka.startFeeding(null);
    boolean done;
    try {
      done = kafka.awaitInputReplayed(common.duration());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("error: interrupted while replaying --input");
      return false;
    }
    if (kafka.producerFailure() != null) {
      return true; // the Runner reports the replay's failure after the run
    }
    if (!done) {
      err.println("error: replaying --input did not finish within --duration "
          + DurationConverter.format(common.duration()) + " (" + kafka.produced() + " records so far); give a longer"
          + " --duration, a higher --rate, or read the input with a processing-time --trigger");
      return false;
    }
    err.println("[app] --input replayed: " + kafka.produced() + " records in the topic; starting the query");
    return true;
  }
}
