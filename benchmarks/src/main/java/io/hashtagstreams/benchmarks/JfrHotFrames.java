package io.hashtagstreams.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes the {@code jdk.ExecutionSample} events of a JFR recording (what {@code jfr print --events
 * jdk.ExecutionSample} lists one by one), counting only samples of Spark's task threads (thread name starting with
 * {@code Executor task launch worker}), so that driver work such as writing the corpus does not blur the picture:
 * the methods most often on top of the stack (self time), the Hashtag Streams methods most often anywhere on
 * the stack (total time, each method counted once per sample), and each sample's component: the innermost frame
 * that belongs to a known part of a streaming query (see {@link #component(List)}), so that a task's CPU splits
 * into Kafka fetch, row conversion, our scan, hashtag extraction, aggregation, shuffle and state store.
 *
 * <p>Record and summarize the ours pipeline:
 * <pre>
 * mvn -B -ntp -o -pl benchmarks -am verify -Prun -DskipTests \
 *     -Dbench.jvm="-Xmx6g -XX:StartFlightRecording=filename=/tmp/ours.jfr,settings=profile" \
 *     -Dbench.main=io.hashtagstreams.benchmarks.PipelineComparison \
 *     -Dbench.args="--tweets=200000 --runs=5 --variants=ours"
 * java -cp benchmarks/target/classes io.hashtagstreams.benchmarks.JfrHotFrames /tmp/ours.jfr 25
 * </pre>
 */
public final class JfrHotFrames {

  private static final String TASK_THREAD = "Executor task launch worker";
  private static final String OURS = "io.hashtagstreams.";
  /** Components in the order {@link #component(List)} tries them on each frame; the first prefix match wins. */
  private static final List<Map.Entry<String, List<String>>> COMPONENTS = List.of(
      Map.entry("our tweet scan (extractText)", List.of("io.hashtagstreams.core.internal.json.")),
      Map.entry("hashtag extraction (explodeTopics)", List.of("io.hashtagstreams.core.internal.text.",
          "io.hashtagstreams.core.Hashtags.", "io.hashtagstreams.core.internal.TopicFunction.")),
      Map.entry("UDF argument and result conversion", List.of("io.hashtagstreams.core.internal.TweetRowFunction.",
          "org.apache.spark.sql.catalyst.CatalystTypeConverters", "org.apache.spark.sql.catalyst.expressions.ScalaUDF",
          "org.apache.spark.sql.catalyst.expressions.GenericRow", "org.apache.spark.sql.RowFactory.")),
      Map.entry("state store", List.of("org.apache.spark.sql.execution.streaming.state.",
          "org.apache.hadoop.", "org.rocksdb.")),
      Map.entry("aggregation", List.of("org.apache.spark.sql.execution.aggregate.",
          "org.apache.spark.sql.execution.UnsafeFixedWidthAggregationMap.", "org.apache.spark.unsafe.map.")),
      Map.entry("shuffle", List.of("org.apache.spark.shuffle.", "org.apache.spark.storage.",
          "org.apache.spark.network.", "org.apache.spark.util.collection.")),
      Map.entry("Kafka fetch and record decoding", List.of("org.apache.kafka.", "org.apache.spark.sql.kafka010.")),
      Map.entry("generated code (projections, filters, explode, window)",
          List.of("org.apache.spark.sql.catalyst.expressions.GeneratedClass")),
      Map.entry("task set-up and serialization", List.of("org.apache.spark.scheduler.", "org.apache.spark.executor.",
          "org.apache.spark.serializer.", "org.apache.spark.rdd.")));
  static final String OTHER = "other";

  private JfrHotFrames() {
  }

  /**
   * Self and total sample counts per method.
   *
   * @param samples execution samples of task threads
   * @param self samples per top-of-stack method
   * @param total samples per Hashtag Streams method anywhere on the stack
   * @param components samples per component ({@link #component(List)})
   */
  public record Profile(long samples, Map<String, Long> self, Map<String, Long> total,
      Map<String, Long> components) {

    /** The {@code top} entries of the three maps as Markdown tables, with their share of all samples. */
    public String toTable(int top) {
      return "execution samples of Spark task threads: " + samples + "\n\nby component (innermost known frame)\n"
          + table(components, top) + "\nself (top of stack)\n" + table(self, top)
          + "\ntotal (anywhere on the stack, Hashtag Streams methods)\n" + table(total, top);
    }

    private String table(Map<String, Long> counts, int top) {
      Table table = new Table("method", "samples", "share");
      counts.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(top)
          .forEach(e -> table.row(e.getKey(), e.getValue(), Table.fixed(100.0 * e.getValue() / samples, 1) + "%"));
      return table.toString();
    }
  }

  /** Reads every {@code jdk.ExecutionSample} of {@code recording}. */
  public static Profile read(Path recording) throws IOException {
    long samples = 0;
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> total = new HashMap<>();
    Map<String, Long> components = new HashMap<>();
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
          continue;
        }
        RecordedStackTrace stack = event.getStackTrace();
        RecordedThread thread = event.getThread("sampledThread");
        if (stack == null || stack.getFrames().isEmpty() || thread == null || thread.getJavaName() == null
            || !thread.getJavaName().startsWith(TASK_THREAD)) {
          continue;
        }
        samples++;
        List<RecordedFrame> frames = stack.getFrames();
        self.merge(name(frames.get(0).getMethod()), 1L, Long::sum);
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> names = new java.util.ArrayList<>(frames.size());
        for (RecordedFrame frame : frames) {
          String name = name(frame.getMethod());
          names.add(name);
          if (name.startsWith(OURS) && seen.add(name)) {
            total.merge(name, 1L, Long::sum);
          }
        }
        components.merge(component(names), 1L, Long::sum);
      }
    }
    return new Profile(samples, self, total, components);
  }

  /**
   * The component a sample's CPU belongs to: walking from the top of the stack down, the first frame whose
   * {@code class.method} name starts with a component's prefix decides; {@value #OTHER} when none does (for
   * example a task thread waiting inside the JDK).
   *
   * @param frames {@code class.method} names, top of the stack first
   */
  public static String component(List<String> frames) {
    for (String frame : frames) {
      for (Map.Entry<String, List<String>> component : COMPONENTS) {
        for (String prefix : component.getValue()) {
          if (frame.startsWith(prefix)) {
            return component.getKey();
          }
        }
      }
    }
    return OTHER;
  }

  private static String name(RecordedMethod method) {
    return method.getType().getName() + "." + method.getName();
  }

  /** Prints the summary of the recording {@code args[0]}, {@code args[1]} (default 20) rows per table. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: JfrHotFrames recording.jfr [rows]");
    }
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    System.out.println(read(Path.of(args[0])).toTable(top));
  }
}
