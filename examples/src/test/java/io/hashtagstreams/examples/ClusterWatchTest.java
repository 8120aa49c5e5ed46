package io.hashtagstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.hashtagstreams.core.testing.SparkTestSession;

/** The causes a failed run names; the cluster tier (module cluster-tests) checks them on a real removal. */
class ClusterWatchTest {

  @Test
  void namesWhatTheSchedulerBackendLoggedAndTheLostExecutors() {
    SparkSession spark = SparkTestSession.get();
    try (ClusterWatch watch = ClusterWatch.attach(spark.sparkContext())) {
      LoggerFactory.getLogger("org.apache.spark.scheduler.cluster.StandaloneSchedulerBackend")
          .error("Application has been killed. Reason: Master removed our application: KILLED");
      LoggerFactory.getLogger("org.apache.spark.scheduler.DAGScheduler").error("not from a scheduler backend");
      watch.onExecutorRemoved(new SparkListenerExecutorRemoved(1L, "0", "Command exited with code 137"));

      assertThat(watch.causes(spark.sparkContext())).containsExactly(
          "the cluster ended the Spark application: Application has been killed. Reason: Master removed our"
              + " application: KILLED",
          "lost executors: 1 (executor 0: Command exited with code 137)");
    }
  }

  @Test
  void namesNothingForAHealthyApplication() {
    SparkSession spark = SparkTestSession.get();
    try (ClusterWatch watch = ClusterWatch.attach(spark.sparkContext())) {
      assertThat(watch.causes(spark.sparkContext())).isEmpty();
      spark.sparkContext().removeSparkListener(watch);
    }
  }
}
