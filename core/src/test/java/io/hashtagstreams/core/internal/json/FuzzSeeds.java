package io.hashtagstreams.core.internal.json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The real records of one format that the fuzz tests start from: {@code fuzz/seeds/<format>.jsonl}. */
public final class FuzzSeeds {

  private FuzzSeeds() {
  }

  /** Each non-blank line of the format's seed file, as UTF-8 bytes. */
  public static List<byte[]> of(FormatOracle format) {
    String resource = "/fuzz/seeds/" + format.name() + ".jsonl";
    try (InputStream in = FuzzSeeds.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no seed file " + resource + " on the test classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<byte[]> seeds = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          seeds.add(line.getBytes(StandardCharsets.UTF_8));
        }
      }
      return List.copyOf(seeds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
