package io.hashtagstreams.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bluesky's rule: atproto's own detection tests (conformance/bluesky-rich-text-detection.json), then one group of
 * texts per clause of the rule written for this test. Expected values are whole lists.
 */
class BlueskyHashtagRulesTest {

  static Stream<Arguments> atprotoDetectionCases() {
    JsonNode file = ConformanceCases.read("bluesky-rich-text-detection.json");
    return StreamSupport.stream(file.get("cases").spliterator(), false)
        .map(node -> Arguments.of(node.get("describe").asText(), node.get("text").asText(), strings(node.get("tags")),
            node.get("byteRanges")));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("atprotoDetectionCases")
  void findsTheTagFacetsAtprotoDetectsExceptCashtags(String describe, String text, List<String> facetTags,
      JsonNode byteRanges) {
    // atproto's test lists every #tag facet; those whose tag starts with '$' are cashtags, not hashtags.
    List<String> hashtags = facetTags.stream().filter(tag -> !tag.startsWith("$")).collect(Collectors.toList());

    assertThat(BlueskyHashtagRules.extract(text)).isEqualTo(hashtags);

    // The facets' byte ranges in atproto's test cover the sign and exactly the tag we return.
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < facetTags.size(); i++) {
      JsonNode range = byteRanges.get(i);
      String covered = new String(Arrays.copyOfRange(utf8, range.get(0).asInt(), range.get(1).asInt()),
          StandardCharsets.UTF_8);
      if (!facetTags.get(i).startsWith("$")) {
        assertThat(covered.substring(covered.offsetByCodePoints(0, 1))).isEqualTo(facetTags.get(i));
      }
    }
  }

  @Test
  void readsAllCasesOfTheConformanceFile() {
    assertThat(atprotoDetectionCases().count()).isEqualTo(57);
    assertThat(atprotoDetectionCases().filter(args -> args.get()[0].equals("correctly detects tags inline")))
        .hasSize(39);
  }

  private static Arguments tags(String text, String... expected) {
    return Arguments.of(text, List.of(expected));
  }

  static Stream<Arguments> charactersBeforeTheSign() {
    return Stream.of(
        tags("#start", "start"),
        tags("x#no (#no) [#no] \"#no\" 。#no"),
        tags("tab\t#a line\n#b cr\r#c ff\f#d vt\u000B#e", "a", "b", "c", "d", "e"),
        tags("nbsp\u00A0#a ideographic\u3000#b thin\u2009#c bom\uFEFF#d ls\u2028#e", "a", "b", "c", "d", "e"),
        tags("nel\u0085#no zwsp\u200B#no wj\u2060#no shy\u00AD#no mvs\u180E#no"));
  }

  static Stream<Arguments> bodies() {
    return Stream.of(
        tags("#a#b (#c) #d.", "a#b", "d"),
        tags("#tag\u200Dmore #x\u200Cy #p\u2060q #s\u00ADt #h\u200Ai", "tag", "x", "p", "s", "h"),
        tags("#👨\u200D👩\u200D👧 family", "👨"),
        tags("#2016 #_ #-- #1_2 #«» #٢٠١٦", "٢٠١٦"),
        tags("#1st #_a #a-b-c #n@me #é", "1st", "_a", "a-b-c", "n@me", "é"),
        tags("#\uFE0Fkeycap #a\uFE0F", "a\uFE0F"),
        tags("#\uD800 #b\uDC00", "\uD800", "b\uDC00"));
  }

  static Stream<Arguments> trailingPunctuation() {
    return Stream.of(
        tags("#end. #end!? #end… #end) #end»", "end", "end", "end", "end", "end"),
        tags("#(tag) #tag$ #tag+", "(tag", "tag$", "tag+"),
        tags("#¿qué?", "¿qué"));
  }

  static Stream<Arguments> cashtags() {
    return Stream.of(
        tags("$AAPL and $tsla are up"),
        tags("#$AAPL #$100 #a$b", "a$b"));
  }

  static Stream<Arguments> length() {
    String e64 = "e\u0301".repeat(64);
    String thumbs64 = "👍🏽".repeat(64);
    String flags64 = "🇧🇷".repeat(64);
    return Stream.of(
        tags("#" + "a".repeat(64) + " #" + "a".repeat(65), "a".repeat(64)),
        tags("#" + "a".repeat(64) + "!!!", "a".repeat(64)),
        tags("#" + e64 + " #" + e64 + "e\u0301", e64),
        tags("#" + thumbs64 + " #" + thumbs64 + "👍", thumbs64),
        tags("#" + flags64 + " #🇧🇷" + flags64, flags64));
  }

  @ParameterizedTest
  @MethodSource({"charactersBeforeTheSign", "bodies", "trailingPunctuation", "cashtags", "length"})
  void extractsTheTagsBlueskyWould(String text, List<String> expected) {
    assertThat(BlueskyHashtagRules.extract(text)).isEqualTo(expected);
  }

  @Test
  void countsExtendedGraphemeClusters() {
    assertThat(BlueskyHashtagRules.graphemes("e\u0301👍🏽🇧🇷👨\u200D👩\u200D👧a")).isEqualTo(5);
  }

  @Test
  void findsTheTagsOfAMegabyteOfSignsInOnePass() {
    String text = "#a #1 ##b x#c ".repeat(75_000);
    List<String> tags = BlueskyHashtagRules.extract(text);
    assertThat(tags).hasSize(150_000);
    assertThat(tags.subList(0, 2)).containsExactly("a", "#b");
  }
}
