package org.llmstrategy.web;

import java.io.IOException;

/**
 * Thrown by the request body stream once more than the limit has been read. An IOException, so that
 * whoever reads the body (a controller or a message converter) passes it on as a read error.
 */
class RequestTooLargeException extends IOException {
  RequestTooLargeException(long limit) {
    super("Request body exceeds " + limit + " bytes", null);
  }
}
