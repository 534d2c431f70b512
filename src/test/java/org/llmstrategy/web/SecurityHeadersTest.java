package org.llmstrategy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The headers browsers expect, on the page, its assets, the API, Swagger UI and errors. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityHeadersTest {
  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  @ParameterizedTest(name = "{0} {1} ({2})")
  @CsvSource({
    "GET, /, 200",
    "GET, /report.js, 200",
    "GET, /models, 200",
    "POST, /recommend, 400",
    "GET, /rules, 200",
    "GET, /actuator/health, 200",
    "GET, /v3/api-docs, 200",
    "GET, /nothing-here, 404",
    "DELETE, /models, 405",
    "GET, /swagger-ui/index.html, 200"
  })
  void everyAnswerCarriesThem(String method, String path, int status) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(
                    method,
                    method.equals("POST") ? BodyPublishers.ofString("{}") : BodyPublishers.noBody())
                .build(),
            BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(status);
    var headers = answer.headers();
    String csp = headers.firstValue("Content-Security-Policy").orElse("");
    assertThat(csp)
        .contains(
            "default-src 'self'",
            "script-src 'self';",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'")
        .doesNotContain("unsafe-eval", "script-src 'self' 'unsafe-inline'");
    if (!path.startsWith("/swagger-ui/")) {
      assertThat(csp).contains("style-src 'self';");
    }
    assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
    assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
  }
}
