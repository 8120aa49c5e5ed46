package io.hashtagstreams.kafka.internal.ingest;

/** Why a connection of a live stream ended; the reconnect loop picks the backoff (or gives up) from it. */
public final class Disconnect extends Exception {

  private static final long serialVersionUID = 1L;

  /** The kinds of end. */
  public enum Cause {
    /** Could not connect, or the connection broke (TCP/TLS error). */
    NETWORK,
    /** The server closed the stream. */
    CLOSED,
    /** Nothing arrived within the stall timeout. */
    STALLED,
    /** An HTTP status worth retrying (5xx and others). */
    HTTP,
    /** HTTP 429. */
    RATE_LIMITED,
    /** HTTP 401, 403 or 404: retrying cannot help. */
    REFUSED
  }

  private final Cause cause;
  private final int status;

  /**
   * An end of a connection.
   *
   * @param cause the kind
   * @param status the HTTP status, or 0
   * @param message what happened, without secrets
   */
  public Disconnect(Cause cause, int status, String message) {
    super(message, null, false, false);
    this.cause = cause;
    this.status = status;
  }

  /** An end for an HTTP status: 401/403/404 refused, 429 rate limited, others retried. */
  static Disconnect forStatus(int status, String endpoint) {
    Cause cause = status == 401 || status == 403 || status == 404 ? Cause.REFUSED
        : status == 429 ? Cause.RATE_LIMITED : Cause.HTTP;
    String hint = status == 401 || status == 403 ? " (the token was refused or lacks the access the stream needs)"
        : status == 404 ? " (no such stream)" : status == 429 ? " (too many requests or connections)" : "";
    return new Disconnect(cause, status, endpoint + " answered HTTP " + status + hint);
  }

  /**
   * The kind of end.
   *
   * @return the cause
   */
  public Cause kind() {
    return cause;
  }

  /**
   * The HTTP status, or 0 when none.
   *
   * @return the status
   */
  public int status() {
    return status;
  }
}
