package io.hashtagstreams.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * What {@code --version} prints: the app's version and the Spark it was built for, from the
 * {@code version.properties} the build fills in.
 *
 * <pre>
 * $ HashtagStreamsApp --version
 * HashtagStreamsApp 0.3.0-SNAPSHOT
 * built for Spark 3.5.7 (Scala 2.12)
 * </pre>
 * That is the default line's build; the {@code spark-4_2.13} profile's app says
 * {@code built for Spark 4.2.0 (Scala 2.13)}.
 */
public final class AppVersion implements IVersionProvider {

  private static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    Properties build = new Properties();
    try (InputStream in = AppVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return new String[] {"HashtagStreamsApp (version unknown: " + RESOURCE + " is missing)"};
      }
      build.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new String[] {
        "HashtagStreamsApp " + build.getProperty("version"),
        "built for Spark " + build.getProperty("spark.version") + " (Scala "
            + build.getProperty("scala.binary.version") + ")"};
  }
}
