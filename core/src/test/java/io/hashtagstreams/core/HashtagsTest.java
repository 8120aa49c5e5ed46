package io.hashtagstreams.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hashtag rule, one group of texts per clause; every text is written for this test. Expected values are whole
 * lists, so a tag too many or too few fails.
 */
class HashtagsTest {

  private static Arguments tags(String text, String... expected) {
    return Arguments.of(text, List.of(expected));
  }

  static Stream<Arguments> signs() {
    return Stream.of(
        tags("Final whistle #Rio2016", "Rio2016"),
        tags("決勝戦 ＃東京五輪", "東京五輪"),
        tags("＃ＲＩＯ and #rio", "ＲＩＯ", "rio"),
        tags("Press #\uFE0F\u20E3 to call"),
        tags("Keycap without selector #\u20E3 here"),
        tags("#\uFE0Fgold"),
        tags("＃\uFE0F\u20E3 full-width keycap"),
        tags("# spaced out"),
        tags("a lone # sign and ＃ too"),
        tags("#"));
  }

  static Stream<Arguments> charactersBeforeTheSign() {
    return Stream.of(
        tags("#start of text", "start"),
        tags("abc#nope"),
        tags("2016#nope"),
        tags("_#nope"),
        tags("é#nope"),
        tags("·#nope"),
        tags("\u200D#nope"),
        tags("Tom &#Jerry"),
        tags("it&#39;s"),
        tags("Ginásio。#体操", "体操"),
        tags("できた！#金メダル", "金メダル"),
        tags("【#速報】五輪", "速報"),
        tags("end.#dot", "dot"),
        tags("(#paren) [#bracket] \"#quoted\"", "paren", "bracket", "quoted"),
        tags("line\n#next\ttab\t#tabbed", "next", "tabbed"),
        tags("so happy😀#emoji", "emoji"),
        tags("🇧🇷#Brasil", "Brasil"),
        tags("👍🏽#thumbs", "thumbs"),
        tags("❤\uFE0F#love", "love"),
        tags("✌\uFE0E#peace", "peace"),
        tags("👨\u200D👩\u200D👧#family", "family"),
        tags("##double", "double"));
  }

  static Stream<Arguments> tagCharacters() {
    return Stream.of(
        tags("#1st place", "1st"),
        tags("#2016 #0 #_ #__ #1_2"),
        tags("#__a__ #a_1", "__a__", "a_1"),
        tags("#São_Paulo #Zürich #naïve #Ærø", "São_Paulo", "Zürich", "naïve", "Ærø"),
        tags("Новости #Москва2016 и #Сочи", "Москва2016", "Сочи"),
        tags("#الألعاب_الأولمبية ٢٠١٦", "الألعاب_الأولمبية"),
        tags("#تیم_ملی #٢٠١٦"
            + " #می\u200Cروم", "تیم_ملی", "می\u200Cروم"),
        tags("#תל־אביב #צה״ל #ג׳ודו", "תל־אביב", "צה״ל", "ג׳ודו"),
        tags("#भारत #खेल२०१६ #२०१६", "भारत", "खेल२०१६"),
        tags("#हिन्दी_दिवस", "हिन्दी_दिवस"),
        tags("#กีฬาโอลิมปิก #ทีมชาติไทย", "กีฬาโอลิมปิก", "ทีมชาติไทย"),
        tags("#リオ・オリンピック #がんばれ日本", "リオ・オリンピック", "がんばれ日本"),
        tags("#ｻｯｶｰ #ﾊﾟﾘ", "ｻｯｶｰ", "ﾊﾟﾘ"),
        tags("#佐々木 #各〃 #〃 #ゆ〜ちゅ〜ぶ #メ～テ", "佐々木", "各〃", "ゆ〜ちゅ〜ぶ", "メ～テ"),
        tags("#리우올림픽 #팀코리아", "리우올림픽", "팀코리아"),
        tags("比赛开始了！#里约奥运会，#中国队加油", "里约奥运会", "中国队加油"),
        tags("#བོད་ལྗོངས་ #Ꙭ꙾Ꙭ", "བོད་ལྗོངས་", "Ꙭ꙾Ꙭ"),
        tags("#l·lei", "l·lei"),
        tags("#\u0301", "\u0301"),
        tags("#𠮷野家 #𝒜𝒷𝒸 #\uD840\uDC00", "𠮷野家", "𝒜𝒷𝒸", "\uD840\uDC00"),
        tags("#love😍 #😍", "love"),
        tags("#a\uD800 #b\uDC00c", "a", "b"));
  }

  static Stream<Arguments> tagEnds() {
    return Stream.of(
        tags("#rio2016, #rio2016! #rio2016. #rio2016? #rio2016's", "rio2016", "rio2016", "rio2016", "rio2016",
            "rio2016"),
        tags("#one #two #one", "one", "two", "one"),
        tags("#a#b"),
        tags("#a##b", "b"),
        tags("#gold＃"),
        tags("#http://example.com #ftp://files"),
        tags("#tag: #tag:/ #tag:x", "tag", "tag", "tag"),
        tags("#a #b#c #d", "a", "d"));
  }

  static Stream<Arguments> urls() {
    return Stream.of(
        tags("http://example.com/#section"),
        tags("see https://example.org/docs/#install now"),
        tags("example.com/#about and #about", "about"),
        tags("see example.com #about", "about"),
        tags("#example.com", "example"),
        tags("www.#olympics", "olympics"),
        tags("http://example.com/search?q=#tag"),
        tags("https://en.wikipedia.org/wiki/Rio_(#city)"),
        tags("https://t.co/AbC123/#tag", "tag"),
        tags("http://localhost/#dev", "dev"),
        tags("example.invalidtld/#x", "x"),
        tags("-example.com/#x", "x"),
        tags("http://example.com/日本/#tag", "tag"),
        tags("http://example.com/#日本", new String[0]),
        tags("foo.co.jp/#bar #baz", "baz"),
        tags("#a·b.com/#c", "a·b", "c"),
        tags("https://😀＃五輪.com"),
        tags("see https://日本.jp/#tag"),
        tags("Zhttp://日本example.com/#tag", "tag"),
        tags("http://😀＃tag.xn--p1ai", "tag"));
  }

  @ParameterizedTest
  @MethodSource({"signs", "charactersBeforeTheSign", "tagCharacters", "tagEnds", "urls"})
  void extractsTheHashtagsTwitterWould(String text, List<String> expected) {
    assertThat(Hashtags.extract(text)).isEqualTo(expected);
  }

  @Test
  void returnsAnEmptyListForNullAndForTextsWithoutSigns() {
    assertThat(Hashtags.extract(null)).isEmpty();
    assertThat(Hashtags.extract("")).isEmpty();
    assertThat(Hashtags.extract("no tags at all")).isEmpty();
  }

  @Test
  void acceptsAnyCharSequence() {
    assertThat(Hashtags.extract(new StringBuilder("go #team"))).containsExactly("team");
  }

  @Test
  void runsTheJavadocExamples() {
    assertThat(Hashtags.extract("Gold for Brazil! #Rio2016 #RIO2016 #Olympics"))
        .containsExactly("Rio2016", "RIO2016", "Olympics");
    assertThat(Hashtags.extract("#Rio2016, #rio2016! #2016 abc#x")).containsExactly("Rio2016", "rio2016");
    assertThat(Hashtags.normalize("ＲＩＯ２０１６")).isEqualTo("rio2016");
  }

  @Test
  void findsTheTagsOfAMegabyteOfSignsAndLettersInOnePass() {
    int megabyte = 1 << 20;
    assertThat(Hashtags.extract("#".repeat(megabyte))).isEmpty();
    assertThat(Hashtags.extract("＃".repeat(megabyte))).isEmpty();
    assertThat(Hashtags.extract("a#".repeat(megabyte / 2))).isEmpty();
    assertThat(Hashtags.extract("#a".repeat(megabyte / 2))).isEmpty();
    assertThat(Hashtags.extract("#" + "1".repeat(megabyte))).isEmpty();
    assertThat(Hashtags.extract("日本#".repeat(megabyte / 3) + "＃").isEmpty()).isTrue();

    List<String> spaced = Hashtags.extract("#a ".repeat(megabyte / 3));
    assertThat(spaced).hasSize(megabyte / 3).containsOnly("a");

    String letters = "a".repeat(megabyte);
    assertThat(Hashtags.extract("#" + letters)).containsExactly(letters);
  }

  @Test
  void staysLinearWhenEveryTagMightSitInAUrl() {
    int megabyte = 1 << 20;
    assertThat(Hashtags.extract("a.".repeat(megabyte / 2) + "#tag")).containsExactly("tag");
    assertThat(Hashtags.extract("x.#a ".repeat(megabyte / 5))).hasSize(megabyte / 5).containsOnly("a");
    assertThat(Hashtags.extract("http://a.com/#a ".repeat(megabyte / 16))).isEmpty();
    assertThat(Hashtags.extract("(#".repeat(megabyte / 2) + "x")).containsExactly("x");
    assertThat(Hashtags.extract("http://a.com/#x" + "(".repeat(megabyte))).isEmpty();
    assertThat(Hashtags.extract("http://" + "a-".repeat(megabyte / 2) + ".com/#x")).containsExactly("x");
    assertThat(Hashtags.extract("http://" + "a.".repeat(100) + "com/#x")).isEmpty();
    // a URL longer than 4096 characters is no URL for twitter-text
    assertThat(Hashtags.extract("http://" + "a.".repeat(megabyte / 2) + "com/#x")).containsExactly("x");
  }

  @Test
  void normalizesByNfkcThenRootLowerCase() {
    assertThat(Hashtags.normalize("Rio2016")).isEqualTo("rio2016");
    assertThat(Hashtags.normalize("ＲＩＯ")).isEqualTo("rio");
    assertThat(Hashtags.normalize("ﬁnal")).isEqualTo("final");
    assertThat(Hashtags.normalize("ｻｯｶｰ")).isEqualTo("サッカー");
    assertThat(Hashtags.normalize("Straße")).isEqualTo("straße");
    assertThat(Hashtags.normalize("ΟΛΥΜΠΙΑΚΟΙ")).isEqualTo("ολυμπιακοι");
    assertThat(Hashtags.normalize("リオ")).isEqualTo("リオ");
  }

  @Test
  void normalizesTheSameWayInATurkishJvm() {
    Locale original = Locale.getDefault();
    try {
      Locale.setDefault(new Locale("tr", "TR"));
      assertThat("ISTANBUL".toLowerCase()).isEqualTo("ıstanbul");
      assertThat(Hashtags.normalize("ISTANBUL")).isEqualTo("istanbul");
      assertThat(Hashtags.normalize("İzmir")).isEqualTo("i\u0307zmir");
    } finally {
      Locale.setDefault(original);
    }
  }

  static Stream<Arguments> perNetwork() {
    String text = "#a#b (#c) #d. x#e #1·2 #double#rainbow #$AAPL $TSLA #Rio2016";
    return Stream.of(
        Arguments.of(Network.TWITTER, text, List.of("c", "d", "Rio2016")),
        Arguments.of(Network.BLUESKY, text, List.of("a#b", "d", "double#rainbow", "Rio2016")),
        Arguments.of(Network.MASTODON, text, List.of("a", "d", "1·2", "double", "Rio2016")));
  }

  @ParameterizedTest
  @MethodSource("perNetwork")
  void extractsByTheRulesOfTheNetworkGiven(Network network, String text, List<String> expected) {
    assertThat(Hashtags.extract(text, network)).isEqualTo(expected);
    assertThat(Hashtags.extract(new StringBuilder(text), network)).isEqualTo(expected);
    assertThat(Hashtags.extract(null, network)).isEmpty();
    assertThat(Hashtags.extract("no tags", network)).isEmpty();
  }

  @Test
  void extractsTwitterPostsByTheOneArgumentRules() {
    for (String text : List.of("#a#b (#c) #d.", "http://example.com/#frag #x", "abc#x &#39; ＃ＲＩＯ #1st")) {
      assertThat(Hashtags.extract(text, Network.TWITTER)).isEqualTo(Hashtags.extract(text));
    }
  }

  @Test
  void runsTheJavadocExamplesOfTheNetworkForm() {
    assertThat(Hashtags.extract("Gold! #Rio2016 #double#rainbow", Network.BLUESKY))
        .containsExactly("Rio2016", "double#rainbow");
    assertThat(Hashtags.extract("Gold! #Rio2016 #one·two·three·", Network.MASTODON))
        .containsExactly("Rio2016", "one·two·three");
    assertThat(Hashtags.extract("#a#b (#c) #d.", Network.TWITTER)).containsExactly("c", "d");
    assertThat(Hashtags.extract("#a#b (#c) #d.", Network.BLUESKY)).containsExactly("a#b", "d");
    assertThat(Hashtags.extract("#a#b (#c) #d.", Network.MASTODON)).containsExactly("a", "d");
  }

  @Test
  void runsTheReadmeTableOfRulesPerNetwork() {
    String text = "#a#b (#c) #d. #1·2";
    assertThat(Hashtags.extract(text, Network.TWITTER)).containsExactly("c", "d");
    assertThat(Hashtags.extract(text, Network.BLUESKY)).containsExactly("a#b", "d");
    assertThat(Hashtags.extract(text, Network.MASTODON)).containsExactly("a", "d", "1·2");
    assertThat(Hashtags.mastodonName("#Blåhaj")).isEqualTo(Hashtags.mastodonName("blahaj")).isEqualTo("blahaj");
    assertThat(Hashtags.normalize("Blåhaj")).isNotEqualTo(Hashtags.normalize("blahaj"));
  }

  @Test
  void countsTheSameTagOnEveryNetworkAsOneTopic() {
    List<String> topics = new java.util.ArrayList<>();
    topics.addAll(Hashtags.extract("Gold #Rio2016", Network.TWITTER));
    topics.addAll(Hashtags.extract("Gold #rio2016!", Network.BLUESKY));
    topics.addAll(Hashtags.extract("Gold ＃ＲＩＯ２０１６", Network.MASTODON));
    topics.replaceAll(Hashtags::normalize);
    assertThat(topics).containsExactly("rio2016", "rio2016", "rio2016");
  }

  @Test
  void namesTagsAsAMastodonServerDoesApartFromCounting() {
    assertThat(Hashtags.mastodonName("#BLÅHAJ")).isEqualTo("blahaj");
    assertThat(Hashtags.mastodonName("Ｓｙｎｔｈｗａｖｅ")).isEqualTo("synthwave");
    assertThat(Hashtags.mastodonName("Straße")).isEqualTo("straße");
    assertThat(Hashtags.normalize("BLÅHAJ")).isEqualTo("blåhaj");
    assertThatThrownBy(() -> Hashtags.mastodonName(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("hashtag");
  }

  @Test
  void rejectsANullNetwork() {
    assertThatThrownBy(() -> Hashtags.extract("#a", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("network");
  }

  @Test
  void rejectsNullInNormalize() {
    assertThatThrownBy(() -> Hashtags.normalize(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("hashtag");
  }
}
