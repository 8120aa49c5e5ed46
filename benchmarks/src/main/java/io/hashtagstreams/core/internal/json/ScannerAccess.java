package io.hashtagstreams.core.internal.json;

import io.hashtagstreams.core.ExtractOptions;

/**
 * Lets the benchmarks call core's package-private tweet scanner directly, without Spark. Lives in the benchmarks
 * module under core's internal package name; not part of any published artifact.
 */
public final class ScannerAccess {

  private final TweetScanner scanner;
  private final ScanResult result = new ScanResult();

  /** A scanner with these extraction options. */
  public ScannerAccess(ExtractOptions options) {
    this.scanner = new TweetScanner(options);
  }

  /**
   * Scans one record and returns the reused result object (for a JMH blackhole). Not thread-safe: one instance per
   * thread.
   */
  public Object scan(byte[] bytes, int offset, int length) {
    return scanner.scan(bytes, offset, length, result);
  }

  /** The text of the last accepted record, or null when it was rejected. */
  public String lastText() {
    return result.accepted() ? result.text() : null;
  }
}
