package org.llmstrategy.web;

import org.llmstrategy.recommend.Recommendation;
import org.llmstrategy.recommend.SweepResult;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every decision names its rules version in a header as well as in the body ({@value #NAME}), so
 * that a load balancer's log, a proxy or a curl -I shows which rules answered, and skew between
 * replicas shows without reading bodies.
 */
@ControllerAdvice
class RulesVersionHeader implements ResponseBodyAdvice<Object> {
  static final String NAME = "X-Rules-Version";

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    Class<?> type = returnType.getParameterType();
    return Recommendation.class.isAssignableFrom(type) || SweepResult.class.isAssignableFrom(type);
  }

  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType selectedContentType,
      Class<? extends HttpMessageConverter<?>> selectedConverterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    String version = null;
    if (body instanceof Recommendation r) {
      version = r.rulesVersion();
    } else if (body instanceof SweepResult s) {
      version = s.rulesVersion();
    }
    if (version != null) {
      response.getHeaders().set(NAME, version);
    }
    return body;
  }
}
