package org.llmstrategy.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.llmstrategy.problems.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query that is not %-encoded UTF-8 ({@code ?q=%ff}, {@code ?q=%zz}) with a 400 naming
 * each such parameter, and one log line. Tomcat would otherwise throw while the first parameter is
 * read, wherever that is (a controller, the actuator), and the answer was a 500 with a stack trace
 * in the log for each request: a cheap way to fill a disk.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class QueryEncodingCheck extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(QueryEncodingCheck.class);

  /** Parameters named in one answer; the request line's size bounds them anyway. */
  static final int MAX_NAMED = 20;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<QueryParameters.Unreadable> bad = QueryParameters.unreadable(request.getQueryString());
    if (bad.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    log.info(
        "400 for {} {}: query parameters not %-encoded UTF-8: {}",
        request.getMethod(),
        request.getRequestURI(),
        bad.stream().limit(MAX_NAMED).map(QueryParameters.Unreadable::rawName).toList());
    ProblemDetail body = ProblemBodies.of(ProblemType.UNREADABLE_QUERY, problems(bad));
    ProblemBodies.setInstance(body, request.getRequestURI());
    ProblemBodies.write(response, body);
  }

  private static List<FieldProblem> problems(List<QueryParameters.Unreadable> bad) {
    List<FieldProblem> problems = new ArrayList<>();
    bad.stream().limit(MAX_NAMED).map(QueryParameters.Unreadable::problem).forEach(problems::add);
    if (bad.size() > MAX_NAMED) {
      problems.add(
          FieldProblem.ofBody(
              (bad.size() - MAX_NAMED) + " more query parameters are not %-encoded UTF-8"));
    }
    return problems;
  }

  /** Runs again when a body read off the request thread comes back (RequestBodyDeadline). */
  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }
}
