package io.hashtagstreams.core.internal.json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The expected outcome of reading one record of a format, computed from Jackson's tree parse of the record by the
 * format's documented rules, written independently of the scanner (no code shared with it).
 *
 * <p>One implementation per format the reader reads, beside its seed file {@code fuzz/seeds/<name>.jsonl}.
 */
public interface FormatOracle {

  /** The seed file's base name, e.g. {@code twitter-v1}. */
  String name();

  /** The outcome for a record that is valid JSON whose top-level value is {@code root}. */
  ScanOutcome expect(ObjectNode root);
}
