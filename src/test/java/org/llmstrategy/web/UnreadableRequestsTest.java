package org.llmstrategy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests the service cannot read: a query that is not %-encoded UTF-8 on any endpoint, too many
 * parameters, a path with a bad escape, a request line longer than Tomcat reads. Each was a 500
 * with a 9 KB stack trace in the log, or Tomcat's HTML page; each is a 400 problem+json, with the
 * security headers, and one log line without a stack trace.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class UnreadableRequestsTest {
  static final String BODY =
      "{\"dataSensitivity\":\"PUBLIC\",\"monthlyTokens\":5000000,"
          + "\"timeToProduction\":\"DAYS\",\"upfrontBudgetUsd\":0}";

  @LocalServerPort int port;

  static Stream<Arguments> requests() {
    String manyParameters =
        IntStream.range(0, 1100).mapToObj(i -> "a=1").collect(Collectors.joining("&"));
    return Stream.of(
        Arguments.of("GET /models?q=%ff HTTP/1.1", null, "unreadable-query", "\"field\":\"q\""),
        Arguments.of(
            "GET /actuator/health?x=%ff HTTP/1.1", null, "unreadable-query", "\"field\":\"x\""),
        Arguments.of(
            "POST /recommend?explain=%ff HTTP/1.1",
            BODY, "unreadable-query", "\"field\":\"explain\""),
        Arguments.of(
            "GET /models?provider=OpenAI&q=%zz HTTP/1.1",
            null, "unreadable-query", "\"field\":\"q\""),
        Arguments.of("GET /models?%ff=1 HTTP/1.1", null, "unreadable-query", "\"field\":\"%ff\""),
        Arguments.of(
            "GET /models?" + manyParameters + " HTTP/1.1",
            null,
            "unreadable-query",
            "more parameters than allowed"),
        Arguments.of("GET /models%ff HTTP/1.1", null, "unreadable-request", "too long"),
        Arguments.of(
            "GET /models?q=" + "a".repeat(20_000) + " HTTP/1.1",
            null,
            "unreadable-request",
            "too long"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void isA400ProblemWithOneLogLine(
      String requestLine, String body, String type, String names, CapturedOutput output)
      throws Exception {
    int logged = output.getOut().length();
    String headers = body == null ? "" : "Content-Type: application/json\r\n";

    RawHttp.Answer answer = RawHttp.exchange(port, requestLine, headers, body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.body())
        .contains("\"status\":400", "/problems/" + type, names)
        .doesNotContain("Exception", "Tomcat", "<html");
    assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");

    String log = output.getOut().substring(logged);
    assertThat(log.lines().filter(l -> l.contains(" 400 ")).count())
        .as("log lines about the refusal in:\n%s", log)
        .isEqualTo(1);
    assertThat(log).doesNotContain("\tat ", "Exception", "ERROR");
  }
}
