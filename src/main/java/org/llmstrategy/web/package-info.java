/**
 * The HTTP edge: RFC 9457 problem+json for every client error (the body and field problems live in
 * {@code problems}), request bounds (body size, a body deadline without a thread held, queries and
 * request lines that cannot be read), security headers, GET /rules and /rules/history, the
 * rules-version header, management endpoints. The top of the stack: nothing imports it.
 */
package org.llmstrategy.web;
