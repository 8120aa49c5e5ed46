package io.hashtagstreams.core;

import java.util.Objects;

/**
 * Immutable options of {@link HashtagOps#explodeTopics(TopicOptions)}.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code keepCase}</td><td>false</td><td>{@code topic} is the tag as written instead of
 *       {@link Hashtags#normalize(String)} of it</td></tr>
 *   <tr><td>{@code oncePerTweet}</td><td>false</td><td>a tag repeated in one tweet gives one row, not one per
 *       occurrence (compared after normalization unless {@code keepCase})</td></tr>
 * </table>
 *
 * <pre>{@code
 * TopicOptions options = TopicOptions.builder().oncePerTweet(true).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TopicOptions implements java.io.Serializable {

  private static final long serialVersionUID = 1L;
  private static final TopicOptions DEFAULTS = builder().build();

  private final boolean keepCase;
  private final boolean oncePerTweet;

  private TopicOptions(Builder builder) {
    this.keepCase = builder.keepCase;
    this.oncePerTweet = builder.oncePerTweet;
  }

  /**
   * The defaults: normalized topics ({@code keepCase} false), one row per occurrence ({@code oncePerTweet} false).
   *
   * @return the shared default options
   */
  public static TopicOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether {@code topic} keeps the tag as written ({@code #RIO2016} gives {@code RIO2016}) instead of
   * {@link Hashtags#normalize(String)} of it ({@code rio2016}).
   *
   * @return true to keep the tag as written
   */
  public boolean keepCase() {
    return keepCase;
  }

  /**
   * Whether a tag repeated in one tweet gives one row, at its first occurrence; tags are compared after
   * normalization unless {@link #keepCase()}, so {@code #Rio2016 #RIO2016} gives one row {@code rio2016} by default
   * and two rows with {@code keepCase}.
   *
   * @return true to count a tag once per tweet
   */
  public boolean oncePerTweet() {
    return oncePerTweet;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof TopicOptions)) {
      return false;
    }
    TopicOptions that = (TopicOptions) other;
    return keepCase == that.keepCase && oncePerTweet == that.oncePerTweet;
  }

  @Override
  public int hashCode() {
    return Objects.hash(keepCase, oncePerTweet);
  }

  @Override
  public String toString() {
    return "TopicOptions{keepCase=" + keepCase + ", oncePerTweet=" + oncePerTweet + "}";
  }

  /** Builds {@link TopicOptions}; each setter may be called once. */
  public static final class Builder {
    private boolean keepCase;
    private boolean oncePerTweet;
    private boolean keepCaseSet;
    private boolean oncePerTweetSet;

    private Builder() {
    }

    /**
     * Keeps the tag as written when {@code true}; see {@link TopicOptions#keepCase()}.
     *
     * @param keep whether to keep the tag as written
     * @return this builder
     * @throws IllegalStateException when already set
     */
    public Builder keepCase(boolean keep) {
      if (keepCaseSet) {
        throw new IllegalStateException("keepCase was already set to " + keepCase);
      }
      keepCaseSet = true;
      this.keepCase = keep;
      return this;
    }

    /**
     * Counts each tag once per tweet when {@code true}; see {@link TopicOptions#oncePerTweet()}.
     *
     * @param once whether to count a tag once per tweet
     * @return this builder
     * @throws IllegalStateException when already set
     */
    public Builder oncePerTweet(boolean once) {
      if (oncePerTweetSet) {
        throw new IllegalStateException("oncePerTweet was already set to " + oncePerTweet);
      }
      oncePerTweetSet = true;
      this.oncePerTweet = once;
      return this;
    }

    /**
     * The immutable options.
     *
     * @return the options built
     */
    public TopicOptions build() {
      return new TopicOptions(this);
    }
  }
}
