package org.llmstrategy.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over 64 KiB. Counts the bytes actually read rather than trusting
 * Content-Length, so chunked bodies are limited too; a declared length over the limit fails on the
 * first read. The exception reaches {@link ProblemAdvice} through whoever reads the body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class RequestSizeLimit extends OncePerRequestFilter {
  static final int MAX_BODY_BYTES = 64 * 1024;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new LimitedRequest(request), response);
  }

  /** The body read off the request thread (RequestBodyDeadline) comes back in an async dispatch. */
  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private ServletInputStream limited;

    LimitedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        limited = new LimitedInputStream(super.getInputStream(), getContentLengthLong());
      }
      return limited;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long declaredLength;
    private long count;

    LimitedInputStream(ServletInputStream in, long declaredLength) {
      this.in = in;
      this.declaredLength = declaredLength;
    }

    @Override
    public int read() throws IOException {
      checkBefore();
      int b = in.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      checkBefore();
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void checkBefore() throws RequestTooLargeException {
      if (declaredLength > MAX_BODY_BYTES || count > MAX_BODY_BYTES) {
        throw new RequestTooLargeException(MAX_BODY_BYTES);
      }
    }

    private void counted(int n) throws RequestTooLargeException {
      count += n;
      if (count > MAX_BODY_BYTES) {
        throw new RequestTooLargeException(MAX_BODY_BYTES);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
