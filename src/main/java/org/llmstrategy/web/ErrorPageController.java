package org.llmstrategy.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's error page, which answers in its own JSON shape (and with a 500 to a plain GET
 * /error). Errors the container routes here (a sendError, an exception escaping a filter) are
 * thrown again so that {@link ProblemAdvice} answers them like every other error.
 */
@Hidden
@RestController
class ErrorPageController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  void error(HttpServletRequest request) throws Exception {
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Exception e) {
      throw e;
    }
    if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status) {
      throw new ErrorResponseException(HttpStatusCode.valueOf(status));
    }
    // requested directly: there is no resource here
    throw new ErrorResponseException(HttpStatus.NOT_FOUND);
  }
}
