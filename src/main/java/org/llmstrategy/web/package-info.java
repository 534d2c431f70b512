/**
 * The HTTP edge: RFC 9457 problem+json for every client error (naming every bad field), request
 * bounds, GET /rules and /rules/history, the rules-version header, management endpoints. Nothing
 * below it imports it except the problem types {@code recommend} throws.
 */
package org.llmstrategy.web;
