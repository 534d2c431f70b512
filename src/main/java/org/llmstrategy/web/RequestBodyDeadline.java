package org.llmstrategy.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request body without letting its client hold a request thread, within a deadline,
 * before the request goes on. A blocking read holds one of Tomcat's request threads for as long as
 * the client takes: a few hundred clients sending a byte every few seconds held all 200 and the
 * service answered nobody. What arrived with the headers is read at once (nearly every body does);
 * the rest of a body still on its way is collected by a non-blocking {@link ReadListener} (the
 * connection costs a socket and a small buffer, no thread); once it is complete the request is
 * dispatched again, with the body in memory, and goes through the rest of the filters to its
 * controller. A body that is not complete by {@code decision.request-body-timeout} is answered 408
 * and the connection closed.
 *
 * <p>At most {@link RequestSizeLimit#MAX_BODY_BYTES} + 1 bytes are collected: enough for {@link
 * RequestSizeLimit} to refuse the rest with 413 when the body is read; a declared length over the
 * limit is refused there without reading anything.
 *
 * <p>Registered by {@link RequestBodyDeadlineConfiguration}, for the server only: a MockMvc test
 * has no socket to wait on and no non-blocking reads.
 */
class RequestBodyDeadline extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(RequestBodyDeadline.class);
  private static final String BODY = RequestBodyDeadline.class.getName() + ".body";

  private final Duration timeout;

  RequestBodyDeadline(EdgeProperties properties) {
    this.timeout = properties.requestBodyTimeout();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getDispatcherType() == DispatcherType.ASYNC) {
      if (request.getAttribute(BODY) instanceof byte[] body) {
        request.removeAttribute(BODY);
        chain.doFilter(new BufferedBodyRequest(request, body), response);
      } else {
        chain.doFilter(request, response);
      }
      return;
    }
    if (!hasBody(request)
        || request.getContentLengthLong() > RequestSizeLimit.MAX_BODY_BYTES
        || !request.isAsyncSupported()) {
      chain.doFilter(request, response);
      return;
    }
    ServletInputStream in = request.getInputStream();
    ByteArrayOutputStream arrived = readWhatHasArrived(request, in);
    if (arrived.size() == request.getContentLengthLong()) {
      // the usual case: the whole body came with the headers, read without waiting for anything
      chain.doFilter(new BufferedBodyRequest(request, arrived.toByteArray()), response);
      return;
    }
    AsyncContext async = request.startAsync(request, response);
    async.setTimeout(timeout.toMillis());
    Collector collector = new Collector(async, request, response, in, arrived);
    async.addListener(collector);
    request.getInputStream().setReadListener(collector);
  }

  /** Runs again for the dispatch that carries the collected body. */
  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  /**
   * The part of a body of declared length that is already in the server's buffer, read without
   * blocking: {@code available()} counts only what has arrived, and a read of no more than that
   * returns at once. Going asynchronous costs two hand-overs between threads and a second pass
   * through the filters (see BENCHMARKS.md), so a request whose body came with its headers, as
   * nearly all do, never pays it; a body still on its way is collected as before, from here on.
   */
  private static ByteArrayOutputStream readWhatHasArrived(
      HttpServletRequest request, ServletInputStream in) throws IOException {
    long length = request.getContentLengthLong();
    ByteArrayOutputStream arrived = new ByteArrayOutputStream(length > 0 ? (int) length : 256);
    if (length <= 0) {
      return arrived; // chunked: its length is known only at its end
    }
    byte[] buffer = new byte[(int) Math.min(length, 8192)];
    while (arrived.size() < length) {
      int ready = in.available();
      if (ready <= 0) {
        break;
      }
      int n =
          in.read(
              buffer, 0, (int) Math.min(Math.min(ready, buffer.length), length - arrived.size()));
      if (n <= 0) {
        break;
      }
      arrived.write(buffer, 0, n);
    }
    return arrived;
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  /** Collects the body as it arrives; answers once: with the body, a 408, or not at all. */
  private final class Collector implements ReadListener, AsyncListener {
    private final AsyncContext async;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final ServletInputStream in;
    private final ByteArrayOutputStream body;
    private final byte[] buffer = new byte[8192];
    private final AtomicBoolean done = new AtomicBoolean();

    Collector(
        AsyncContext async,
        HttpServletRequest request,
        HttpServletResponse response,
        ServletInputStream in,
        ByteArrayOutputStream arrived) {
      this.body = arrived; // what came with the headers; the rest is added as it arrives
      this.async = async;
      this.request = request;
      this.response = response;
      this.in = in;
    }

    @Override
    public void onDataAvailable() throws IOException {
      while (!done.get() && in.isReady() && !in.isFinished()) {
        int n = in.read(buffer);
        if (n < 0) {
          return; // onAllDataRead follows
        }
        body.write(buffer, 0, n);
        if (body.size() > RequestSizeLimit.MAX_BODY_BYTES) {
          complete(); // enough to know it is too large; the rest is never read
          return;
        }
      }
    }

    @Override
    public void onAllDataRead() {
      complete();
    }

    private void complete() {
      if (done.compareAndSet(false, true)) {
        request.setAttribute(BODY, body.toByteArray());
        async.dispatch();
      }
    }

    @Override
    public void onTimeout(AsyncEvent event) throws IOException {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      log.info(
          "408 for {} {}: {} bytes of the body arrived in {}",
          request.getMethod(),
          request.getRequestURI(),
          body.size(),
          seconds(timeout));
      ProblemDetail problem =
          ProblemBodies.of(
              ProblemType.REQUEST_TIMEOUT,
              "The request body did not arrive within " + seconds(timeout) + "; send it at once.",
              null);
      ProblemBodies.setInstance(problem, request.getRequestURI());
      try {
        // the rest of the body is never read: the connection cannot carry another request
        response.setHeader(HttpHeaders.CONNECTION, "close");
        ProblemBodies.write(response, problem);
      } finally {
        async.complete();
      }
    }

    /** The client went away or the connection failed: nobody to answer. */
    @Override
    public void onError(Throwable t) {
      if (done.compareAndSet(false, true)) {
        log.debug("Request body of {} not read: {}", request.getRequestURI(), t.toString());
        async.complete();
      }
    }

    @Override
    public void onError(AsyncEvent event) {
      onError(event.getThrowable());
    }

    @Override
    public void onComplete(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** The request with its body in memory. */
  private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
    private final BufferedBody body;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = new BufferedBody(body);
    }

    @Override
    public ServletInputStream getInputStream() {
      return body;
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class BufferedBody extends ServletInputStream {
    private final ByteArrayInputStream in;

    BufferedBody(byte[] body) {
      this.in = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, len);
    }

    @Override
    public boolean isFinished() {
      return in.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new IllegalStateException("The body has been read already; read it blocking");
    }
  }
}
