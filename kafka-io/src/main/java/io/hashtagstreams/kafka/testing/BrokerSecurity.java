package io.hashtagstreams.kafka.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What makes a test broker secured: a {@code SASL_SSL} client listener with SCRAM-SHA-512 users, a TLS key store and
 * trust store generated for each start, and ACLs enforced by KRaft's {@code StandardAuthorizer} (nothing is allowed
 * without an ACL). Give it to {@link EmbeddedKafka#EmbeddedKafka(Map, BrokerSecurity)}.
 *
 * <pre>{@code
 * BrokerSecurity security = BrokerSecurity.builder()
 *     .user("reader", readerPassword)
 *     .allow("reader", ResourceType.TOPIC, "tweets", AclOperation.READ)
 *     .allowPrefixed("reader", ResourceType.GROUP, "spark-kafka-source-", AclOperation.READ)
 *     .build();
 * try (EmbeddedKafka kafka = new EmbeddedKafka(Map.of(), security).start()) {
 *   KafkaTweetSource.Builder source = KafkaTweetSource.builder().bootstrapServers(kafka.bootstrapServers());
 *   security.clientProperties("reader").forEach(source::option);
 * }
 * }</pre>
 *
 * <p>The broker authenticates to itself as the super user {@value #ADMIN} (random password); {@code ANONYMOUS} is a
 * super user too, because the single node's controller listener is {@code PLAINTEXT} on loopback (Kafka's KRaft
 * documentation does the same for a plaintext controller listener). The certificate is a self-signed RSA key for
 * {@code CN=127.0.0.1} with the subject alternative name {@code IP:127.0.0.1}, valid for 2 days, made by the JDK's
 * {@code keytool} in child processes (each waited for at most 60 s and destroyed by its handle when it does not
 * end); no private key is ever checked in. Users are created when the log directory is formatted
 * ({@code kafka-storage format --add-scram}, KIP-900), ACLs once the broker answers.
 *
 * @since 0.3.0
 */
public final class BrokerSecurity {

  /** The broker's own (super) user. */
  public static final String ADMIN = "admin";

  private static final Pattern SIMPLE = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Duration KEYTOOL_TIMEOUT = Duration.ofSeconds(60);

  private final Map<String, String> passwords;
  private final List<AclBinding> acls;
  private final String storePassword;
  private Path trustStore;
  private Path keyStore;

  private BrokerSecurity(Map<String, String> passwords, List<AclBinding> acls) {
    this.passwords = passwords;
    this.acls = acls;
    this.storePassword = randomSecret();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The ACLs the broker gets at start. */
  public List<AclBinding> acls() {
    return acls;
  }

  /**
   * The client settings (without the {@code kafka.} prefix) of a user: {@code SASL_SSL}, SCRAM-SHA-512, its JAAS
   * line and the generated trust store. Give them to a builder's {@code option(key, value)}.
   *
   * @param user a user given to the builder, or {@link #ADMIN}
   * @return the settings
   * @throws IllegalArgumentException for an unknown user
   * @throws IllegalStateException before the broker started (the trust store does not exist yet)
   */
  public Map<String, String> clientProperties(String user) {
    String password = passwords.get(user);
    if (password == null) {
      throw new IllegalArgumentException("BrokerSecurity: unknown user '" + user + "'; users: " + passwords.keySet());
    }
    return clientProperties(user, password);
  }

  /**
   * Client settings for any user name and password, known to the broker or not (for tests of refused logins).
   *
   * @param user the SCRAM user name
   * @param password its password
   * @return the settings
   * @throws IllegalStateException before the broker started
   */
  public Map<String, String> clientProperties(String user, String password) {
    if (trustStore == null) {
      throw new IllegalStateException("BrokerSecurity: the broker has not started yet, there is no trust store");
    }
    Map<String, String> props = new LinkedHashMap<>();
    props.put("security.protocol", "SASL_SSL");
    props.put("sasl.mechanism", "SCRAM-SHA-512");
    props.put("sasl.jaas.config", jaas(user, password));
    props.put("ssl.truststore.location", trustStore.toString());
    props.put("ssl.truststore.password", storePassword);
    props.put("ssl.truststore.type", "PKCS12");
    return Collections.unmodifiableMap(props);
  }

  /** The generated trust store (PKCS12), after the broker started. */
  public Path trustStore() {
    return trustStore;
  }

  /** The generated trust store's password, after the broker started. */
  public String trustStorePassword() {
    return storePassword;
  }

  /**
   * Makes a trust store in {@code dir} that holds an unrelated, freshly made certificate, so that a client using it
   * does not trust the broker (for tests of the TLS failure).
   *
   * @param dir an existing directory
   * @return the trust store (PKCS12, password {@link #trustStorePassword()})
   * @throws IllegalStateException when keytool fails
   */
  public Path untrustedTrustStore(Path dir) {
    Path otherKeys = dir.resolve("other-keys.p12");
    Path otherTrust = dir.resolve("other-trust.p12");
    makeStores(otherKeys, otherTrust, "CN=not-the-broker");
    return otherTrust;
  }

  // Called by EmbeddedKafka in the broker's work directory before formatting.
  void prepare(Path dir) {
    keyStore = dir.resolve("broker-keys.p12");
    trustStore = dir.resolve("broker-trust.p12");
    makeStores(keyStore, trustStore, "CN=127.0.0.1");
  }

  // The server properties of the secured listener, the authorizer and the broker's own login.
  Map<String, String> serverProperties() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
    props.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
    props.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas(ADMIN, passwords.get(ADMIN)));
    props.put("ssl.keystore.location", keyStore.toString());
    props.put("ssl.keystore.password", storePassword);
    props.put("ssl.key.password", storePassword);
    props.put("ssl.keystore.type", "PKCS12");
    props.put("ssl.truststore.location", trustStore.toString());
    props.put("ssl.truststore.password", storePassword);
    props.put("ssl.truststore.type", "PKCS12");
    props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    props.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
    props.put("allow.everyone.if.no.acl.found", "false");
    return props;
  }

  // The storage tool's --add-scram arguments: every user, the broker's own included.
  List<String> formatArguments() {
    List<String> args = new ArrayList<>();
    for (Map.Entry<String, String> user : passwords.entrySet()) {
      args.add("--add-scram");
      args.add("SCRAM-SHA-512=[name=" + user.getKey() + ",password=" + user.getValue() + "]");
    }
    return args;
  }

  private static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
        + "\" password=\"" + password + "\";";
  }

  private void makeStores(Path keys, Path trust, String dname) {
    Path cert = keys.resolveSibling(keys.getFileName() + ".cer");
    keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", dname, "-ext", "SAN=IP:127.0.0.1", "-storetype", "PKCS12", "-keystore", keys.toString(),
        "-storepass", storePassword, "-keypass", storePassword);
    keytool("-exportcert", "-alias", "broker", "-keystore", keys.toString(), "-storepass", storePassword,
        "-file", cert.toString());
    keytool("-importcert", "-noprompt", "-alias", "broker", "-file", cert.toString(), "-storetype", "PKCS12",
        "-keystore", trust.toString(), "-storepass", storePassword);
  }

  private static void keytool(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = null;
    try {
      Path output = Files.createTempFile("keytool-", ".log");
      try {
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(KEYTOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException("keytool " + args[0] + " did not finish within " + KEYTOOL_TIMEOUT);
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException("keytool " + args[0] + " failed (exit " + process.exitValue() + "): "
              + Files.readString(output).replace(args[args.length - 1], "***"));
        }
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not run keytool " + args[0] + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running keytool", e);
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }

  private static String randomSecret() {
    SecureRandom random = new SecureRandom();
    StringBuilder out = new StringBuilder(24);
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    for (int i = 0; i < 24; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** Builds a {@link BrokerSecurity}: users with passwords, and ACLs. */
  public static final class Builder {
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final List<AclBinding> acls = new ArrayList<>();

    private Builder() {
    }

    /**
     * A SCRAM-SHA-512 user created when the broker's storage is formatted.
     *
     * @param name letters, digits, '.', '_' or '-', not {@value #ADMIN}
     * @param password the same characters (the storage tool's syntax has no escapes)
     * @return this builder
     * @throws IllegalArgumentException for another character or the name {@value #ADMIN}
     * @throws IllegalStateException when the user was already added
     */
    public Builder user(String name, String password) {
      if (name == null || !SIMPLE.matcher(name).matches() || ADMIN.equals(name)) {
        throw new IllegalArgumentException("BrokerSecurity: user name must be letters, digits, '.', '_' or '-' and"
            + " not '" + ADMIN + "', but was '" + name + "'");
      }
      if (password == null || !SIMPLE.matcher(password).matches()) {
        throw new IllegalArgumentException("BrokerSecurity: the password of '" + name + "' must be letters, digits,"
            + " '.', '_' or '-'");
      }
      if (passwords.containsKey(name)) {
        throw new IllegalStateException("BrokerSecurity: user '" + name + "' was already added");
      }
      passwords.put(name, password);
      return this;
    }

    /**
     * Allows {@code user} an operation on one resource by its literal name.
     *
     * @param user a user name (need not be added: an ACL for an unknown user is legal)
     * @param type TOPIC, GROUP, TRANSACTIONAL_ID or CLUSTER
     * @param name the resource name ({@code kafka-cluster} for CLUSTER)
     * @param operation READ, WRITE, DESCRIBE, ...
     * @return this builder
     */
    public Builder allow(String user, ResourceType type, String name, AclOperation operation) {
      return add(user, new ResourcePattern(type, name, PatternType.LITERAL), operation);
    }

    /**
     * Allows {@code user} an operation on every resource whose name starts with {@code prefix}.
     *
     * @param user a user name
     * @param type TOPIC, GROUP or TRANSACTIONAL_ID
     * @param prefix the name prefix
     * @param operation READ, WRITE, DESCRIBE, ...
     * @return this builder
     */
    public Builder allowPrefixed(String user, ResourceType type, String prefix, AclOperation operation) {
      return add(user, new ResourcePattern(type, prefix, PatternType.PREFIXED), operation);
    }

    private Builder add(String user, ResourcePattern pattern, AclOperation operation) {
      acls.add(new AclBinding(pattern, new AccessControlEntry("User:" + user, "*", operation,
          AclPermissionType.ALLOW)));
      return this;
    }

    /**
     * The security settings; the broker's own user {@value #ADMIN} gets a random password.
     *
     * @return the settings
     */
    public BrokerSecurity build() {
      Map<String, String> all = new LinkedHashMap<>(passwords);
      all.put(ADMIN, randomSecret());
      return new BrokerSecurity(Collections.unmodifiableMap(all), List.copyOf(acls));
    }
  }
}
