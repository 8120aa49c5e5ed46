package io.hashtagstreams.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ConsoleCaptureTest {

  @Test
  void copiesWhatIsWrittenToBothStreamsAndStillWritesItThrough() {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream realOut = new ByteArrayOutputStream();
    ByteArrayOutputStream realErr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(realOut, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(realErr, true, StandardCharsets.UTF_8));
    try {
      ConsoleCapture console = ConsoleCapture.start();
      System.out.print("to out é");
      System.err.print("to err");
      System.err.write('!');
      System.err.flush();
      console.close();
      System.out.print(" after");

      assertThat(console.stdout()).isEqualTo("to out é");
      assertThat(console.stderr()).isEqualTo("to err!");
      assertThat(realOut.toString(StandardCharsets.UTF_8)).isEqualTo("to out é after");
      assertThat(realErr.toString(StandardCharsets.UTF_8)).isEqualTo("to err!");
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  @Test
  void closePutsBackTheStreamsFoundAtStart() {
    PrintStream before = System.out;
    PrintStream beforeErr = System.err;

    ConsoleCapture console = ConsoleCapture.start();
    assertThat(System.out).isNotSameAs(before);
    console.close();

    assertThat(System.out).isSameAs(before);
    assertThat(System.err).isSameAs(beforeErr);
  }
}
