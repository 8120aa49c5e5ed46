package io.hashtagstreams.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.hashtagstreams.kafka.replay.Replayer;

/**
 * Feeds the embedded broker's input topic from tweet files ({@code --input}) on a background thread, through the
 * same {@link Replayer} as the {@code replay} subcommand: paced by {@code --rate} records/s or, with
 * {@code --speed X}, by the tweets' event time X times faster; progress lines every 10 s on standard error.
 *
 * <pre>{@code
 * try (ReplayFeed feed = ReplayFeed.start(servers, "tweets", List.of("stream.tar"), 2000, null, System.err)) {
 *   ...
 * }
 * }</pre>
 */
final class ReplayFeed implements AutoCloseable {

  private final Replayer replayer;
  private final Thread thread;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final AtomicLong sent;

  private ReplayFeed(Replayer replayer, AtomicLong sent, PrintStream err) {
    this.replayer = replayer;
    this.sent = sent;
    this.thread = new Thread(() -> {
      try {
        replayer.run();
      } catch (RuntimeException e) {
        failure.set(e);
        err.println("[input] failed: " + e.getMessage());
      }
    }, "replay-feed");
    thread.setDaemon(true);
  }

  /**
   * Starts replaying.
   *
   * @param servers the embedded broker
   * @param topic an existing topic
   * @param inputs files, directories, globs
   * @param rate records per second, or null for none (then {@code speed} paces)
   * @param speed event-time speed-up, or null
   * @param err where progress goes
   * @return the running feed
   */
  static ReplayFeed start(String servers, String topic, List<String> inputs, Integer rate, Double speed,
      PrintStream err) {
    Replayer.Builder builder = Replayer.builder().bootstrapServers(servers).topic(topic).inputs(inputs)
        .progressInterval(Duration.ofSeconds(10));
    if (rate != null) {
      builder.rate(rate);
    }
    if (speed != null) {
      builder.speed(speed);
    }
    AtomicLong sent = new AtomicLong();
    builder.progressListener(progress -> {
      sent.set(progress.records());
      err.println(ReplayLines.format("[input]", progress));
    });
    ReplayFeed feed = new ReplayFeed(builder.build(), sent, err);
    feed.thread.start();
    return feed;
  }

  /** Records sent as of the last progress report (and all of them once the replay ended). */
  long sent() {
    return sent.get();
  }

  /** The replay's failure (a bad input, a send failure), or null. */
  Exception failure() {
    return failure.get();
  }

  /** Waits until every input line was sent and acknowledged (or the replay failed); true unless timed out. */
  boolean awaitDone(Duration timeout) throws InterruptedException {
    thread.join(Math.max(1, timeout.toMillis()));
    return !thread.isAlive();
  }

  /** Stops the replay, waiting up to 10 s for it to flush. */
  @Override
  public void close() {
    replayer.stop();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
