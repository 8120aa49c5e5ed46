package io.hashtagstreams.core.internal.json;

/**
 * The values {@link PostScanner} read from a record's first keys while they did not yet tell the format apart
 * ({@code id} as a string, {@code created_at}, {@code text}, {@code lang} are shared by several formats); handed
 * to the format's scanner, which continues from the next key.
 */
final class FirstFields {
  /** {@code id} when it was a number that fits in a long. */
  boolean hasLongId;
  long longId;
  /** {@code id} when it was a string. */
  String idText;
  String text;
  boolean hasText;
  String lang;
  boolean hasLang;
  /** {@code created_at} in epoch milliseconds by Twitter's v1.1 form, or {@link CreatedAtParser#INVALID}. */
  long createdAtV1 = CreatedAtParser.INVALID;
  /** {@code created_at} in epoch milliseconds by ISO 8601, or {@link IsoInstantParser#INVALID}. */
  long createdAtIso = IsoInstantParser.INVALID;
  /** Whether a {@code created_at} was seen at all (valid or not). */
  boolean hasCreatedAt;
}
