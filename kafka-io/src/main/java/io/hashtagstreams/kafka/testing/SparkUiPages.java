package io.hashtagstreams.kafka.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spark UI pages that show a session's settings and its queries' plans, fetched over HTTP as a browser would,
 * for tests that search them (for a secret, say): the environment page, the SQL list, every SQL execution page,
 * and the REST resources those pages render from.
 *
 * <p>Spark 3.5 renders the environment and the SQL list on the server; Spark 4.2 renders both in the browser from
 * {@code /api/v1/applications/<app>/environment} and {@code .../sql} (SPARK-55875, and the environment page before
 * it), so the REST answers are what a user sees there. Every request must answer 200; the SQL executions are found
 * in the list page's links and in the REST answer's ids.
 *
 * <pre>{@code
 * Map<String, String> pages = SparkUiPages.fetch(spark.sparkContext().uiWebUrl().get(),
 *     spark.sparkContext().applicationId(), Duration.ofSeconds(30));
 * pages.get("/environment/");   // the page's HTML
 * }</pre>
 *
 * <p>The keys, in this order: {@code /environment/}, {@code /api/v1/applications/<app>/environment},
 * {@code /SQL/}, {@code /api/v1/applications/<app>/sql} (with details and plan descriptions) and
 * {@code /SQL/execution/} (every execution page, then the REST answer again).
 *
 * @since 0.3.0
 */
public final class SparkUiPages {

  /** The key of the environment page. */
  public static final String ENVIRONMENT = "/environment/";
  /** The key of the REST environment resource. */
  public static final String ENVIRONMENT_API = "/api/v1/applications/<app>/environment";
  /** The key of the SQL list page. */
  public static final String SQL = "/SQL/";
  /** The key of the REST SQL resource. */
  public static final String SQL_API = "/api/v1/applications/<app>/sql";
  /** The key of every SQL execution page, joined, followed by the REST SQL answer. */
  public static final String SQL_EXECUTIONS = "/SQL/execution/";

  private static final Pattern EXECUTION_LINK = Pattern.compile("execution/\\?id=(\\d+)");
  private static final Pattern EXECUTION_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  private SparkUiPages() {
  }

  /**
   * Fetches the pages; see the class comment for the keys.
   *
   * @param uiBase the UI's address, e.g. {@code http://127.0.0.1:4040} (the session's {@code uiWebUrl})
   * @param applicationId the session's application id
   * @param timeout the bound of each connect and each request
   * @return the page texts by key, in the order of the class comment
   * @throws IllegalStateException when a page does not answer 200, or no SQL execution is listed
   * @throws UncheckedIOException when a request fails
   */
  public static Map<String, String> fetch(String uiBase, String applicationId, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
    Map<String, String> pages = new LinkedHashMap<>();
    String api = uiBase + "/api/v1/applications/" + applicationId;
    pages.put(ENVIRONMENT, get(http, uiBase + "/environment/", timeout));
    pages.put(ENVIRONMENT_API, get(http, api + "/environment", timeout));
    String sql = get(http, uiBase + "/SQL/", timeout);
    pages.put(SQL, sql);
    String sqlApi = get(http, api + "/sql?details=true&planDescription=true", timeout);
    pages.put(SQL_API, sqlApi);
    Set<String> ids = new LinkedHashSet<>();
    Matcher link = EXECUTION_LINK.matcher(sql);
    while (link.find()) {
      ids.add(link.group(1));
    }
    Matcher listed = EXECUTION_ID.matcher(sqlApi);
    while (listed.find()) {
      ids.add(listed.group(1));
    }
    if (ids.isEmpty()) {
      throw new IllegalStateException("the Spark UI at " + uiBase + " lists no SQL execution");
    }
    List<String> executions = new ArrayList<>();
    for (String id : ids) {
      executions.add(get(http, uiBase + "/SQL/execution/?id=" + id, timeout));
    }
    pages.put(SQL_EXECUTIONS, String.join("\n", executions) + "\n" + sqlApi);
    return pages;
  }

  private static String get(HttpClient http, String url, Duration timeout) {
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("GET " + url + " was interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ", not 200");
    }
    return response.body();
  }
}
