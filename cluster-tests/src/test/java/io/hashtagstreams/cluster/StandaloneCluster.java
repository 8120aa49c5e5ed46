package io.hashtagstreams.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hashtagstreams.kafka.testing.LoopbackPorts;

/**
 * A Spark standalone cluster on 127.0.0.1: a Master and one Worker (2 cores) as JVMs of their own, started from the
 * laid-out {@link SparkHome}; the Worker starts each application's executors as JVMs of their own.
 */
final class StandaloneCluster implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int masterPort;
  private final int masterUiPort;
  private final int workerUiPort;
  private final Path workerDir;
  private ChildProcess master;
  private ChildProcess worker;

  private final int workerPort;

  // All four ports reserved in one step (LoopbackPorts), so that they are distinct.
  private StandaloneCluster(Path dir) {
    int[] ports = LoopbackPorts.reserve(4);
    this.masterPort = ports[0];
    this.masterUiPort = ports[1];
    this.workerUiPort = ports[2];
    this.workerPort = ports[3];
    this.workerDir = dir.resolve("worker-work");
  }

  /** Starts the Master, then the Worker, and waits (bounded) until the Master lists the Worker as alive. */
  static StandaloneCluster start(Path dir) {
    StandaloneCluster cluster = new StandaloneCluster(dir);
    try {
      List<String> master = SparkHome.java("512m", true);
      master.addAll(List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
          "--port", Integer.toString(cluster.masterPort), "--webui-port", Integer.toString(cluster.masterUiPort)));
      cluster.master = ChildProcess.start("master", master, SparkHome.environment(), dir);
      Await.until("the Master to answer on " + cluster.masterUiUrl(), START_TIMEOUT,
          () -> cluster.masterJsonOrNull() != null, () -> !cluster.master.isAlive(),
          () -> "master exited; see " + cluster.master.stderr());

      List<String> worker = SparkHome.java("512m", true);
      worker.addAll(List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
          "--port", Integer.toString(cluster.workerPort), "--webui-port", Integer.toString(cluster.workerUiPort),
          "--cores", "2", "--memory", "2g", "--work-dir", cluster.workerDir.toString(), cluster.masterUrl()));
      cluster.worker = ChildProcess.start("worker", worker, SparkHome.environment(), dir);
      Await.until("the Worker to register with the Master", START_TIMEOUT,
          () -> {
            JsonNode json = cluster.masterJsonOrNull();
            return json != null && json.path("aliveworkers").asInt() == 1;
          }, () -> !cluster.worker.isAlive(), () -> "worker exited; see " + cluster.worker.stderr());
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  String masterUiUrl() {
    return "http://127.0.0.1:" + masterUiPort;
  }

  Path workerDir() {
    return workerDir;
  }

  long workerPid() {
    return worker.pid();
  }

  /** The Master's state as its web UI serves it at {@code /json}: workers, active and completed applications. */
  JsonNode masterJson() {
    JsonNode json = masterJsonOrNull();
    if (json == null) {
      throw new AssertionError("the Master does not answer on " + masterUiUrl() + "/json/");
    }
    return json;
  }

  private JsonNode masterJsonOrNull() {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(masterUiUrl() + "/json/"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The id of the running application of that name, or null. */
  String activeAppId(String name) {
    for (JsonNode app : masterJson().path("activeapps")) {
      if (name.equals(app.path("name").asText())) {
        return app.path("id").asText();
      }
    }
    return null;
  }

  /** The executor JVMs the Worker runs for an application: its child processes running the executor backend. */
  List<ProcessHandle> executorProcesses(String appId) {
    List<ProcessHandle> executors = new ArrayList<>();
    ProcessHandle.of(worker.pid()).ifPresent(handle -> handle.children().forEach(child -> {
      List<String> command = ChildProcess.commandLine(child);
      if (child.isAlive() && command.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")
          && command.contains(appId)) {
        executors.add(child);
      }
    }));
    return executors;
  }

  /** Removes an application as the Master's UI "kill" link does. */
  void killApplication(String appId) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(masterUiUrl() + "/app/kill/"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("id=" + appId + "&terminate=true"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 400) {
        throw new AssertionError("the Master refused to kill " + appId + ": HTTP " + response.statusCode());
      }
    } catch (IOException e) {
      throw new AssertionError("could not ask the Master to kill " + appId, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Stops the Worker (and with it any executor) first, then the Master. */
  @Override
  public void close() {
    try {
      if (worker != null) {
        worker.close();
      }
    } finally {
      if (master != null) {
        master.close();
      }
    }
  }
}
