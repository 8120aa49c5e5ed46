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
import org.apache.kafka.clients.admin.DescribeTransactionsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The fail-fast check of the Kafka builders: before a query starts, asks the brokers (with the client settings the
 * query will use) whether they answer and whether the topics exist, and throws {@link IllegalStateException} naming
 * the servers or the missing topics when not. Secret settings are scrubbed from every message.
 *
 * <p>Uses Kafka's {@link Admin} client: {@code describeCluster} (the brokers answer and accept the login and the TLS
 * handshake) then {@code describeTopics} (each topic exists, and with an operation given, this client may perform it:
 * the topic's {@code authorizedOperations}), then for an exactly-once sink {@code describeTransactions} (the
 * transactional id may be used); all within one overall timeout. Messages name the user, never the password.
 */
public final class KafkaPreflight {

  private static final String PREFIX = "kafka.";
  private static final Pattern JAAS_USER = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");
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
    check(owner, kafkaOptions, topics, List.of(), null, timeout, turnOff);
  }

  /**
   * Checks that the brokers answer and accept the login, that {@code topics} exist and that this client may perform
   * {@code operation} on each (Kafka's {@code authorizedOperations} of the topic), and that it may use
   * {@code transactionalId} ({@code describeTransactions}, which needs what WRITE on the id grants).
   *
   * @param operations READ for a source, WRITE for a sink (and READ for an exactly-once sink, which commits its
   *     batch id as an offset of the topic); empty to check existence only
   * @param transactionalId the id an exactly-once sink uses, or null
   * @throws IllegalStateException when a broker does not answer in time, refuses the login or the TLS handshake, a
   *     topic is missing, or a permission is missing; the message names the setting or ACL to fix
   * @since 0.3.0
   */
  public static void check(String owner, Map<String, String> kafkaOptions, Collection<String> topics,
      List<AclOperation> operations, String transactionalId, Duration timeout, String turnOff) {
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
            + "; check the bootstrap servers and the network" + protocolHint(kafkaOptions) + " (" + turnOff + ")",
            kafkaOptions);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
          throw failure(owner + ": no Kafka broker answered at " + servers + " within " + seconds(timeout)
              + "; check the bootstrap servers and the network" + protocolHint(kafkaOptions) + " (" + turnOff
              + ")", kafkaOptions);
        }
        if (e.getCause() instanceof SslAuthenticationException) {
          throw failure(owner + ": the TLS handshake with Kafka at " + servers + " failed (" + e.getCause()
              .getMessage() + "); check kafka.ssl.truststore.location: it must hold the certificate of the broker"
              + " or of the authority that signed it (" + turnOff + ")", kafkaOptions);
        }
        if (e.getCause() instanceof AuthenticationException) {
          throw failure(owner + ": Kafka at " + servers + " refused the login of user " + user(kafkaOptions) + " ("
              + e.getCause().getMessage() + "); check the user name and password in kafka.sasl.jaas.config and"
              + " kafka.sasl.mechanism (" + turnOff + ")", kafkaOptions);
        }
        throw failure(owner + ": no Kafka broker answered at " + servers + ": " + e.getCause().getMessage()
            + " (" + turnOff + ")", kafkaOptions);
      }
      if (!topics.isEmpty()) {
        checkTopics(owner, admin, new LinkedHashSet<>(topics), operations, servers, deadline, timeout, turnOff,
            kafkaOptions);
      }
      if (transactionalId != null) {
        checkTransactionalId(owner, admin, transactionalId, servers, deadline, turnOff, kafkaOptions);
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

  private static void checkTopics(String owner, Admin admin, Set<String> topics, List<AclOperation> operations,
      String servers, long deadline, Duration timeout, String turnOff, Map<String, String> kafkaOptions)
      throws InterruptedException {
    Map<String, KafkaFuture<TopicDescription>> described = admin
        .describeTopics(topics, new DescribeTopicsOptions().timeoutMs(millisLeft(deadline))
            .includeAuthorizedOperations(!operations.isEmpty())).topicNameValues();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : described.entrySet()) {
      try {
        TopicDescription description = topic.getValue().get(millisLeft(deadline), TimeUnit.MILLISECONDS);
        Set<AclOperation> allowed = description.authorizedOperations();
        for (AclOperation operation : operations) {
          if (allowed != null && !allowed.contains(operation) && !allowed.contains(AclOperation.ALL)) {
            throw failure(owner + ": user " + user(kafkaOptions) + " may not " + operation + " topic '"
                + topic.getKey() + "' at " + servers + " (allowed: " + allowed + "); grant " + operation
                + " on topic '" + topic.getKey() + "' to this user (" + turnOff + ")", kafkaOptions);
          }
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof TopicAuthorizationException) {
          throw failure(owner + ": user " + user(kafkaOptions) + " may not see topic '" + topic.getKey() + "' at "
              + servers + " (" + e.getCause().getMessage() + "); grant " + (operations.isEmpty() ? "DESCRIBE"
              : operations.get(0)) + " on topic '" + topic.getKey() + "' to this user (" + turnOff + ")", kafkaOptions);
        }
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

  private static void checkTransactionalId(String owner, Admin admin, String transactionalId, String servers,
      long deadline, String turnOff, Map<String, String> kafkaOptions) throws InterruptedException {
    try {
      admin.describeTransactions(List.of(transactionalId),
          new DescribeTransactionsOptions().timeoutMs(millisLeft(deadline)))
          .description(transactionalId).get(millisLeft(deadline), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TransactionalIdAuthorizationException) {
        throw failure(owner + ": user " + user(kafkaOptions) + " may not use the transactional id '"
            + transactionalId + "' at " + servers + " that the exactly-once sink needs; grant WRITE on"
            + " TRANSACTIONAL_ID '" + transactionalId + "' (or a prefix of it, such as 'hashtag-streams-') to this"
            + " user (" + turnOff + ")", kafkaOptions);
      }
      // TransactionalIdNotFoundException: allowed, and not used yet. Anything else is left to the query.
    } catch (TimeoutException e) {
      // The id's coordinator did not answer in time; the login and topics are fine, so let the query decide.
    }
  }

  /** The SCRAM/PLAIN user name in the JAAS line (never the password), or "(no SASL user)". */
  private static String user(Map<String, String> kafkaOptions) {
    String jaas = kafkaOptions.get(PREFIX + "sasl.jaas.config");
    if (jaas == null) {
      return "(no SASL user)";
    }
    Matcher matcher = JAAS_USER.matcher(jaas);
    return matcher.find() ? "'" + matcher.group(1) + "'" : "(unnamed SASL user)";
  }

  private static String protocolHint(Map<String, String> kafkaOptions) {
    String protocol = kafkaOptions.get(PREFIX + "security.protocol");
    return protocol == null || protocol.equalsIgnoreCase("PLAINTEXT")
        ? ", and set kafka.security.protocol if the cluster uses TLS or SASL"
        : "";
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
