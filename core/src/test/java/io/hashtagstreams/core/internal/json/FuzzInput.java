package io.hashtagstreams.core.internal.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hostile inputs made from real records: edits of the parsed record written in random styles
 * ({@link #structured}), byte-level damage ({@link #damaged}) and plain random bytes ({@link #randomBytes}).
 * Every method draws only from the {@link Random} it is given, so jqwik's seed reproduces an input.
 */
public final class FuzzInput {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The keys edits aim at: the fields the reader decodes, the values it skips, and a few unknown ones. */
  private static final List<String> KEYS = List.of("id", "id_str", "text", "created_at", "lang", "timestamp_ms",
      "extended_tweet", "full_text", "retweeted_status", "user", "entities", "quoted_status", "truncated", "x", "");

  /** Byte sequences that are not UTF-8: overlong, surrogates (CESU-8), above U+10FFFF, stray and cut sequences. */
  private static final byte[][] INVALID_UTF8 = {
      {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB2, (byte) 0xA9},
      {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0x80},
      {(byte) 0xBF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}};

  private static final String[] DATE_PARTS = {"Mon", "Sun", "Fri", "Xyz", "mon", "Jan", "Feb", "Dec", "Foo", "jan",
      "00", "01", "28", "29", "30", "31", "32", "23", "24", "59", "60", "99", "+0000", "-0000", "+1800", "+1859",
      "-1200", "+2400", "0000", "1970", "2016", "2000", "1900", "9999", "201,", "20x6", "2/16", ":", " ", ""};

  private FuzzInput() {
  }

  /** A real record, parsed, changed by up to four edits, and written in a random style (see HostileJsonWriter). */
  public static byte[] structured(List<byte[]> seeds, Random random) {
    ObjectNode root = parse(seeds.get(random.nextInt(seeds.size())));
    int edits = random.nextInt(5);
    for (int i = 0; i < edits; i++) {
      List<ObjectNode> objects = new ArrayList<>();
      collectObjects(root, objects, 0);
      ObjectNode target = random.nextInt(3) == 0 ? root : objects.get(random.nextInt(objects.size()));
      String key = random.nextInt(12) == 0
          ? pick(random, new ArrayList<>(TwitterV1Oracle.NOTICE_KEYS))
          : pick(random, KEYS);
      switch (random.nextInt(4)) {
        case 0:
          target.remove(key);
          break;
        case 1:
          target.set(key, hostileValue(random));
          break;
        default:
          target.set(key, scalar(random));
          break;
      }
    }
    return HostileJsonWriter.write(root, random);
  }

  /** A real or structured record with one to four kinds of byte damage. */
  public static byte[] damaged(List<byte[]> seeds, Random random) {
    byte[] bytes = random.nextBoolean() ? seeds.get(random.nextInt(seeds.size())) : structured(seeds, random);
    int damages = 1 + random.nextInt(4);
    for (int i = 0; i < damages; i++) {
      bytes = damage(bytes, random);
    }
    return bytes;
  }

  /** Up to 64 random bytes, either any byte or from the characters JSON is made of. */
  public static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(65)];
    boolean jsonish = random.nextBoolean();
    String alphabet = "{}[]\":,\\ \t\n0123456789-+.eEtrufalsn\"\"{}u";
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = jsonish ? (byte) alphabet.charAt(random.nextInt(alphabet.length())) : (byte) random.nextInt(256);
    }
    return bytes;
  }

  private static byte[] damage(byte[] bytes, Random random) {
    int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
    switch (random.nextInt(8)) {
      case 0:   // truncate
        return Arrays.copyOf(bytes, at);
      case 1: { // flip one to eight bits
        byte[] copy = bytes.clone();
        for (int flips = 1 + random.nextInt(8); flips > 0 && copy.length > 0; flips--) {
          copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
      }
      case 2:   // insert random bytes
        return insert(bytes, at, randomBytes(random));
      case 3:   // insert a sequence that is not UTF-8
        return insert(bytes, at, INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
      case 4: { // insert 100,000 opening brackets, or a deep nest
        byte[] open = new byte[random.nextInt(4) == 0 ? 100_000 : 1 + random.nextInt(2_000)];
        Arrays.fill(open, (byte) (random.nextBoolean() ? '[' : '{'));
        return insert(bytes, at, open);
      }
      case 5: { // delete a range
        int end = Math.min(bytes.length, at + random.nextInt(64));
        byte[] copy = new byte[bytes.length - (end - at)];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(bytes, end, copy, at, bytes.length - end);
        return copy;
      }
      case 6: { // replace a byte with a structural character
        if (bytes.length == 0) {
          return bytes;
        }
        byte[] copy = bytes.clone();
        copy[random.nextInt(copy.length)] = (byte) "{}[]\":,\\".charAt(random.nextInt(8));
        return copy;
      }
      default: { // repeat a range
        int end = Math.min(bytes.length, at + random.nextInt(200));
        return insert(bytes, at, Arrays.copyOfRange(bytes, at, end));
      }
    }
  }

  /** A value that stresses a reader: deep nesting, huge strings or numbers, nested records, notices' shapes. */
  static JsonNode hostileValue(Random random) {
    switch (random.nextInt(6)) {
      case 0: {
        int depth = random.nextInt(4) == 0 ? 100_000 : 1 + random.nextInt(1_200);
        return NODES.pojoNode(new HostileJsonWriter.Deep(depth));
      }
      case 1:
        return NODES.textNode(text(random, random.nextInt(8) == 0 ? 1 << 20 : 1 + random.nextInt(20_000)));
      case 2: {
        StringBuilder digits = new StringBuilder(random.nextBoolean() ? "-" : "");
        digits.append(1 + random.nextInt(9));
        for (int n = random.nextBoolean() ? 1_200 : random.nextInt(40); n > 0; n--) {
          digits.append(random.nextInt(10));
        }
        if (random.nextInt(4) == 0) {
          digits.append('.').append(random.nextInt(1000)).append("e").append(random.nextInt(700) - 350);
        }
        return NODES.pojoNode(new HostileJsonWriter.RawNumber(digits.toString()));
      }
      case 3: {
        ObjectNode object = NODES.objectNode();
        for (int n = random.nextInt(4); n > 0; n--) {
          object.set(pick(random, KEYS), scalar(random));
        }
        return object;
      }
      case 4:
        return NODES.arrayNode().add(scalar(random)).add(scalar(random));
      default:
        return scalar(random);
    }
  }

  /** A small value of any JSON type, biased to what the reader's fields accept or nearly accept. */
  static JsonNode scalar(Random random) {
    switch (random.nextInt(12)) {
      case 0:
        return NODES.nullNode();
      case 1:
        return NODES.booleanNode(random.nextBoolean());
      case 2:
        return NODES.numberNode(random.nextLong());
      case 3:
        return NODES.numberNode(new BigInteger(64 + random.nextInt(8), random).add(BigInteger.valueOf(Long.MAX_VALUE)
            .subtract(BigInteger.valueOf(random.nextInt(3)))));
      case 4:
        return NODES.numberNode(random.nextDouble() * 1e19);
      case 5:
        return NODES.textNode(Long.toString(random.nextLong() & Long.MAX_VALUE) + (random.nextInt(4) == 0 ? "0" : ""));
      case 6:
        return NODES.textNode(date(random));
      case 7:
        return NODES.textNode(pick(random, List.of("a &amp;lt; b &amp;amp;amp; c &gt;&lt;", "&amp;", "&lt;3 #x",
            "&&amp;;", "&am", "&gt")));
      case 8:
        return NODES.objectNode().put("full_text", text(random, random.nextInt(40)));
      default:
        return NODES.textNode(text(random, random.nextInt(40)));
    }
  }

  /** Random text: ASCII with every escaped character, any BMP character, supplementary pairs, lone surrogates. */
  private static String text(Random random, int length) {
    StringBuilder out = new StringBuilder(length);
    while (out.length() < length) {
      switch (random.nextInt(10)) {
        case 0:
          out.append((char) random.nextInt(0x20));
          break;
        case 1:
          out.append("\"\\/#&".charAt(random.nextInt(5)));
          break;
        case 2:
          out.append((char) (0xD800 + random.nextInt(0x800)));   // a lone surrogate, high or low
          break;
        case 3:
          out.appendCodePoint(0x10000 + random.nextInt(0x100000));
          break;
        case 4:
          out.append((char) (0x80 + random.nextInt(0xD800 - 0x80)));
          break;
        default:
          out.append((char) (0x20 + random.nextInt(0x5F)));
          break;
      }
    }
    return out.toString();
  }

  /** A created_at-like text, assembled from valid and invalid parts. */
  private static String date(Random random) {
    if (random.nextInt(3) == 0) {
      return "Sat Mar 10 14:03:15 +0000 2018";
    }
    return pick(random, DATE_PARTS) + " " + pick(random, DATE_PARTS) + " " + pick(random, DATE_PARTS) + " "
        + pick(random, DATE_PARTS) + ":" + pick(random, DATE_PARTS) + ":" + pick(random, DATE_PARTS) + " "
        + pick(random, DATE_PARTS) + " " + pick(random, DATE_PARTS);
  }

  private static void collectObjects(JsonNode node, List<ObjectNode> objects, int depth) {
    if (node.isObject()) {
      objects.add((ObjectNode) node);
    }
    if (depth < 6 && node.isContainerNode()) {
      node.forEach(child -> collectObjects(child, objects, depth + 1));
    }
  }

  private static ObjectNode parse(byte[] seed) {
    try {
      return (ObjectNode) MAPPER.readTree(seed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
    byte[] copy = new byte[bytes.length + inserted.length];
    System.arraycopy(bytes, 0, copy, 0, at);
    System.arraycopy(inserted, 0, copy, at, inserted.length);
    System.arraycopy(bytes, at, copy, at + inserted.length, bytes.length - at);
    return copy;
  }

  /**
   * An input for a failure message: its length, its first bytes, and the file under {@code target/fuzz-failures}
   * that holds all of it (to turn into a regression test).
   */
  static String describe(byte[] bytes) {
    if (bytes == null) {
      return "null";
    }
    String saved;
    try {
      Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
      Path file = dir.resolve(Integer.toHexString(Arrays.hashCode(bytes)) + ".bin");
      Files.write(file, bytes);
      saved = file.toAbsolutePath().toString();
    } catch (IOException e) {
      saved = "not saved: " + e;
    }
    String head = new String(bytes, 0, Math.min(bytes.length, 120), StandardCharsets.ISO_8859_1)
        .replaceAll("[^\\x20-\\x7e]", "?");
    return bytes.length + " bytes starting '" + head + "', saved in " + saved;
  }
}
