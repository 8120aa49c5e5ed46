package io.hashtagstreams.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the examples' cluster jar through Spark's own submit class, in client mode: the driver is the JVM
 * started here (with the Java 17 flags Spark's launcher would add), the executors are wherever the master puts
 * them.
 */
final class SparkSubmitRun {

  private SparkSubmitRun() {
  }

  /**
   * Starts {@code HashtagStreamsApp <appArgs>} on {@code master} ({@code spark://...} or {@code local[2]}).
   *
   * @param name the process's name for its log files, also the application's {@code --name}
   * @param sparkConf extra {@code --conf key=value} settings
   */
  static ChildProcess start(String name, String master, List<String> sparkConf, List<String> appArgs, Path dir) {
    List<String> command = SparkHome.java("1g", true);
    command.add("org.apache.spark.deploy.SparkSubmit");
    command.addAll(List.of("--master", master, "--deploy-mode", "client", "--name", name,
        "--class", "io.hashtagstreams.examples.HashtagStreamsApp",
        "--executor-memory", "1g",
        "--conf", "spark.sql.shuffle.partitions=2",
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.executor.extraJavaOptions=-XX:+UseSerialGC -Duser.timezone=UTC"));
    for (String conf : sparkConf) {
      command.add("--conf");
      command.add(conf);
    }
    command.add(SparkHome.clusterJar().toString());
    command.addAll(appArgs);
    return ChildProcess.start(name, new ArrayList<>(command), SparkHome.environment(), dir);
  }
}
