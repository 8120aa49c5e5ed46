package io.hashtagstreams.kafka.ingest;

/**
 * Ends {@link Ingester#run()} when going on cannot help: the endpoint refused the token (HTTP 401 or 403) or does
 * not exist (404), it could not be reached within the fail-fast timeout before a first connection, or Kafka
 * refused a record. The message names the endpoint (never the token) and what happened; everything read before
 * was written and acknowledged.
 *
 * @since 0.3.0
 */
public final class IngestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * A failure with its message.
   *
   * @param message what failed, naming the endpoint
   */
  public IngestException(String message) {
    super(message);
  }
}
