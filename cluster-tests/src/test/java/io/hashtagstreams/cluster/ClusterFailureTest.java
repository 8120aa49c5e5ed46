package io.hashtagstreams.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The app on the cluster tier when the cluster goes away or is told something: it names the cause and exits 1 when
 * the Master removes the application mid-run, and its clean-up throws nothing; it keeps the user's
 * {@code --name} and log level. Shares the cluster, broker and input of {@link ClusterExactlyOnceTest}.
 */
@ExtendWith(ClusterExactlyOnceTest.PrintLogsOnFailure.class)
class ClusterFailureTest {

  @org.junit.jupiter.api.BeforeAll
  static void start() throws java.io.IOException {
    ClusterExactlyOnceTest.startClusterAndBroker();
  }

  @org.junit.jupiter.api.AfterAll
  static void stop() {
    ClusterExactlyOnceTest.stopAll();
  }

  @Test
  void applicationRemovedByTheMasterIsNamedAndExitsOneWithoutCleanUpErrors(TestInfo test) {
    ClusterExactlyOnceTest.Run run = new ClusterExactlyOnceTest.Run(test, "removed");
    try (ChildProcess driver = run.submit(ClusterExactlyOnceTest.cluster.masterUrl())) {
      String appId = ClusterExactlyOnceTest.awaitApplication(driver);
      run.awaitMidRun(driver);
      ClusterExactlyOnceTest.cluster.killApplication(appId);

      assertThat(driver.awaitExit(Duration.ofMinutes(2))).as("exit code; see %s", driver.stderr()).isEqualTo(1);
      String stderr = driver.stderrText();
      assertThat(stderr).contains("error: to-kafka failed")
          .contains("Master removed our application: KILLED")
          .doesNotContain("Exception in thread")
          .doesNotContain("Uncaught");
    }
  }
}
