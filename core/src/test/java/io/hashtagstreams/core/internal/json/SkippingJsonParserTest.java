package io.hashtagstreams.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

class SkippingJsonParserTest {

  private static final JsonFactory SKIPPING = new SkippingJsonFactory(new JsonFactoryBuilder());
  private static final JsonFactory PLAIN = new JsonFactory();

  private static JsonParser parse(JsonFactory factory, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return factory.createParser(bytes, 0, bytes.length);
  }

  /**
   * Reads the whole document, skipping the value of every key named {@code skip} (and every element of an array
   * named {@code skip}), and records each token with its text and nesting depth.
   */
  private static List<String> events(JsonFactory factory, String json) throws IOException {
    List<String> out = new ArrayList<>();
    try (JsonParser parser = parse(factory, json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        boolean skip = "skip".equals(parser.currentName()) && token.isStructStart();
        out.add(token + (token.isScalarValue() || token == JsonToken.FIELD_NAME ? "=" + parser.getText() : "")
            + "@" + parser.getParsingContext().getNestingDepth());
        if (skip) {
          parser.skipChildren();
          out.add("skipped to " + parser.currentToken() + "@" + parser.getParsingContext().getNestingDepth()
              + " in " + parser.getParsingContext().typeDesc());
        }
      }
    }
    return out;
  }

  @Test
  void createsTheSkippingParserForPlainUtf8() throws IOException {
    try (JsonParser parser = parse(SKIPPING, "{\"a\":1}")) {
      assertThat(parser).isInstanceOf(SkippingJsonParser.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uFEFF{\"a\":{\"b\":1}}", "{}", "[]"})
  void leavesBomAndTinyInputToJacksonsDetection(String json) throws IOException {
    try (JsonParser parser = parse(SKIPPING, json)) {
      assertThat(parser).isNotInstanceOf(SkippingJsonParser.class);
      assertThat(parser.nextToken()).isIn(JsonToken.START_OBJECT, JsonToken.START_ARRAY);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"skip\":{\"s\":\"a \\\"quoted\\\" } ] { [ brace\"},\"after\":1}",
      "{\"skip\":{\"s\":\"ends in a backslash \\\\\"},\"after\":\"x\"}",
      "{\"skip\":{\"s\":\"\\\\\\\"\\\\\"},\"after\":true}",
      "{\"skip\":[{\"a\":1},{\"b\":[2,{\"c\":null}]},[],{}],\"after\":[1,2]}",
      "{\"skip\":{},\"after\":{}}",
      "{\"skip\":[],\"after\":[]}",
      "{ \"skip\" :\n\t{ \"a\" : [ 1 ,\r\n 2 ] , \"b\" : { } } ,\n \"after\" : 3 }",
      "{\"skip\":{\"\\u007d\":\"\\u005d\"},\"after\":\"\\u00e9 \u00e9 \ud83d\udd25\"}",
      "{\"outer\":{\"skip\":{\"x\":[1]},\"y\":2},\"skip\":[[[]]],\"z\":{\"skip\":[{\"q\":\"]\"}]}}",
      "[{\"skip\":{\"a\":1}},{\"skip\":[2]},3]",
  })
  void endsInJacksonsStateAfterTheValue(String json) throws IOException {
    assertThat(events(SKIPPING, json)).isEqualTo(events(PLAIN, json));
  }

  @Test
  void fallsBackToJacksonBeyondTheFastDepth() throws IOException {
    int levels = SkippingJsonParser.MAX_FAST_DEPTH + 5;
    String deep = "[".repeat(levels) + "{\"s\":\"]}\"}" + "]".repeat(levels);
    String json = "{\"skip\":" + deep + ",\"after\":{\"skip\":" + "{\"a\":".repeat(levels) + "1"
        + "}".repeat(levels) + "},\"end\":1}";
    assertThat(events(SKIPPING, json)).isEqualTo(events(PLAIN, json));
  }

  @Test
  void skipsExactlyTheFastDepth() throws IOException {
    int levels = SkippingJsonParser.MAX_FAST_DEPTH - 1;
    String json = "{\"skip\":{\"a\":" + "[".repeat(levels) + "]".repeat(levels) + "},\"end\":1}";
    assertThat(events(SKIPPING, json)).isEqualTo(events(PLAIN, json));
  }

  @Test
  void fallbackStillEnforcesJacksonsNestingLimit() {
    int levels = 1500;
    String json = "{\"skip\":" + "[".repeat(levels) + "]".repeat(levels) + "}";
    assertThatThrownBy(() -> events(SKIPPING, json)).isInstanceOf(IOException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"skip\":{\"a\":1],\"after\":1}",
      "{\"skip\":[1}",
      "{\"skip\":[{\"a\":[}]]}",
      "{\"skip\":{\"a\":{\"b\":1}",
      "{\"skip\":{\"a\":\"unterminated}}",
      "{\"skip\":{\"a\":\"escaped end\\\"}}",
      "{\"skip\":{\"a\":\"backslash at the end\\",
      "{\"skip\":[[[",
  })
  void rejectsMismatchedOrTruncatedSkippedValues(String json) {
    assertThatThrownBy(() -> events(SKIPPING, json)).isInstanceOf(JsonParseException.class);
  }

  @Test
  void acceptsWhatOnlyTheTokenizerWouldReject() throws IOException {
    // The documented trade: inside a skipped value only strings and brackets are checked.
    String json = "{\"skip\":{\"a\" 1 2 nope, \"b\":[01,\"tab\there\",\"\\q\"]},\"after\":1}";
    assertThat(events(SKIPPING, json)).containsExactly(
        "START_OBJECT@1", "FIELD_NAME=skip@1", "START_OBJECT@2", "skipped to END_OBJECT@1 in Object",
        "FIELD_NAME=after@1", "VALUE_NUMBER_INT=1@1", "END_OBJECT@0");
    assertThatThrownBy(() -> events(PLAIN, json)).isInstanceOf(JsonParseException.class);
  }

  @Test
  void leavesScalarsAlone() throws IOException {
    try (JsonParser parser = parse(SKIPPING, "{\"a\":\"x\",\"b\":2}")) {
      parser.nextToken();
      parser.nextToken();
      assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
      parser.skipChildren();
      assertThat(parser.currentToken()).isEqualTo(JsonToken.VALUE_STRING);
      assertThat(parser.getText()).isEqualTo("x");
      assertThat(parser.nextFieldName()).isEqualTo("b");
    }
  }

  @Test
  void findsQuotesAndEscapesAtEveryPositionOfAWord() throws IOException {
    for (int length = 0; length < 20; length++) {
      for (int at = 0; at < length; at++) {
        StringBuilder content = new StringBuilder("x".repeat(length));
        content.replace(at, at + 1, at % 2 == 0 ? "\\\"" : "\\\\");
        String json = "{\"skip\":{\"" + content + "\":[\"" + content + "}\"]},\"after\":\"" + content + "\"}";
        assertThat(events(SKIPPING, json)).as(json).isEqualTo(events(PLAIN, json));
      }
    }
  }
}
