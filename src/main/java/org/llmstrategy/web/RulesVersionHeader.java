package org.llmstrategy.web;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import org.llmstrategy.recommend.Recommendation;
import org.llmstrategy.recommend.sweep.SweepResult;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
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

  /** The header in the published contract, on the answers that carry it. */
  @Bean
  OpenApiCustomizer rulesVersionHeaderDocumentation() {
    return openApi ->
        java.util.stream.Stream.of("/recommend", "/recommend/sweep")
            .map(path -> openApi.getPaths() == null ? null : openApi.getPaths().get(path))
            .filter(java.util.Objects::nonNull)
            .map(item -> item.getPost() == null ? null : item.getPost().getResponses())
            .filter(responses -> responses != null && responses.get("200") != null)
            .forEach(
                responses ->
                    responses
                        .get("200")
                        .addHeaderObject(
                            NAME,
                            new Header()
                                .description("The body's rulesVersion: which rules answered")
                                .schema(new StringSchema())));
  }

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
