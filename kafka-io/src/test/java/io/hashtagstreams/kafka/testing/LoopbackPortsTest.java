package io.hashtagstreams.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Port reservation on its own; the brokers that use it are tested in EmbeddedKafkaTest and KafkaBrokerProcessTest. */
class LoopbackPortsTest {

  @Test
  void reservesDistinctPortsThatCanAllBeBoundAtOnce() throws IOException {
    for (int round = 0; round < 200; round++) {
      int[] ports = LoopbackPorts.reserve(4);

      assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(4);
      List<ServerSocket> bound = new ArrayList<>();
      try {
        for (int port : ports) {
          bound.add(bind(port));
        }
      } finally {
        for (ServerSocket socket : bound) {
          socket.close();
        }
      }
    }
  }

  @Test
  void retriesOnNewPortsWhenAnotherProcessTookOneFirst() throws IOException {
    AtomicInteger attempts = new AtomicInteger();
    List<int[]> given = new ArrayList<>();
    List<ServerSocket> thieves = new ArrayList<>();
    try {
      String started = LoopbackPorts.startWithRetry(2, ports -> {
        given.add(ports);
        if (attempts.incrementAndGet() == 1) {
          // Another process binds the reserved port between reservation and the server's own bind.
          thieves.add(bindUnchecked(ports[0]));
        }
        try (ServerSocket server = bind(ports[0])) {
          return "listening on " + server.getLocalPort();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });

      assertThat(attempts).hasValue(2);
      assertThat(given.get(1)[0]).isNotEqualTo(given.get(0)[0]);
      assertThat(started).isEqualTo("listening on " + given.get(1)[0]);
    } finally {
      for (ServerSocket socket : thieves) {
        socket.close();
      }
    }
  }

  @Test
  void givesUpAfterFiveClashesWithTheLastOne() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> LoopbackPorts.startWithRetry(1, ports -> {
      throw new IllegalStateException("attempt " + attempts.incrementAndGet(),
          new BindException("Address already in use"));
    })).isInstanceOf(IllegalStateException.class).hasMessage("attempt 5");
    assertThat(attempts).hasValue(5);
  }

  @Test
  void doesNotRetryOtherFailures() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> LoopbackPorts.startWithRetry(1, ports -> {
      attempts.incrementAndGet();
      throw new IllegalStateException("kafka storage format failed (exit 1)");
    })).isInstanceOf(IllegalStateException.class).hasMessage("kafka storage format failed (exit 1)");
    assertThat(attempts).hasValue(1);
  }

  @Test
  void recognisesABindClashByTypeOrByTheTextOfAnotherJvm() {
    assertThat(LoopbackPorts.isBindClash(new RuntimeException("outer", new BindException("x")))).isTrue();
    assertThat(LoopbackPorts.isBindClash(new IllegalStateException(
        "Socket server failed to bind to 127.0.0.1:9092: Address already in use."))).isTrue();
    assertThat(LoopbackPorts.isBindClash(new IllegalStateException("did not answer within PT30S"))).isFalse();
  }

  @Test
  void rejectsACountBelowOne() {
    assertThatThrownBy(() -> LoopbackPorts.reserve(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reserve needs at least 1 port, got 0");
  }

  private static ServerSocket bind(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private static ServerSocket bindUnchecked(int port) {
    try {
      return bind(port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
