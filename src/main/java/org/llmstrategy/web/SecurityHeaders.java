package org.llmstrategy.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers browsers expect, on every answer (the page, Swagger UI, the API, errors): a content
 * security policy that lets a page run only the scripts and styles the service itself serves (the
 * report page has no inline script or style, and Chart.js comes from the jar), no framing by other
 * sites, no sniffing of content types, no referrer sent to other sites.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders extends OncePerRequestFilter {
  /**
   * data: images for Swagger UI's icons, which its stylesheet inlines; nothing else is inline.
   * form-action: the report page submits through script, Swagger UI through fetch.
   */
  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "font-src 'self'",
          "connect-src 'self'",
          "object-src 'none'",
          "base-uri 'none'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  /**
   * Swagger UI's bundle sets an inline style, which the strict policy blocks (Chromium reports it
   * in the console); its pages, and only those, may. Scripts stay the service's own files.
   */
  static final String SWAGGER_UI_POLICY =
      CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

  static final String SWAGGER_UI_PATH = "/swagger-ui/";

  static final Map<String, String> OTHER_HEADERS =
      Map.of(
          "X-Content-Type-Options", "nosniff",
          // frame-ancestors for browsers that know CSP, X-Frame-Options for those that do not
          "X-Frame-Options", "DENY",
          "Referrer-Policy", "no-referrer");

  static void addTo(HttpServletResponse response, String path) {
    boolean swaggerUi = path != null && path.startsWith(SWAGGER_UI_PATH);
    response.setHeader(
        "Content-Security-Policy", swaggerUi ? SWAGGER_UI_POLICY : CONTENT_SECURITY_POLICY);
    OTHER_HEADERS.forEach(response::setHeader);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    addTo(response, request.getRequestURI());
    chain.doFilter(request, response);
  }
}
