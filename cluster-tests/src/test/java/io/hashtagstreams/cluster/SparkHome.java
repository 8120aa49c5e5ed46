package io.hashtagstreams.cluster;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Spark home that the build laid out in {@code target/spark-home} from the jars Maven resolved (no Spark
 * distribution needed): {@code jars/}, {@code conf/log4j2.properties} and {@code RELEASE}.
 */
final class SparkHome {

  private SparkHome() {
  }

  static Path dir() {
    Path dir = Path.of(required("spark.home.dir"));
    if (!Files.isDirectory(dir.resolve("jars")) || !Files.exists(dir.resolve("RELEASE"))) {
      throw new IllegalStateException("no Spark home at " + dir + ": run the tier through Maven (process-test-resources"
          + " lays it out)");
    }
    return dir;
  }

  /** {@code <home>/conf:<home>/jars/*}, as Spark's own launch scripts build it. */
  static String classpath() {
    return dir().resolve("conf") + File.pathSeparator + dir().resolve("jars") + File.separator + "*";
  }

  /** {@code java} of this JVM, a heap size and the classpath, ready for a main class. */
  static List<String> java(String maxHeap, boolean java17Flags) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    command.add("-XX:+UseSerialGC");
    command.add("-Duser.timezone=UTC");
    if (java17Flags) {
      command.addAll(Arrays.asList(required("java17.spark.flags").trim().split("\\s+")));
    }
    command.add("-cp");
    command.add(classpath());
    return command;
  }

  /**
   * What every Spark JVM of the tier gets: SPARK_HOME, the Scala version of the line being built (no build directories
   * to guess from), loopback.
   */
  static Map<String, String> environment() {
    return Map.of("SPARK_HOME", dir().toString(), "SPARK_SCALA_VERSION", required("scala.binary.version"),
        "SPARK_LOCAL_IP", "127.0.0.1",
        "SPARK_CONF_DIR", dir().resolve("conf").toString());
  }

  static Path clusterJar() {
    Path jar = Path.of(required("cluster.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no cluster jar at " + jar + ": the examples module's package phase builds it"
          + " (mvn -pl cluster-tests -am verify)");
    }
    return jar;
  }

  static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + property + " is not set: run the tier through Maven");
    }
    return value;
  }
}
