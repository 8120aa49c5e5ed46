package io.hashtagstreams.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable options of {@link HashtagOps#extractText(ExtractOptions)} and {@link HashtagOps#rejected(ExtractOptions)}.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code excludeRetweets}</td><td>false</td><td>drop retweets from the output (they are not rejected
 *       either: it is a filter you asked for)</td></tr>
 *   <tr><td>{@code eventTimeField}</td><td>{@link EventTimeField#CREATED_AT}</td><td>where {@code event_time}
 *       comes from (Twitter v1.1 records only; the other formats have one event time each, see
 *       {@link HashtagOps#extractText(ExtractOptions)})</td></tr>
 *   <tr><td>{@code formats}</td><td>all of {@link PostFormat}</td><td>the record formats read; a record of
 *       another format is rejected as {@link RejectReason#FORMAT_NOT_ACCEPTED}</td></tr>
 *   <tr><td>{@code countRejections}</td><td>none</td><td>the name of a Spark observation in which
 *       {@code extractText} counts the records it rejects, per reason, in each micro-batch</td></tr>
 * </table>
 *
 * <pre>{@code
 * ExtractOptions options = ExtractOptions.builder()
 *     .excludeRetweets(true)
 *     .eventTimeField(EventTimeField.TIMESTAMP_MS)
 *     .formats(PostFormat.TWITTER_V1, PostFormat.X_V2)
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ExtractOptions implements java.io.Serializable {

  private static final long serialVersionUID = 1L;
  private static final ExtractOptions DEFAULTS = builder().build();

  private final boolean excludeRetweets;
  private final EventTimeField eventTimeField;
  private final Set<PostFormat> formats;
  private final String rejectionCounts;

  private ExtractOptions(Builder builder) {
    this.excludeRetweets = builder.excludeRetweets;
    this.eventTimeField = builder.eventTimeField;
    this.formats = Collections.unmodifiableSet(EnumSet.copyOf(builder.formats));
    this.rejectionCounts = builder.rejectionCounts;
  }

  /** The defaults: retweets kept, event time from {@code created_at}, every format read. */
  public static ExtractOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether retweets are dropped. */
  public boolean excludeRetweets() {
    return excludeRetweets;
  }

  /** Where {@code event_time} comes from. */
  public EventTimeField eventTimeField() {
    return eventTimeField;
  }

  /**
   * The record formats read; records of other formats are rejected.
   *
   * @return an unmodifiable set, never empty
   * @since 0.3.0
   */
  public Set<PostFormat> formats() {
    return formats;
  }

  /**
   * The name of the observation in which {@code extractText} counts its rejected records, if one was set.
   *
   * @return the name, or empty
   * @since 0.3.0
   */
  public Optional<String> rejectionCounts() {
    return Optional.ofNullable(rejectionCounts);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ExtractOptions)) {
      return false;
    }
    ExtractOptions that = (ExtractOptions) other;
    return excludeRetweets == that.excludeRetweets && eventTimeField == that.eventTimeField
        && formats.equals(that.formats) && Objects.equals(rejectionCounts, that.rejectionCounts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(excludeRetweets, eventTimeField, formats, rejectionCounts);
  }

  @Override
  public String toString() {
    return "ExtractOptions{excludeRetweets=" + excludeRetweets + ", eventTimeField=" + eventTimeField
        + ", formats=" + formats + (rejectionCounts == null ? "" : ", rejectionCounts=" + rejectionCounts) + "}";
  }

  /** Builds {@link ExtractOptions}; each setter may be called once. */
  public static final class Builder {
    private boolean excludeRetweets;
    private EventTimeField eventTimeField = EventTimeField.CREATED_AT;
    private boolean excludeRetweetsSet;
    private boolean eventTimeFieldSet;
    private Set<PostFormat> formats = EnumSet.allOf(PostFormat.class);
    private boolean formatsSet;
    private String rejectionCounts;

    private Builder() {
    }

    /**
     * Drops retweets when {@code true}.
     *
     * @throws IllegalStateException when already set
     */
    public Builder excludeRetweets(boolean exclude) {
      if (excludeRetweetsSet) {
        throw new IllegalStateException("excludeRetweets was already set to " + excludeRetweets);
      }
      excludeRetweetsSet = true;
      this.excludeRetweets = exclude;
      return this;
    }

    /**
     * Chooses the field that becomes {@code event_time}.
     *
     * @throws IllegalArgumentException when {@code field} is null
     * @throws IllegalStateException when already set
     */
    public Builder eventTimeField(EventTimeField field) {
      if (field == null) {
        throw new IllegalArgumentException("eventTimeField must not be null; use CREATED_AT or TIMESTAMP_MS");
      }
      if (eventTimeFieldSet) {
        throw new IllegalStateException("eventTimeField was already set to " + eventTimeField);
      }
      eventTimeFieldSet = true;
      this.eventTimeField = field;
      return this;
    }

    /**
     * Reads only records of the given formats; records of the others are rejected as
     * {@link RejectReason#FORMAT_NOT_ACCEPTED}. By default every {@link PostFormat} is read.
     *
     * @param accepted one or more formats
     * @return this builder
     * @throws IllegalArgumentException when no format is given or one is null
     * @throws IllegalStateException when already set
     * @since 0.3.0
     */
    public Builder formats(PostFormat... accepted) {
      if (accepted == null || accepted.length == 0 || Arrays.asList(accepted).contains(null)) {
        throw new IllegalArgumentException("formats needs at least one format and no null, got "
            + (accepted == null ? "null" : Arrays.toString(accepted)) + "; choose from "
            + Arrays.toString(PostFormat.values()));
      }
      if (formatsSet) {
        throw new IllegalStateException("formats was already set to " + formats);
      }
      formatsSet = true;
      this.formats = EnumSet.copyOf(Arrays.asList(accepted));
      return this;
    }

    /**
     * Makes {@code extractText} count the records it rejects in each micro-batch, per {@link RejectReason}, as a
     * Spark observation ({@code Dataset.observe}) named {@code name}, taken on the same single scan of each record
     * that decides what {@code extractText} returns (no second read). A streaming query's
     * {@code StreamingQueryProgress.observedMetrics().get(name)} is then a row with one {@code long} column per
     * {@link RejectReason#code()}, in {@link RejectReason#values()} order, 0 for a reason the batch did not see;
     * retweets dropped by {@link #excludeRetweets(boolean)} are not rejections and are not counted. Spark refuses
     * to start a query in which two observations share a name, so give each {@code extractText} of one query its
     * own. {@code rejected} ignores this setting.
     *
     * <pre>{@code
     * posts = kafkaRecords.transform(HashtagOps.extractText(
     *     ExtractOptions.builder().countRejections("rejections").build()));
     * ...
     * Row perReason = query.lastProgress().observedMetrics().get("rejections");   // e.g. delete_notice = 2
     * }</pre>
     *
     * @param name the observation's name, not blank
     * @return this builder
     * @throws IllegalArgumentException when {@code name} is null or blank
     * @throws IllegalStateException when already set
     * @since 0.3.0
     */
    public Builder countRejections(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("countRejections needs an observation name that is not blank, got "
            + (name == null ? "null" : "'" + name + "'"));
      }
      if (rejectionCounts != null) {
        throw new IllegalStateException("countRejections was already set to '" + rejectionCounts + "'");
      }
      this.rejectionCounts = name;
      return this;
    }

    /** The immutable options. */
    public ExtractOptions build() {
      return new ExtractOptions(this);
    }
  }
}
