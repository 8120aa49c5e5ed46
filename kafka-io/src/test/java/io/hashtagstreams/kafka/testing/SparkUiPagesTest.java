package io.hashtagstreams.kafka.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/**
 * The fetching on its own, against a loopback HTTP server that answers like the Spark UI (which pages, which
 * execution ids, what a non-200 does). The real Spark UI is searched in kafka-io's SecuredSecretsNeverLeakTest
 * and the examples' SecuredAppSecretsNeverLeakTest.
 */
class SparkUiPagesTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void fetchesTheEnvironmentTheSqlListsAndEveryExecutionListedOnThePageOrInTheRestAnswer() throws IOException {
    List<String> asked = Collections.synchronizedList(new ArrayList<>());
    HttpServer server = server(asked, 200, "<a href=\"/SQL/execution/?id=3\">q</a>", "[{\"id\" : 4}, {\"id\":3}]");
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();

      Map<String, String> pages = SparkUiPages.fetch(base, "local-1", TIMEOUT);

      assertThat(pages.keySet()).containsExactly(SparkUiPages.ENVIRONMENT, SparkUiPages.ENVIRONMENT_API,
          SparkUiPages.SQL, SparkUiPages.SQL_API, SparkUiPages.SQL_EXECUTIONS);
      assertThat(pages.get(SparkUiPages.ENVIRONMENT)).isEqualTo("page /environment/");
      assertThat(pages.get(SparkUiPages.ENVIRONMENT_API)).isEqualTo("page /api/v1/applications/local-1/environment");
      assertThat(pages.get(SparkUiPages.SQL_EXECUTIONS)).isEqualTo("page /SQL/execution/?id=3\n"
          + "page /SQL/execution/?id=4\n[{\"id\" : 4}, {\"id\":3}]");
      assertThat(asked).containsExactly("/environment/", "/api/v1/applications/local-1/environment", "/SQL/",
          "/api/v1/applications/local-1/sql?details=true&planDescription=true", "/SQL/execution/?id=3",
          "/SQL/execution/?id=4");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aPageThatDoesNotAnswer200FailsNamingItsAddressAndStatus() throws IOException {
    HttpServer server = server(new ArrayList<>(), 404, "", "[]");
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();

      assertThatThrownBy(() -> SparkUiPages.fetch(base, "local-1", TIMEOUT))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("GET " + base + "/environment/ answered 404, not 200");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aUiListingNoSqlExecutionFailsNamingTheUi() throws IOException {
    HttpServer server = server(new ArrayList<>(), 200, "<p>none</p>", "[]");
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();

      assertThatThrownBy(() -> SparkUiPages.fetch(base, "local-1", TIMEOUT))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the Spark UI at " + base + " lists no SQL execution");
    } finally {
      server.stop(0);
    }
  }

  /** Answers the SQL list and the REST SQL resource with the given bodies, every other path with "page PATH". */
  private static HttpServer server(List<String> asked, int status, String sqlList, String sqlApi) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().toString();
      asked.add(path);
      String body = path.equals("/SQL/") ? sqlList : path.contains("/sql?") ? sqlApi : "page " + path;
      answer(exchange, status, body);
    });
    server.start();
    return server;
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
