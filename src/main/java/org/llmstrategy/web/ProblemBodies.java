package org.llmstrategy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.llmstrategy.problems.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem bodies of the service, built in one place: {@link ProblemAdvice} answers with them
 * through Spring MVC, and the edge's filters and Tomcat valve, which answer before (or without)
 * Spring MVC, write the same JSON themselves.
 */
final class ProblemBodies {
  /** Spring's mix-in puts a ProblemDetail's extra properties (errors) at the top level. */
  private static final JsonMapper JSON =
      JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

  private ProblemBodies() {}

  static ProblemDetail of(ProblemType type, List<FieldProblem> problems) {
    return of(type, type.detail, problems);
  }

  static ProblemDetail of(ProblemType type, String detail, List<FieldProblem> problems) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(type.status), detail);
    body.setType(type.type);
    body.setTitle(type.title);
    if (problems != null) {
      body.setProperty("errors", problems);
    }
    return body;
  }

  /** The path the client asked for, as the problem's instance; none if it is not a URI. */
  static void setInstance(ProblemDetail body, String path) {
    if (path == null) {
      return;
    }
    try {
      body.setInstance(new URI(null, null, path, null));
    } catch (java.net.URISyntaxException | IllegalArgumentException notAPath) {
      // an unreadable path stays out of the answer rather than fail the answer
    }
  }

  /** Writes the body as the whole answer, for code that answers outside Spring MVC. */
  static void write(HttpServletResponse response, ProblemDetail body) throws IOException {
    byte[] json = JSON.writeValueAsBytes(body);
    response.setStatus(body.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
    response.flushBuffer();
  }
}
