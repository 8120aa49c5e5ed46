package io.hashtagstreams.core;

/**
 * Why {@link HashtagOps#rejected(ExtractOptions)} returned a record; {@link #code()} is the stable value of its
 * {@code reason} column.
 *
 * @since 0.1.0
 */
public enum RejectReason {
  /** The value is null (for example a Kafka tombstone). */
  NULL_VALUE("null_value"),
  /** The value is empty or only white space. */
  EMPTY_VALUE("empty_value"),
  /** The bytes are not valid UTF-8. */
  INVALID_UTF8("invalid_utf8"),
  /** The JSON is malformed or truncated. */
  MALFORMED_JSON("malformed_json"),
  /** Valid JSON, but not an object (an array, a string, a number...). */
  NOT_AN_OBJECT("not_an_object"),
  /**
   * A notice that a post was deleted: Twitter's {@code {"delete":...}}, an X API v2 compliance delete, a Jetstream
   * {@code delete} commit of a post, Mastodon's {@code delete} event.
   */
  DELETE_NOTICE("delete_notice"),
  /** A stream limit notice ({@code {"limit":...}}). */
  LIMIT_NOTICE("limit_notice"),
  /**
   * Another stream message that is no post: Twitter's scrub_geo, status_withheld, warning, disconnect, ...; X API
   * v2 compliance events other than deletes; Mastodon streaming events other than {@code update},
   * {@code status.update} and {@code delete} (notification, filters_changed, announcement, a heartbeat comment).
   */
  OTHER_NOTICE("other_notice"),
  /** A tweet-like object without a usable text. */
  MISSING_TEXT("missing_text"),
  /** A tweet-like object without a usable id. */
  MISSING_ID("missing_id"),
  /** The event-time field is missing or cannot be read. */
  BAD_EVENT_TIME("bad_event_time"),
  /**
   * An X API v2 stream line carrying {@code errors} and no post ({@code {"errors":[...]}}).
   *
   * @since 0.3.0
   */
  STREAM_ERROR("stream_error"),
  /**
   * A Jetstream commit of a record that is no post: a like, follow, block, profile, list item, ... (any collection
   * but {@code app.bsky.feed.post} and {@code app.bsky.feed.repost}).
   *
   * @since 0.3.0
   */
  NOT_A_POST("not_a_post"),
  /**
   * A Bluesky repost ({@code app.bsky.feed.repost}): it names the reposted post but carries none of its text.
   *
   * @since 0.3.0
   */
  REPOST("repost"),
  /**
   * A Jetstream {@code update} commit of a post: the post was counted when it was created.
   *
   * @since 0.3.0
   */
  POST_UPDATE("post_update"),
  /**
   * A Jetstream {@code identity} event (a handle or DID document changed).
   *
   * @since 0.3.0
   */
  IDENTITY_EVENT("identity_event"),
  /**
   * A Jetstream {@code account} event (an account was activated, deactivated, taken down, ...).
   *
   * @since 0.3.0
   */
  ACCOUNT_EVENT("account_event"),
  /**
   * A post of a format that {@link ExtractOptions.Builder#formats(PostFormat...)} left out.
   *
   * @since 0.3.0
   */
  FORMAT_NOT_ACCEPTED("format_not_accepted");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  /** The stable short code written to the {@code reason} column. */
  public String code() {
    return code;
  }
}
