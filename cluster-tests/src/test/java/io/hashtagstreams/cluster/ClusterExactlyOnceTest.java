package io.hashtagstreams.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import io.hashtagstreams.core.sample.GeneratedRecord;
import io.hashtagstreams.core.sample.TweetGenerator;
import io.hashtagstreams.kafka.testing.KafkaBrokerProcess;
import io.hashtagstreams.kafka.testing.KafkaTestClients;

/**
 * The cluster tier: {@code to-kafka --exactly-once} from the examples' cluster jar, submitted with Spark's own submit
 * class to a standalone cluster on 127.0.0.1 (Master, Worker and executors in JVMs of their own) and reading from and
 * writing to a Kafka broker in its own JVM, gives the same final {@code (window, topic) -> count} map as local mode
 * on the same input, and as an independent count of the generated tweets, with no committed record twice: on a
 * clean run, after {@code kill -9} of the executor mid-run, after {@code kill -9} of the driver mid-run and a
 * restart on the same checkpoint, and across a broker stop and restart mid-run.
 *
 * <p>"Mid-run" is after Spark has committed a few micro-batches ({@code commits/<n>} in the checkpoint) and before
 * the input is exhausted: {@code --max-offsets-per-trigger} splits the input into 8 batches, and each test
 * checks that batches were committed after its fault. Every process is stopped by its id whatever happens; the logs
 * of every JVM stay under {@code target/cluster-runs} and their paths are printed when a test fails.
 *
 * <p>Run the tier alone: {@code mvn -B -ntp -pl cluster-tests -am verify}.
 */
@ExtendWith(ClusterExactlyOnceTest.PrintLogsOnFailure.class)
class ClusterExactlyOnceTest {

  static final int TWEETS = 2000;
  static final int MAX_OFFSETS_PER_TRIGGER = 250;
  static final String INPUT = "tweets";
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
  static final Duration MID_RUN_TIMEOUT = Duration.ofMinutes(2);

  static Path runs;
  static KafkaBrokerProcess broker;
  static StandaloneCluster cluster;
  static Map<String, Long> groundTruth;
  static Map<String, Long> localCounts;

  @BeforeAll
  static void startClusterAndBroker() throws IOException {
    runs = Path.of(SparkHome.required("cluster.runs.dir"));
    deleteRecursively(runs);
    Files.createDirectories(runs);
    SparkHome.clusterJar();
    try {
      broker = KafkaBrokerProcess.builder().workDirectory(runs.resolve("broker"))
          .classpath(Files.readString(Path.of(SparkHome.required("kafka.broker.classpath.file"))).strip())
          .build().start();
      cluster = StandaloneCluster.start(runs.resolve("cluster"));
      KafkaTestClients.createTopic(broker.bootstrapServers(), INPUT, 2, Map.of());
      List<GeneratedRecord> tweets = TweetGenerator.builder().seed(14).tweetsPerSecond(10).build().next(TWEETS);
      // Alternate partitions so that both advance through event time together: no tweet is later than the
      // watermark, whatever the batch boundaries, and the generator's count is the exact expectation.
      List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
      for (int i = 0; i < tweets.size(); i++) {
        records.add(new ProducerRecord<>(INPUT, i % 2, null, tweets.get(i).bytes()));
      }
      KafkaTestClients.produceRecords(broker.bootstrapServers(), records);
      groundTruth = WindowCounts.groundTruth(tweets);
    } catch (RuntimeException | Error e) {
      stopAll();
      throw e;
    }
  }

  @AfterAll
  static void stopAll() {
    try {
      if (cluster != null) {
        cluster.close();
      }
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
  }

  @Test
  void clusterRunEqualsLocalModeAndExecutorsRunInTheirOwnJvms(TestInfo test) {
    Run run = new Run(test, "clean");
    try (ChildProcess driver = run.submit(cluster.masterUrl())) {
      String appId = awaitApplication(driver);
      Await.until("an executor JVM of " + appId, MID_RUN_TIMEOUT, () -> !cluster.executorProcesses(appId).isEmpty(),
          () -> !driver.isAlive(), () -> "driver ended; see " + driver.stderr());
      for (ProcessHandle executor : cluster.executorProcesses(appId)) {
        assertThat(executor.pid()).isNotEqualTo(driver.pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(executor.parent().map(ProcessHandle::pid)).contains(cluster.workerPid());
      }
      assertThat(cluster.masterJson().path("activeapps").get(0).path("name").asText())
          .as("the application name given to spark-submit --name").isEqualTo("driver-clean");
      assertThat(driver.awaitExit(RUN_TIMEOUT)).as("exit code; see %s", driver.stderr()).isZero();
      assertThat(Files.isDirectory(cluster.workerDir().resolve(appId))).as("the Worker's directory of " + appId)
          .isTrue();
      // The Spark home's log4j2.properties says INFO; the app must not turn it down under spark-submit.
      assertThat(driver.stderrText()).as("Spark's INFO progress log, per the cluster's logging configuration")
          .contains("INFO MicroBatchExecution: Streaming query made progress");
    }
    run.assertExactCounts();
  }

  @Test
  void applicationRemovedByTheMasterIsNamedAndExitsOneWithoutCleanUpErrors(TestInfo test) {
    Run run = new Run(test, "removed");
    try (ChildProcess driver = run.submit(cluster.masterUrl())) {
      String appId = awaitApplication(driver);
      run.awaitMidRun(driver);
      cluster.killApplication(appId);

      assertThat(driver.awaitExit(MID_RUN_TIMEOUT)).as("exit code; see %s", driver.stderr()).isEqualTo(1);
      assertThat(driver.stderrText())
          .contains("error: query to-kafka failed: the cluster ended the Spark application: Application has been"
              + " killed. Reason: Master removed our application: KILLED")
          .contains("error: the query's own error (a consequence): ")
          .doesNotContain("Exception in thread");
    }
  }

  @Test
  void executorKilledMidRunIsReplacedAndCountsStayExact(TestInfo test) {
    Run run = new Run(test, "executor-kill");
    try (ChildProcess driver = run.submit(cluster.masterUrl())) {
      String appId = awaitApplication(driver);
      long killedAfter = run.awaitMidRun(driver);
      List<ProcessHandle> executors = cluster.executorProcesses(appId);
      assertThat(executors).as("executor JVMs of " + appId).isNotEmpty();
      for (ProcessHandle executor : executors) {
        executor.destroyForcibly();
      }
      Await.until("a new executor JVM of " + appId, MID_RUN_TIMEOUT,
          () -> cluster.executorProcesses(appId).stream().anyMatch(p -> !executors.contains(p)),
          () -> !driver.isAlive(), () -> "driver ended; see " + driver.stderr());
      assertThat(driver.awaitExit(RUN_TIMEOUT)).as("exit code; see %s", driver.stderr()).isZero();
      assertThat(Checkpoint.lastCommittedBatch(run.checkpoint)).as("batches committed after the kill")
          .isGreaterThan(killedAfter);
    }
    run.assertExactCounts();
  }

  @Test
  void driverKilledMidRunAndRestartedOnItsCheckpointCountsExactly(TestInfo test) {
    Run run = new Run(test, "driver-kill");
    long killedAfter;
    try (ChildProcess driver = run.submit(cluster.masterUrl())) {
      awaitApplication(driver);
      killedAfter = run.awaitMidRun(driver);
      driver.kill();
    }
    Await.until("the Master to remove the killed driver's application", MID_RUN_TIMEOUT,
        () -> cluster.masterJson().path("activeapps").isEmpty());
    try (ChildProcess restarted = run.submit(cluster.masterUrl(), "driver-restarted")) {
      assertThat(restarted.awaitExit(RUN_TIMEOUT)).as("exit code; see %s", restarted.stderr()).isZero();
    }
    assertThat(Checkpoint.lastCommittedBatch(run.checkpoint)).as("batches committed after the restart")
        .isGreaterThan(killedAfter);
    run.assertExactCounts();
  }

  @Test
  void brokerStoppedAndRestartedMidRunCountsExactly(TestInfo test) {
    Run run = new Run(test, "broker-restart");
    try (ChildProcess driver = run.submit(cluster.masterUrl())) {
      awaitApplication(driver);
      long stoppedAfter = run.awaitMidRun(driver);
      broker.stop();
      broker.restart();
      assertThat(driver.awaitExit(RUN_TIMEOUT)).as("exit code; see %s", driver.stderr()).isZero();
      assertThat(Checkpoint.lastCommittedBatch(run.checkpoint)).as("batches committed after the outage")
          .isGreaterThan(stoppedAfter);
    }
    run.assertExactCounts();
  }

  /** The previous run's logs go: this run's are kept until the next one, in target/ where CI finds them. */
  static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
        for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
          Files.delete(path);
        }
      }
    }
  }

  /** The id of the one application running on the cluster, once the Master lists it. */
  static String awaitApplication(ChildProcess driver) {
    Await.until("the Master to list the application", MID_RUN_TIMEOUT,
        () -> cluster.masterJson().path("activeapps").size() == 1, () -> !driver.isAlive(),
        () -> "driver ended; see " + driver.stderr());
    return cluster.masterJson().path("activeapps").get(0).path("id").asText();
  }

  /** The local-mode result on the same input, computed once by the same jar and arguments on {@code local[2]}. */
  static synchronized Map<String, Long> localCounts() {
    if (localCounts == null) {
      Run run = new Run("local-mode", "local");
      try (ChildProcess driver = run.submit("local[2]")) {
        assertThat(driver.awaitExit(RUN_TIMEOUT)).as("local run exit code; see %s", driver.stderr()).isZero();
      }
      WindowCounts local = WindowCounts.read(broker.bootstrapServers(), run.output);
      assertThat(local.duplicates()).as("duplicates in local mode").isEmpty();
      localCounts = local.finalCounts();
    }
    return localCounts;
  }

  /** One submission's output topic, checkpoint and log directory. */
  static final class Run {
    final String name;
    final Path dir;
    final Path checkpoint;
    final String output;

    Run(TestInfo test, String name) {
      this(test.getTestMethod().orElseThrow().getName(), name);
    }

    Run(String dirName, String name) {
      this.name = name;
      this.dir = runs.resolve(dirName);
      this.checkpoint = dir.resolve("checkpoint");
      this.output = "counts-" + name;
      KafkaTestClients.createTopic(broker.bootstrapServers(), output, 2, Map.of());
    }

    ChildProcess submit(String master) {
      return submit(master, "driver-" + name);
    }

    /** Submits the run under another log name (a restart keeps the first driver's logs). */
    ChildProcess submit(String master, String logName) {
      return SparkSubmitRun.start(logName, master, List.of(), List.of("to-kafka",
          "--bootstrap-servers", broker.bootstrapServers(), "--topic", INPUT, "--from-beginning",
          "--output-topic", output, "--exactly-once", "--checkpoint", checkpoint.toString(),
          "--trigger", "available-now", "--max-offsets-per-trigger", Integer.toString(MAX_OFFSETS_PER_TRIGGER),
          "--duration", "10m"), dir);
    }

    /** Waits until Spark has committed batch 1 of this run (of 8), and returns the last committed batch then. */
    long awaitMidRun(ChildProcess driver) {
      Await.until("batch 1 of " + name + " to be committed", MID_RUN_TIMEOUT,
          () -> Checkpoint.lastCommittedBatch(checkpoint) >= 1, () -> !driver.isAlive(),
          () -> "driver ended; see " + driver.stderr());
      return Checkpoint.lastCommittedBatch(checkpoint);
    }

    void assertExactCounts() {
      WindowCounts counts = WindowCounts.read(broker.bootstrapServers(), output);
      assertThat(counts.duplicates()).as("records committed twice").isEmpty();
      assertThat(counts.finalCounts()).as("final counts vs the generator's").isEqualTo(groundTruth);
      assertThat(counts.finalCounts()).as("final counts vs local mode").isEqualTo(localCounts());
    }
  }

  /** Prints where the logs of the failed test's JVMs are. */
  static final class PrintLogsOnFailure implements TestWatcher {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      String method = context.getTestMethod().map(java.lang.reflect.Method::getName).orElse("?");
      System.err.println("cluster tier: " + method + " failed; logs of its drivers: " + runs.resolve(method)
          + ", executors: " + runs.resolve("cluster").resolve("worker-work") + ", master and worker: "
          + runs.resolve("cluster") + ", broker: " + Optional.ofNullable(broker).map(KafkaBrokerProcess::logFile)
          .map(Path::toString).orElse("-"));
    }
  }
}
