package io.hashtagstreams.core.internal.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a conformance file of {@code src/test/resources/conformance} (see the README there for where each file's
 * cases come from).
 */
final class ConformanceCases {

  private ConformanceCases() {
  }

  /** The parsed JSON of {@code /conformance/<name>}; fails the test when the file is missing or not JSON. */
  static JsonNode read(String name) {
    try (InputStream in = ConformanceCases.class.getResourceAsStream("/conformance/" + name)) {
      if (in == null) {
        throw new IllegalStateException("test resource /conformance/" + name + " is missing");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
