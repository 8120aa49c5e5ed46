package io.hashtagstreams.core.internal.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hashtagstreams.core.RejectReason;

/**
 * The format-independent part of the oracle: what any record's bytes must be before a format's rules apply.
 *
 * <p>In this order, as {@code RejectReason} documents them: a null value; no bytes but JSON whitespace (RFC 8259
 * section 2: space, tab, line feed, carriage return); bytes that are not UTF-8 (RFC 8259 section 8.1 requires UTF-8,
 * and RFC 3629 excludes surrogates and overlong forms: decided by the JDK's strict decoder); then Jackson's tree
 * parse of the decoded text, one value and nothing after it. A record Jackson's tree cannot parse has no expected
 * verdict here (the scanner skips unneeded values by structure only, so it may accept some of them, as its
 * Javadoc states); the fuzz tests then check only that it ended in one outcome, in time.
 */
public final class JsonOracle {

  private static final ObjectMapper TREE = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonOracle() {
  }

  /** The expected outcome, or empty when the bytes are UTF-8 but not a JSON text. */
  public static Optional<ScanOutcome> expect(byte[] bytes, FormatOracle format) {
    if (bytes == null) {
      return Optional.of(ScanOutcome.rejected(RejectReason.NULL_VALUE));
    }
    if (isJsonWhitespace(bytes)) {
      return Optional.of(ScanOutcome.rejected(RejectReason.EMPTY_VALUE));
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return Optional.of(ScanOutcome.rejected(RejectReason.INVALID_UTF8));
    }
    JsonNode root;
    try {
      root = TREE.readTree(text);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (!(root instanceof ObjectNode)) {
      return Optional.of(ScanOutcome.rejected(RejectReason.NOT_AN_OBJECT));
    }
    return Optional.of(format.expect((ObjectNode) root));
  }

  /** Jackson's tree of strict UTF-8 bytes, or empty when they are not UTF-8 or not one JSON text. */
  static Optional<JsonNode> tree(byte[] bytes) {
    if (!isUtf8(bytes)) {
      return Optional.empty();
    }
    try {
      return Optional.of(TREE.readTree(new String(bytes, StandardCharsets.UTF_8)));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Whether the bytes hold only JSON whitespace (or nothing). */
  static boolean isJsonWhitespace(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** Whether the bytes decode as strict UTF-8. */
  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Text for a failure message: control characters, surrogates and non-ASCII as escapes, long text shortened. */
  static String visible(String text) {
    StringBuilder out = new StringBuilder();
    int limit = Math.min(text.length(), 300);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return text.length() > limit ? out + "...(" + text.length() + " chars)" : out.toString();
  }
}
