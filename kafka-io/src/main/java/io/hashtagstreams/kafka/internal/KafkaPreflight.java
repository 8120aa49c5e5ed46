package io.hashtagstreams.kafka.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The fail-fast check of the Kafka builders: before a query starts, asks the brokers (with the client settings the
 * query will use) whether they answer and whether the topics exist, and throws {@link IllegalStateException} naming
 * the servers or the missing topics when not. Secret settings are scrubbed from every message.
 *
 * <p>Uses Kafka's {@link Admin} client: {@code describeCluster} (the brokers answer) then {@code describeTopics}
 * (each topic exists); both within one overall timeout.
 */
public final class KafkaPreflight {

  private static final String PREFIX = "kafka.";
  private static final Pattern ASSIGNED_TOPIC = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\\[");

  private KafkaPreflight() {
  }

  /**
   * Checks that the brokers answer and that {@code topics} exist.
   *
   * @param owner the builder, for messages
   * @param kafkaOptions client settings with the {@code kafka.} prefix, bootstrap servers included
   * @param topics topics that must exist (may be empty: then only the brokers are checked)
   * @param timeout the whole check's budget
   * @param turnOff how to turn the check off, for the message
   * @throws IllegalStateException when a broker does not answer in time or a topic is missing
   */
  public static void check(String owner, Map<String, String> kafkaOptions, Collection<String> topics,
      Duration timeout, String turnOff) {
    String servers = kafkaOptions.get(PREFIX + "bootstrap.servers");
    long deadline = System.nanoTime() + timeout.toNanos();
    Admin admin;
    try {
      admin = Admin.create(adminProperties(kafkaOptions, timeout));
    } catch (RuntimeException e) {
      throw failure(owner + ": cannot connect to Kafka at " + servers + ": " + e.getMessage(), kafkaOptions);
    }
    try {
      try {
        admin.describeCluster(new DescribeClusterOptions().timeoutMs(millisLeft(deadline)))
            .nodes().get(millisLeft(deadline), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw failure(owner + ": no Kafka broker answered at " + servers + " within " + seconds(timeout)
            + "; check the bootstrap servers and the network (" + turnOff + ")", kafkaOptions);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
          throw failure(owner + ": no Kafka broker answered at " + servers + " within " + seconds(timeout)
              + "; check the bootstrap servers and the network (" + turnOff + ")", kafkaOptions);
        }
        throw failure(owner + ": no Kafka broker answered at " + servers + ": " + e.getCause().getMessage()
            + " (" + turnOff + ")", kafkaOptions);
      }
      if (!topics.isEmpty()) {
        checkTopics(owner, admin, new LinkedHashSet<>(topics), servers, deadline, timeout, turnOff, kafkaOptions);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(owner + ": interrupted while checking Kafka at " + servers);
    } finally {
      admin.close(Duration.ZERO);
    }
  }

  /** The topic names of a Spark {@code assign} option such as {@code {"tweets":[0,1]}}. */
  public static List<String> assignedTopics(String assignJson) {
    List<String> topics = new ArrayList<>();
    Matcher matcher = ASSIGNED_TOPIC.matcher(assignJson);
    while (matcher.find()) {
      topics.add(matcher.group(1));
    }
    return topics;
  }

  private static void checkTopics(String owner, Admin admin, Set<String> topics, String servers, long deadline,
      Duration timeout, String turnOff, Map<String, String> kafkaOptions) throws InterruptedException {
    Map<String, KafkaFuture<TopicDescription>> described = admin
        .describeTopics(topics, new DescribeTopicsOptions().timeoutMs(millisLeft(deadline))).topicNameValues();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : described.entrySet()) {
      try {
        topic.getValue().get(millisLeft(deadline), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
          throw failure(owner + ": Kafka at " + servers + " did not describe topic '" + topic.getKey()
              + "' within " + seconds(timeout) + " (" + turnOff + ")", kafkaOptions);
        }
        if (e.getCause() instanceof UnknownTopicOrPartitionException) {
          missing.add(topic.getKey());
        } else {
          throw failure(owner + ": cannot describe topic '" + topic.getKey() + "' at " + servers + ": "
              + e.getCause().getMessage() + " (" + turnOff + ")", kafkaOptions);
        }
      } catch (TimeoutException e) {
        throw failure(owner + ": Kafka at " + servers + " did not describe topic '" + topic.getKey() + "' within "
            + seconds(timeout) + " (" + turnOff + ")", kafkaOptions);
      }
    }
    if (!missing.isEmpty()) {
      throw failure(owner + ": topic" + (missing.size() == 1 ? " '" + missing.get(0) + "' does" : "s " + missing
          + " do") + " not exist at " + servers + "; create " + (missing.size() == 1 ? "it" : "them")
          + " first or fix the name (" + turnOff + ")", kafkaOptions);
    }
  }

  private static Properties adminProperties(Map<String, String> kafkaOptions, Duration timeout) {
    Set<String> adminKeys = AdminClientConfig.configNames();
    Properties props = new Properties();
    for (Map.Entry<String, String> option : kafkaOptions.entrySet()) {
      if (option.getKey().startsWith(PREFIX)) {
        String key = option.getKey().substring(PREFIX.length());
        if (adminKeys.contains(key)) {
          props.put(key, option.getValue());
        }
      }
    }
    String millis = Long.toString(Math.max(1, timeout.toMillis()));
    props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "hashtag-streams-preflight");
    return props;
  }

  private static int millisLeft(long deadline) {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
  }

  private static String seconds(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static IllegalStateException failure(String message, Map<String, String> kafkaOptions) {
    return new IllegalStateException(Redaction.scrub(message, kafkaOptions));
  }
}
