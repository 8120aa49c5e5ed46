package io.hashtagstreams.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the harnesses print about the machine, so that a number can be read next to the load it ran under. */
public final class Machine {

  private Machine() {
  }

  /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or {@code "unknown"} off Linux. */
  public static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
