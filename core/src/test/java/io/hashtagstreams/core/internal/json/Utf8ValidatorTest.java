package io.hashtagstreams.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class Utf8ValidatorTest {

  private static boolean valid(byte[] bytes) {
    return Utf8Validator.isValid(bytes, 0, bytes.length);
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void acceptsAsciiAndEveryEncodedLength() {
    assertThat(valid("{\"text\":\"plain ascii, long enough for the 8-byte path\"}".getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(valid("é ü ñ ж م".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(valid("東京 한국 हिंदी ‘quotes’ …".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(valid("🔥🇧🇷 emoji at the end 😍".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(valid(new byte[0])).isTrue();
  }

  @Test
  void rejectsEachKindOfInvalidSequence() {
    assertThat(valid(bytes(0xFF))).as("never a UTF-8 byte").isFalse();
    assertThat(valid(bytes(0x80))).as("lone continuation").isFalse();
    assertThat(valid(bytes(0xC0, 0xAF))).as("overlong 2-byte").isFalse();
    assertThat(valid(bytes(0xE0, 0x80, 0xAF))).as("overlong 3-byte").isFalse();
    assertThat(valid(bytes(0xF0, 0x80, 0x80, 0xAF))).as("overlong 4-byte").isFalse();
    assertThat(valid(bytes(0xED, 0xA0, 0x80))).as("surrogate").isFalse();
    assertThat(valid(bytes(0xF4, 0x90, 0x80, 0x80))).as("above U+10FFFF").isFalse();
    assertThat(valid(bytes(0xE2, 0x82))).as("cut 3-byte").isFalse();
    assertThat(valid(bytes(0xC3, 0x28))).as("bad continuation").isFalse();
  }

  @Test
  void findsAnInvalidByteAfterALongAsciiRun() {
    byte[] line = "{\"user\":{\"description\":\"0123456789abcdefX\"}}".getBytes(StandardCharsets.US_ASCII);
    line[line.length - 5] = (byte) 0xFE;
    assertThat(valid(line)).isFalse();
  }

  @Test
  void checksOnlyTheGivenSlice() {
    byte[] data = bytes(0xFF, 'a', 'b', 0xFF);
    assertThat(Utf8Validator.isValid(data, 1, 2)).isTrue();
    assertThat(Utf8Validator.isValid(data, 1, 3)).isFalse();
  }

  @Test
  void agreesWithTheJdkDecoderOnRandomBytes() {
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      byte[] data = new byte[random.nextInt(24)];
      for (int j = 0; j < data.length; j++) {
        // Mostly ASCII and UTF-8 lead/continuation bytes, so that valid sequences occur too.
        int kind = random.nextInt(4);
        data[j] = (byte) (kind == 0 ? random.nextInt(0x80) : kind == 1 ? 0x80 + random.nextInt(0x40)
            : 0xC0 + random.nextInt(0x40));
      }
      assertThat(valid(data)).as(java.util.Arrays.toString(data)).isEqualTo(jdkAccepts(data));
    }
  }

  private static boolean jdkAccepts(byte[] data) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
