package org.llmstrategy.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.llmstrategy.problems.DecisionNotMadeException;
import org.llmstrategy.problems.DecisionNotRecordedException;
import org.llmstrategy.problems.FieldProblem;
import org.llmstrategy.problems.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error answer of the service, as RFC 9457 problem+json. Client errors are described in the
 * service's own words: no exception text ever reaches the response, so neither framework messages
 * nor class names can leak. Spring's own client errors (404, 405, 406, 415, ...) arrive as {@link
 * ErrorResponse}s and keep their status and headers (Allow, Accept).
 */
@RestControllerAdvice
class ProblemAdvice {
  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
    ProblemType type = e.unreadable() ? ProblemType.MALFORMED_REQUEST : ProblemType.INVALID_REQUEST;
    return answer(type, e.problems(), HttpHeaders.EMPTY);
  }

  /**
   * Tomcat parses parameters lazily and throws on a bad %-encoding or too many of them. {@link
   * QueryEncodingCheck} refuses bad queries before they get here, naming the parameters; this is
   * for what it does not see (form bodies, the parameter count): a 400 and one log line.
   */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> unreadableParameters(
      InvalidParameterException e, HttpServletRequest request) {
    log.info(
        "400 for {} {}: its parameters cannot be read (bad %-encoding or too many)",
        request.getMethod(), request.getRequestURI());
    var problems =
        List.of(FieldProblem.ofBody("not %-encoded UTF-8, or more parameters than allowed"));
    String detail = "The request's parameters cannot be read; see errors.";
    return respond(
        ProblemBodies.of(ProblemType.UNREADABLE_QUERY, detail, problems), HttpHeaders.EMPTY);
  }

  /**
   * A faulty rule set, not the client and not the service: 503, naming the rule set in the body and
   * in the header every decision carries.
   */
  @ExceptionHandler(DecisionNotMadeException.class)
  ResponseEntity<ProblemDetail> notMade(DecisionNotMadeException e) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(RulesVersionHeader.NAME, e.rulesVersion());
    ProblemDetail body =
        ProblemBodies.of(
            ProblemType.DECISION_NOT_MADE, String.format(NOT_MADE, e.rulesVersion()), null);
    body.setProperty("rulesVersion", e.rulesVersion());
    return respond(body, headers);
  }

  /**
   * The records' database is down, full or refused the write: 503 naming it, never an answer
   * without its record. Logged once per failed batch by the writer, not here per request.
   */
  @ExceptionHandler(DecisionNotRecordedException.class)
  ResponseEntity<ProblemDetail> notRecorded(DecisionNotRecordedException e) {
    ProblemDetail body =
        ProblemBodies.of(
            ProblemType.DECISION_NOT_RECORDED,
            "The decision could not be kept on record in "
                + e.database()
                + ": "
                + e.reason()
                + ". It is not answered without its record; try again later.",
            null);
    body.setProperty("database", e.database());
    return respond(body, HttpHeaders.EMPTY);
  }

  private static final String NOT_MADE =
      "The rules %s did not decide this request in time and were stopped; GET /rules names the"
          + " rule. Other requests are answered.";

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) {
    ResponseEntity<ProblemDetail> answer = classify(e);
    // forwarded by the container to the error page: name the path the client asked for
    if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
      try {
        answer.getBody().setInstance(URI.create(uri));
      } catch (IllegalArgumentException notAUri) {
        // keep the error page's path rather than fail while reporting a failure
      }
    }
    return answer;
  }

  private static ResponseEntity<ProblemDetail> classify(Exception e) {
    if (hasCause(e, RequestTooLargeException.class)) {
      return answer(ProblemType.REQUEST_TOO_LARGE, null, HttpHeaders.EMPTY);
    }
    if (e instanceof HttpMessageNotReadableException) {
      // a body read by a message converter rather than by CriteriaReader
      var problems = List.of(FieldProblem.ofBody("is not readable as JSON of the expected shape"));
      return answer(ProblemType.MALFORMED_REQUEST, problems, HttpHeaders.EMPTY);
    }
    if (e instanceof ErrorResponse r && r.getStatusCode().is4xxClientError()) {
      return ProblemType.forStatus(r.getStatusCode().value())
          .map(type -> answer(type, null, r.getHeaders()))
          .orElseGet(() -> plain(r.getStatusCode(), r.getHeaders()));
    }
    log.error("Unexpected failure while answering a request", e);
    return answer(ProblemType.INTERNAL_ERROR, null, HttpHeaders.EMPTY);
  }

  private static ResponseEntity<ProblemDetail> answer(
      ProblemType type, List<FieldProblem> problems, HttpHeaders headers) {
    return respond(ProblemBodies.of(type, problems), headers);
  }

  /** A client error the service has no name for: RFC 9457's about:blank, titled by the status. */
  private static ResponseEntity<ProblemDetail> plain(HttpStatusCode status, HttpHeaders headers) {
    ProblemDetail body = ProblemDetail.forStatus(status);
    body.setDetail("The request cannot be answered as sent.");
    return respond(body, headers);
  }

  /** The content type is set, not negotiated, so a 406 can still be told what went wrong. */
  private static ResponseEntity<ProblemDetail> respond(ProblemDetail body, HttpHeaders headers) {
    return ResponseEntity.status(body.getStatus())
        .headers(headers)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
