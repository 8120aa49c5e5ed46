package io.hashtagstreams.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashtagCharactersTest {

  @ParameterizedTest
  @ValueSource(ints = {'a', 'Z', 'é', 'ж', 'ש', 'ก', 'ア', '漢', '한', 0x0301, 0x0E49, 0x20021, 0x16F04, 0x1D49C,
      0x08A0, 0xA9E0, 0xF870})
  void countsLettersAndMarks(int cp) {
    assertThat(HashtagCharacters.isLetterOrMark(cp)).isTrue();
    assertThat(HashtagCharacters.isTagCharacter(cp)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {'0', '9', 0x0966, 0x0661, 0xFF11, 0x104A0, 0x0DE6, 0xA9F0, '_', 0x200C, 0x200D, 0x30FB,
      0x301C, 0xFF5E, 0x3003, 0x00B7, 0x05BE, 0x05F3, 0x05F4, 0xA67E, 0x309B, 0x309C, 0x30A0, 0x0F0B, 0x0F0C})
  void acceptsDigitsAndJoinersInsideButNotAsTheLetter(int cp) {
    assertThat(HashtagCharacters.isTagCharacter(cp)).isTrue();
    assertThat(HashtagCharacters.isLetterOrMark(cp)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {' ', '#', 0xFF03, '&', '-', '.', '\'', 0x3002, 0xFF01, 0x1F600, 0x1F3FF, 0x2019, 0x00A0,
      0xD800, 0xDC00})
  void stopsAtEverythingElse(int cp) {
    assertThat(HashtagCharacters.isTagCharacter(cp)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {' ', '.', '(', 0x3002, 0x1F600, 0x1F3FF, 0xFE0E, 0xFE0F, '#', 0x2019})
  void letsASignFollowSeparatorsEmojiAndVariationSelectors(int cp) {
    assertThat(HashtagCharacters.mayPrecedeSign(cp)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {'&', 'a', '1', '_', 0x00E9, 0x200D, 0x30FB, 0x0301})
  void keepsASignAfterAmpersandOrHashtagCharactersFromStartingATag(int cp) {
    assertThat(HashtagCharacters.mayPrecedeSign(cp)).isFalse();
  }

  @Test
  void knowsBothSigns() {
    assertThat(HashtagCharacters.isSign('#')).isTrue();
    assertThat(HashtagCharacters.isSign('\uFF03')).isTrue();
    assertThat(HashtagCharacters.isSign('\uFE5F')).isFalse();
  }
}
