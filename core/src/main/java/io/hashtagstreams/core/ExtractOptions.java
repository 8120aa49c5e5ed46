package io.hashtagstreams.core;

import java.util.Objects;

/**
 * Immutable options of {@link HashtagOps#extractText(ExtractOptions)} and {@link HashtagOps#rejected(ExtractOptions)}.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code excludeRetweets}</td><td>false</td><td>drop retweets from the output (they are not rejected
 *       either: it is a filter you asked for)</td></tr>
 *   <tr><td>{@code eventTimeField}</td><td>{@link EventTimeField#CREATED_AT}</td><td>where {@code event_time}
 *       comes from</td></tr>
 * </table>
 *
 * <pre>{@code
 * ExtractOptions options = ExtractOptions.builder()
 *     .excludeRetweets(true)
 *     .eventTimeField(EventTimeField.TIMESTAMP_MS)
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

  private ExtractOptions(Builder builder) {
    this.excludeRetweets = builder.excludeRetweets;
    this.eventTimeField = builder.eventTimeField;
  }

  /** The defaults: retweets kept, event time from {@code created_at}. */
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

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ExtractOptions)) {
      return false;
    }
    ExtractOptions that = (ExtractOptions) other;
    return excludeRetweets == that.excludeRetweets && eventTimeField == that.eventTimeField;
  }

  @Override
  public int hashCode() {
    return Objects.hash(excludeRetweets, eventTimeField);
  }

  @Override
  public String toString() {
    return "ExtractOptions{excludeRetweets=" + excludeRetweets + ", eventTimeField=" + eventTimeField + "}";
  }

  /** Builds {@link ExtractOptions}; each setter may be called once. */
  public static final class Builder {
    private boolean excludeRetweets;
    private EventTimeField eventTimeField = EventTimeField.CREATED_AT;
    private boolean excludeRetweetsSet;
    private boolean eventTimeFieldSet;

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

    /** The immutable options. */
    public ExtractOptions build() {
      return new ExtractOptions(this);
    }
  }
}
