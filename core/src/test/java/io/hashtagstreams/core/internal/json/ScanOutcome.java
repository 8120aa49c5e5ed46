package io.hashtagstreams.core.internal.json;

import java.time.Instant;

import io.hashtagstreams.core.RejectReason;

/**
 * One record's outcome, as a value to compare: a reject reason, an excluded retweet, or the fields of an accepted
 * tweet. Built from a {@link ScanResult} (the code under test) or by an oracle (the expectation).
 */
public record ScanOutcome(RejectReason reason, boolean excluded, long id, String text, long eventTimeMillis, String lang,
    boolean retweet) {

  static ScanOutcome rejected(RejectReason reason) {
    return new ScanOutcome(reason, false, 0, null, 0, null, false);
  }

  static ScanOutcome excludedRetweet() {
    return new ScanOutcome(null, true, 0, null, 0, null, false);
  }

  static ScanOutcome accepted(long id, String text, long eventTimeMillis, String lang, boolean retweet) {
    return new ScanOutcome(null, false, id, text, eventTimeMillis, lang, retweet);
  }

  /**
   * The outcome a scan reported, after checking that exactly one of accepted, excluded and rejected holds.
   *
   * @throws AssertionError when the result is in more than one state or none
   */
  public static ScanOutcome of(ScanResult result) {
    int states = (result.accepted() ? 1 : 0) + (result.excluded() ? 1 : 0) + (result.reason() != null ? 1 : 0);
    if (states != 1) {
      throw new AssertionError("a scan must end in exactly one of accepted, excluded, rejected; got accepted="
          + result.accepted() + " excluded=" + result.excluded() + " reason=" + result.reason());
    }
    if (result.reason() != null) {
      return rejected(result.reason());
    }
    if (result.excluded()) {
      return excludedRetweet();
    }
    if (result.text() == null) {
      throw new AssertionError("an accepted scan must have a text");
    }
    return accepted(result.id(), result.text(), result.eventTimeMillis(), result.lang(), result.retweet());
  }

  public boolean accepted() {
    return reason == null && !excluded;
  }

  /** The outcome class, for jqwik's statistics: the reason code, "excluded" or "accepted". */
  String category() {
    return reason != null ? reason.code() : excluded ? "excluded" : retweet ? "accepted retweet" : "accepted";
  }

  @Override
  public String toString() {
    if (!accepted()) {
      return category();
    }
    return "accepted{id=" + id + ", time=" + Instant.ofEpochMilli(eventTimeMillis) + ", lang=" + lang
        + ", retweet=" + retweet + ", text=" + JsonOracle.visible(text) + "}";
  }
}
