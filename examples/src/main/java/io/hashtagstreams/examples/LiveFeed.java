package io.hashtagstreams.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.hashtagstreams.kafka.ingest.IngestSource;
import io.hashtagstreams.kafka.ingest.Ingester;

/**
 * Feeds the embedded broker's input topic from a live network ({@code --live}) on a background thread, through the
 * same {@link Ingester} as the {@code ingest} subcommand; progress lines every 10 s on standard error.
 *
 * <pre>{@code
 * try (LiveFeed feed = LiveFeed.start(servers, "tweets", JetstreamSource.builder().build(), System.err)) {
 *   ...
 * }
 * }</pre>
 */
final class LiveFeed implements AutoCloseable {

  private final Ingester ingester;
  private final Thread thread;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final AtomicLong acknowledged = new AtomicLong();

  private LiveFeed(IngestSource source, String servers, String topic, PrintStream err) {
    this.ingester = Ingester.builder().bootstrapServers(servers).topic(topic).source(source)
        .progressInterval(Duration.ofSeconds(10))
        .progressListener(progress -> {
          acknowledged.set(progress.acknowledged());
          err.println(IngestLines.format("[live]", progress));
        })
        .build();
    this.thread = new Thread(() -> {
      try {
        ingester.run();
      } catch (RuntimeException e) {
        failure.set(e);
        err.println("[live] failed: " + e.getMessage());
      }
    }, "live-feed");
    thread.setDaemon(true);
  }

  /**
   * Starts ingesting.
   *
   * @param servers the embedded broker
   * @param topic an existing topic
   * @param source the network
   * @param err where progress goes
   * @return the running feed
   */
  static LiveFeed start(String servers, String topic, IngestSource source, PrintStream err) {
    LiveFeed feed = new LiveFeed(source, servers, topic, err);
    feed.thread.start();
    return feed;
  }

  /** Posts acknowledged as of the last progress report (all of them once the feed stopped). */
  long sent() {
    return acknowledged.get();
  }

  /** The ingest's failure (a refused token, an unreachable endpoint), or null. */
  Exception failure() {
    return failure.get();
  }

  /** Stops the ingest, waiting up to 30 s for it to flush. */
  @Override
  public void close() {
    ingester.stop();
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
