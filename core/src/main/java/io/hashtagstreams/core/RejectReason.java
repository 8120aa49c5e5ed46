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
  /** A stream delete notice ({@code {"delete":...}}). */
  DELETE_NOTICE("delete_notice"),
  /** A stream limit notice ({@code {"limit":...}}). */
  LIMIT_NOTICE("limit_notice"),
  /** Another non-tweet stream message (scrub_geo, status_withheld, warning, disconnect, ...). */
  OTHER_NOTICE("other_notice"),
  /** A tweet-like object without a usable text. */
  MISSING_TEXT("missing_text"),
  /** A tweet-like object without a usable id. */
  MISSING_ID("missing_id"),
  /** The event-time field is missing or cannot be read. */
  BAD_EVENT_TIME("bad_event_time");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  /** The stable short code written to the {@code reason} column. */
  public String code() {
    return code;
  }
}
