package io.hashtagstreams.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Mastodon's rule: the cases of Mastodon's own specs for {@code Tag::HASHTAG_RE} and the extractor
 * (conformance/mastodon-hashtags.json), then one group of texts per clause of the rule written for this test.
 * Expected values are whole lists.
 */
class MastodonHashtagRulesTest {

  static Stream<Arguments> mastodonSpecCases() {
    JsonNode file = ConformanceCases.read("mastodon-hashtags.json");
    return StreamSupport.stream(file.get("extract").spliterator(), false)
        .map(node -> {
          List<String> tags = new ArrayList<>();
          node.get("tags").forEach(tag -> tags.add(tag.asText()));
          return Arguments.of(node.get("spec").asText(), node.get("text").asText(), tags);
        });
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("mastodonSpecCases")
  void findsTheHashtagsOfMastodonsSpecs(String spec, String text, List<String> expected) {
    assertThat(MastodonHashtagRules.extract(text)).isEqualTo(expected);
  }

  @Test
  void readsAllCasesOfTheConformanceFile() {
    assertThat(mastodonSpecCases().count()).isEqualTo(31);
  }

  private static Arguments tags(String text, String... expected) {
    return Arguments.of(text, List.of(expected));
  }

  static Stream<Arguments> charactersBeforeTheSign() {
    return Stream.of(
        tags("#start", "start"),
        tags("x#no (#no) [#no] \"#no\" 。#no =#no /#no"),
        tags("tab\t#a line\n#b cr\r#c nel\u0085#d ideographic\u3000#e thin\u2009#f", "a", "b", "c", "d", "e", "f"),
        tags("bom\uFEFF#no zwsp\u200B#no wj\u2060#no"));
  }

  static Stream<Arguments> bodies() {
    return Stream.of(
        tags("#a#b (#c) #d.", "a", "d"),
        tags("#a #ab #abc #a1 #1a", "a", "ab", "abc", "a1", "1a"),
        tags("#12 #_ #__ #1·2 #1_2 #1_", "1·2", "1_2"),
        tags("#a· #a··b #·a #a\u200Cb #a\u200Db", "a", "a··b", "a\u200Cb", "a"),
        tags("#tag_· #tag! #tag's #tag-x", "tag_", "tag", "tag", "tag"),
        tags("#café #e\u0301 #Ⅻ #東京五輪 #กีฬา", "café", "e\u0301", "Ⅻ", "東京五輪", "กีฬา"),
        tags("#love😍 #😍", "love"));
  }

  static Stream<Arguments> protocols() {
    return Stream.of(
        tags("#foohttps://x.com #barhttp://x.com #baz://x", "foo", "bar", "baz"),
        tags("#https://x.com #http://x.com #ahttps", "https", "http", "ahttps"));
  }

  @ParameterizedTest
  @MethodSource({"charactersBeforeTheSign", "bodies", "protocols"})
  void extractsTheHashtagsMastodonWould(String text, List<String> expected) {
    assertThat(MastodonHashtagRules.extract(text)).isEqualTo(expected);
  }

  @Test
  void findsTheTagsOfAMegabyteOfSignsInOnePass() {
    String text = "#a ##b #1·2 x#c #·d ".repeat(55_000);
    List<String> tags = MastodonHashtagRules.extract(text);
    assertThat(tags).hasSize(110_000);
    assertThat(tags.subList(0, 2)).containsExactly("a", "1·2");
  }

  @Test
  void staysLinearOnALongRunOfSeparators() {
    String text = "#a" + "·".repeat(500_000) + " #b";
    assertThat(MastodonHashtagRules.extract(text)).containsExactly("a", "b");
  }
}
