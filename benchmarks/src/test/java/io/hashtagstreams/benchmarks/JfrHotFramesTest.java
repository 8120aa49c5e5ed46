package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jdk.jfr.Recording;

class JfrHotFramesTest {

  @TempDir
  Path dir;

  /** Busy work under a name that the summary recognizes as ours. */
  static final class Spinner {
    static volatile long sink;

    static void spin(long untilNanos) {
      long x = 1;
      while (System.nanoTime() < untilNanos) {
        for (int i = 0; i < 10_000; i++) {
          x = x * 6364136223846793005L + 1442695040888963407L;
        }
        sink = x;
      }
    }
  }

  @Test
  void countsOnlyTaskThreadSamplesAndFindsTheBusyMethod() throws Exception {
    Path file = dir.resolve("test.jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
      recording.start();
      long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
      Thread task = new Thread(() -> Spinner.spin(until), "Executor task launch worker for task 0.0");
      Thread other = new Thread(() -> Spinner.spin(until), "driver-side work");
      task.start();
      other.start();
      task.join(10_000);
      other.join(10_000);
      recording.stop();
      recording.dump(file);
    }

    JfrHotFrames.Profile profile = JfrHotFrames.read(file);

    assertThat(profile.samples()).isPositive();
    String spin = Spinner.class.getName() + ".spin";
    assertThat(profile.total()).containsKey(spin);
    assertThat(profile.total().get(spin)).isEqualTo(profile.samples());
    assertThat(profile.self().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(profile.samples());
    assertThat(profile.toTable(5)).contains("execution samples of Spark task threads: " + profile.samples(), spin);
  }
}
