package org.llmstrategy.web;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/** The problems this service answers with; their type URIs are part of the contract. */
enum ProblemType {
  INVALID_REQUEST(
      400, "invalid-request", "Invalid request", "Some fields are invalid; see errors."),
  MALFORMED_REQUEST(
      400,
      "malformed-request",
      "Malformed request",
      "The request body is not a readable JSON object; see errors."),
  UNREADABLE_QUERY(
      400,
      "unreadable-query",
      "Unreadable query",
      "Some query parameters are not %-encoded UTF-8; see errors."),
  UNREADABLE_REQUEST(
      400,
      "unreadable-request",
      "Unreadable request",
      "The request line or its headers cannot be read: too long, or not %-encoded UTF-8."),
  NOT_FOUND(404, "not-found", "Not found", "There is nothing at this path."),
  METHOD_NOT_ALLOWED(
      405,
      "method-not-allowed",
      "Method not allowed",
      "This path does not support this method; the Allow header lists those it does."),
  NOT_ACCEPTABLE(
      406,
      "not-acceptable",
      "Not acceptable",
      "This path answers in application/json only, which the Accept header excludes."),
  REQUEST_TIMEOUT(
      408,
      "request-timeout",
      "Request timeout",
      "The request body did not arrive in time; send it at once."),
  REQUEST_TOO_LARGE(
      413,
      "request-too-large",
      "Request too large",
      "The request body exceeds " + RequestSizeLimit.MAX_BODY_BYTES / 1024 + " KiB."),
  UNSUPPORTED_MEDIA_TYPE(
      415,
      "unsupported-media-type",
      "Unsupported media type",
      "Send the request body as application/json."),
  DECISION_NOT_MADE(
      503,
      "decision-not-made",
      "Decision not made",
      "The rules did not decide this request in time and were stopped; GET /rules names the"
          + " rule. Other requests are answered."),
  DECISION_NOT_RECORDED(
      503,
      "decision-not-recorded",
      "Decision not recorded",
      "The decision could not be kept on record, so it is not answered; the detail names the"
          + " database."),
  INTERNAL_ERROR(
      500,
      "internal-error",
      "Internal error",
      "The service failed to answer this request; the failure has been logged.");

  static final String BASE = "https://llm-strategy.example/problems/";

  final int status;
  final URI type;
  final String title;
  final String detail;

  ProblemType(int status, String slug, String title, String detail) {
    this.status = status;
    this.type = URI.create(BASE + slug);
    this.title = title;
    this.detail = detail;
  }

  /** The problem for a plain HTTP status, where the service names one (400 is never plain). */
  static Optional<ProblemType> forStatus(int status) {
    return Arrays.stream(values()).filter(p -> p.status == status && status != 400).findFirst();
  }
}
