package io.hashtagstreams.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Mastodon's tag names: the cases of Mastodon's own specs for {@code HashtagNormalizer} and {@code Tag}'s name
 * normalization (conformance/mastodon-hashtags.json, {@code normalize}), then one case per step written for this test.
 */
class MastodonTagNamesTest {

  static Stream<Arguments> mastodonSpecCases() {
    JsonNode file = ConformanceCases.read("mastodon-hashtags.json");
    return StreamSupport.stream(file.get("normalize").spliterator(), false)
        .map(node -> Arguments.of(node.get("spec").asText(), node.get("tag").asText(),
            node.get("normalized").asText()));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("mastodonSpecCases")
  void namesTagsAsMastodonsSpecsExpect(String spec, String tag, String expected) {
    assertThat(MastodonTagNames.name(tag)).isEqualTo(expected);
  }

  @Test
  void readsAllCasesOfTheConformanceFile() {
    assertThat(mastodonSpecCases().count()).isEqualTo(8);
  }

  static Stream<Arguments> steps() {
    return Stream.of(
        // NFKC first: full-width letters and digits, ligatures, the Angstrom sign
        Arguments.of("ＲＩＯ２０１６", "rio2016"),
        Arguments.of("ﬁnal", "final"),
        Arguments.of("\u212Bngstr\u00F6m", "angstrom"),
        // lower case per code point: no final sigma, dotted capital I to i + dot above, and the dot removed
        Arguments.of("ΟΛΥΜΠΙΑΚΟΣ", "ολυμπιακοσ"),
        Arguments.of("İstanbul", "istanbul"),
        // the folding table: Latin-1 and Latin Extended-A letters only
        Arguments.of("Łódź_Zürich·Ærø", "lodz_zurich·æro"),
        Arguments.of("Straße", "straße"),
        Arguments.of("Tiếng", "tiếng"),
        Arguments.of("ı", "i"),
        // characters that cannot be in a name are removed
        Arguments.of("#Hello❤️World 2016!", "helloworld2016"),
        Arguments.of("ぼっち・ざ・ろっく", "ぼっち・ざ・ろっく"),
        Arguments.of("نرم\u200Cافزار", "نرم\u200Cافزار"),
        Arguments.of("a\u200Db", "ab"),
        Arguments.of("😍", ""));
  }

  @ParameterizedTest
  @MethodSource("steps")
  void normalizesByNfkcThenLowerCaseThenFoldingThenRemoval(String tag, String expected) {
    assertThat(MastodonTagNames.name(tag)).isEqualTo(expected);
  }
}
