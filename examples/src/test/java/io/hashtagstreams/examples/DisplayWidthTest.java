package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

  @Test
  void countsAsciiOneColumnEach() {
    assertThat(DisplayWidth.of("")).isZero();
    assertThat(DisplayWidth.of("rio2016")).isEqualTo(7);
    assertThat(DisplayWidth.of("#Rio2016 !")).isEqualTo(10);
  }

  @Test
  void countsEastAsianWideCharactersTwoColumns() {
    assertThat(DisplayWidth.of("リオ五輪")).isEqualTo(8);            // katakana and CJK ideographs
    assertThat(DisplayWidth.of("올림픽")).isEqualTo(6);              // Hangul syllables
    assertThat(DisplayWidth.of("東京。#五輪")).isEqualTo(11);          // ideographic full stop is wide too
    assertThat(DisplayWidth.of("\uD840\uDC0B")).isEqualTo(2);       // U+2000B, a supplementary ideograph
  }

  @Test
  void countsFullwidthFormsTwoColumns() {
    assertThat(DisplayWidth.of("#ＲＩＯ")).isEqualTo(7);
    assertThat(DisplayWidth.of("＃２０１６")).isEqualTo(10);
  }

  @Test
  void countsEmojiTwoColumnsAndTheirSequencesOnce() {
    assertThat(DisplayWidth.of("🏅")).isEqualTo(2);                  // U+1F3C5, supplementary plane
    assertThat(DisplayWidth.of("⚽")).isEqualTo(2);                  // U+26BD, emoji presentation in the BMP
    assertThat(DisplayWidth.of("gold🏅🇧🇷")).isEqualTo(8);           // a flag: two regional indicators
    assertThat(DisplayWidth.of("\u2764\uFE0F")).isEqualTo(2);       // heart + emoji presentation selector
    assertThat(DisplayWidth.of("\u2764")).isEqualTo(1);             // the same heart as text
    assertThat(DisplayWidth.of("\uD83D\uDC4D\uD83C\uDFFD")).isEqualTo(2);  // thumbs up + skin tone
    assertThat(DisplayWidth.of("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67")).isEqualTo(2);  // family (ZWJ)
    assertThat(DisplayWidth.of("#\uFE0F\u20E3")).isEqualTo(2);      // keycap number sign
  }

  @Test
  void countsCombiningMarksAndFormatCharactersZero() {
    assertThat(DisplayWidth.of("Cafe\u0301")).isEqualTo(4);          // e + combining acute
    assertThat(DisplayWidth.of("Café")).isEqualTo(4);                // precomposed
    assertThat(DisplayWidth.of("a\u0308\u0323")).isEqualTo(1);       // two marks on one letter
    assertThat(DisplayWidth.of("が")).isEqualTo(2);                   // U+304C precomposed
    assertThat(DisplayWidth.of("か\u3099")).isEqualTo(2);             // U+304B + combining voiced mark
    assertThat(DisplayWidth.of("a\u200Bb")).isEqualTo(2);            // zero width space
  }

  @Test
  void countsSingleCodePoints() {
    assertThat(DisplayWidth.of('a')).isEqualTo(1);
    assertThat(DisplayWidth.of('\n')).isZero();
    assertThat(DisplayWidth.of(0x0301)).isZero();
    assertThat(DisplayWidth.of('五')).isEqualTo(2);
    assertThat(DisplayWidth.of(0xFF32)).isEqualTo(2);                // Ｒ
    assertThat(DisplayWidth.of(0x1F600)).isEqualTo(2);               // 😀
    assertThat(DisplayWidth.of(0x303F)).isEqualTo(1);                // half-fill space: narrow amid wide punctuation
  }

  @Test
  void padsByDisplayWidth() {
    assertThat(DisplayWidth.padRight("五輪", 6)).isEqualTo("五輪  ");
    assertThat(DisplayWidth.padLeft("五輪", 6)).isEqualTo("  五輪");
    assertThat(DisplayWidth.padRight("rio2016", 3)).isEqualTo("rio2016");
  }

  @Test
  void countsTheFirstAndLastCodePointOfEachWideRangeTwoAndTheirNeighboursOne() {
    // Unicode's East Asian Width (W or F) at the edges of its ranges; a range check that stops one code point short
    // gets the last code point wrong.
    int[][] wideThenNarrow = {
        {0xD7A3, 0xD7A4},   // 힣, the last Hangul syllable; then an unassigned code point
        {0x2705, 0x2706},   // ✅ white heavy check mark; ✆ telephone location sign (narrow)
        {0x26A1, 0x26A2},   // ⚡ high voltage; ⚢ doubled female sign (narrow)
        {0xFF60, 0xFF61},   // fullwidth right white parenthesis; halfwidth ideographic full stop
        {0xFFE6, 0xFFE7},   // fullwidth won sign; then unassigned
        {0x1F64F, 0x1F650}, // 🙏 person with folded hands; 🙐 (narrow, a dingbat ornament)
        {0xA4CF, 0xA4D0},   // the end of the Yi radicals block; Lisu letter BA (narrow)
    };
    for (int[] pair : wideThenNarrow) {
      assertThat(DisplayWidth.of(new String(Character.toChars(pair[0]))))
          .as("U+%04X", pair[0]).isEqualTo(2);
      assertThat(DisplayWidth.of(new String(Character.toChars(pair[1]))))
          .as("U+%04X", pair[1]).isEqualTo(1);
    }
    int[] narrowThenWide = {0x26A0, 0x26A1, 0x2704, 0x2705, 0xABFF, 0xAC00};
    assertThat(DisplayWidth.of(new String(Character.toChars(narrowThenWide[0])))).isEqualTo(1);  // ⚠
    assertThat(DisplayWidth.of(new String(Character.toChars(narrowThenWide[1])))).isEqualTo(2);  // ⚡
    assertThat(DisplayWidth.of(new String(Character.toChars(narrowThenWide[2])))).isEqualTo(1);  // ✄
    assertThat(DisplayWidth.of(new String(Character.toChars(narrowThenWide[3])))).isEqualTo(2);  // ✅
    assertThat(DisplayWidth.of(new String(Character.toChars(narrowThenWide[5])))).isEqualTo(2);  // 가
  }
}
