package io.hashtagstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jdk.jfr.Recording;

class JfrHotFramesTest {

  @TempDir
  Path dir;

  /** Busy work under a name that the summary recognizes as ours. */
  static final class Spinner {
    static volatile long sink;
    static volatile boolean running = true;

    /** Counts {@code entered} down once inside this method, then spins until {@link #running} turns false. */
    static void spin(CountDownLatch entered) {
      entered.countDown();
      long x = 1;
      while (running) {
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
    // Both threads are inside spin() for the whole recording (it starts after they entered and stops before they
    // leave), so every sample of the task thread has spin() on its stack.
    CountDownLatch entered = new CountDownLatch(2);
    Thread task = new Thread(() -> Spinner.spin(entered), "Executor task launch worker for task 0.0");
    Thread other = new Thread(() -> Spinner.spin(entered), "driver-side work");
    task.start();
    other.start();
    try (Recording recording = new Recording()) {
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
      recording.start();
      Thread.sleep(1500);   // the length of the recording, not a synchronization
      recording.stop();
      recording.dump(file);
    } finally {
      Spinner.running = false;
      task.join(10_000);
      other.join(10_000);
    }

    JfrHotFrames.Profile profile = JfrHotFrames.read(file);

    assertThat(profile.samples()).isPositive();
    String spin = Spinner.class.getName() + ".spin";
    assertThat(profile.total()).containsKey(spin);
    // JFR's sampler now and then keeps a stack walked without the spinning frame (about one run in fifteen, one
    // sample in ~140 here), so "on every sample" would be a property of JFR, not of the summary; the summary's own
    // rules are exact below: spin() is the hottest method, and each sample counts once in the self table.
    assertThat(profile.total().get(spin)).isGreaterThanOrEqualTo(profile.samples() * 9 / 10)
        .isEqualTo(profile.total().values().stream().mapToLong(Long::longValue).max().orElseThrow());
    assertThat(profile.self().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(profile.samples());
    assertThat(profile.toTable(5)).contains("execution samples of Spark task threads: " + profile.samples(), spin);
  }

  @Test
  void aSampleBelongsToTheInnermostFrameOfAKnownComponent() {
    assertThat(JfrHotFrames.component(List.of("java.lang.String.indexOf",
        "io.hashtagstreams.core.internal.json.TweetScanner.scan", "io.hashtagstreams.core.internal.TweetRowFunction.call",
        "org.apache.spark.sql.catalyst.expressions.GeneratedClass$GeneratedIteratorForCodegenStage1.processNext")))
        .isEqualTo("our tweet scan (extractText)");
    assertThat(JfrHotFrames.component(List.of("org.apache.spark.unsafe.types.UTF8String.fromString",
        "org.apache.spark.sql.catalyst.CatalystTypeConverters$StringConverter$.toCatalystImpl",
        "org.apache.spark.sql.catalyst.expressions.GeneratedClass$SpecificUnsafeProjection.apply")))
        .isEqualTo("UDF argument and result conversion");
    assertThat(JfrHotFrames.component(List.of("net.jpountz.lz4.LZ4JNI.LZ4_compress_limitedOutput",
        "org.apache.spark.io.LZ4CompressionCodec.compressedOutputStream",
        "org.apache.spark.sql.execution.streaming.state.HDFSBackedStateStoreProvider.commitUpdates",
        "org.apache.spark.shuffle.ShuffleWriteProcessor.write")))
        .isEqualTo("state store");
    assertThat(JfrHotFrames.component(List.of("java.util.zip.CRC32C.updateBytes",
        "org.apache.kafka.common.record.DefaultRecordBatch.ensureValid",
        "org.apache.spark.sql.kafka010.KafkaDataConsumer.get")))
        .isEqualTo("Kafka fetch and record decoding");
    assertThat(JfrHotFrames.component(List.of("java.lang.Object.wait", "java.lang.Thread.run")))
        .isEqualTo(JfrHotFrames.OTHER);
  }
}
