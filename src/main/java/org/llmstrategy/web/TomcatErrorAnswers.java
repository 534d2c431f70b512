package org.llmstrategy.web;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Problem+json for the errors Tomcat answers itself, before any of the service's code runs: a
 * request line or headers too long for {@code server.max-http-request-header-size}, a path that is
 * not %-encoded UTF-8, a malformed request line. Tomcat's own error report valve answered them with
 * an HTML page; this one answers with the service's problem body and the security headers, and logs
 * one line (Tomcat's own log of the parse error, with its stack trace, is turned down in
 * application.properties).
 */
@Component
class TomcatErrorAnswers
    implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

  @Override
  public void customize(ConfigurableTomcatWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof StandardHost host) {
            // the host adds a valve of this class at start unless one is there
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
              if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
              }
            }
            pipeline.addValve(new ProblemReportValve());
          }
        });
  }

  /** After Boot's own customizer, which adds Tomcat's report valve that this one replaces. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Public, with a public constructor: the host may create it by class name. */
  public static class ProblemReportValve extends ErrorReportValve {
    private static final Logger log = LoggerFactory.getLogger(TomcatErrorAnswers.class);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      // as Tomcat's valve: only an error nobody has answered yet
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean();
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      log.info(
          "{} answered before the service: the request line or headers cannot be read ({})",
          status,
          printable(request.getRequestURI()));
      ProblemDetail body = body(status);
      try {
        SecurityHeaders.addTo(response, null);
        ProblemBodies.write(response, body);
        response.finishResponse();
      } catch (java.io.IOException | IllegalStateException clientGone) {
        // nobody to answer
      }
    }

    private static ProblemDetail body(int status) {
      if (status == 400) {
        return ProblemBodies.of(ProblemType.UNREADABLE_REQUEST, null);
      }
      return ProblemType.forStatus(status)
          .map(type -> ProblemBodies.of(type, null))
          .orElseGet(
              () -> {
                ProblemDetail plain = ProblemDetail.forStatus(HttpStatusCode.valueOf(status));
                plain.setDetail("The request cannot be answered as sent.");
                return plain;
              });
    }

    /** At most 100 printable ASCII characters of what may be an unparsed request target. */
    private static String printable(String uri) {
      if (uri == null || uri.isEmpty()) {
        return "no path";
      }
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < uri.length() && out.length() < 100; i++) {
        char c = uri.charAt(i);
        out.append(c >= 0x20 && c < 0x7f ? c : '?');
      }
      return uri.length() > 100 ? out + "… (" + uri.length() + " characters)" : out.toString();
    }
  }
}
