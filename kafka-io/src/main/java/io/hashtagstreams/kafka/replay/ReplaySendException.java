package io.hashtagstreams.kafka.replay;

/**
 * A replay stopped because Kafka refused or lost a record. The records before {@link #resumeSkip()} (counting
 * from the first record of the inputs) are all acknowledged: a new run with {@code skip(resumeSkip())} continues
 * without loss, and without duplicates unless {@link #acknowledgedAfterGap()} is above 0.
 *
 * @since 0.2.0
 */
public final class ReplaySendException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long resumeSkip;
  private final long acknowledgedAfterGap;

  ReplaySendException(String message, long resumeSkip, long acknowledgedAfterGap, Throwable cause) {
    super(message, cause);
    this.resumeSkip = resumeSkip;
    this.acknowledgedAfterGap = acknowledgedAfterGap;
  }

  /**
   * How many records of the inputs a resumed run skips: the skip of this run plus the records acknowledged in
   * order.
   *
   * @return the skip for the next run
   */
  public long resumeSkip() {
    return resumeSkip;
  }

  /**
   * Records acknowledged after the first unacknowledged one (other partitions); a resumed run sends them again.
   *
   * @return usually 0
   */
  public long acknowledgedAfterGap() {
    return acknowledgedAfterGap;
  }
}
