package org.llmstrategy.recommend;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Named request examples of POST /recommend with the service's real answers as the 200 examples.
 * The pairs live in {@code openapi-examples/NAME.request.json} and {@code NAME.response.json};
 * RecommendExamplesTest keeps each response the answer the shipped rules give.
 */
@Configuration(proxyBeanMethods = false)
class RecommendExamples {
  /** Name and one-line summary of each pair, in the order Swagger UI lists them. */
  static final Map<String, String> EXAMPLES = new LinkedHashMap<>();

  static {
    EXAMPLES.put("startup-in-days", "A startup: public data, live in days, no budget, no team");
    EXAMPLES.put("regulated-bank", "A regulated bank: data stays in house, months, a full team");
    EXAMPLES.put("heavy-volume", "Heavy volume: 20 billion tokens a month, full control");
    EXAMPLES.put("infeasible", "Infeasible: regulated data, live in days");
  }

  static final String DIR = "openapi-examples/";

  @Bean
  OpenApiCustomizer recommendExampleCustomizer() {
    return openApi -> {
      var post = openApi.getPaths().get("/recommend").getPost();
      MediaType request = post.getRequestBody().getContent().get("application/json");
      ApiResponse ok = post.getResponses().get("200");
      MediaType answer = ok.getContent().get("application/json");
      EXAMPLES.forEach(
          (name, summary) -> {
            request.addExamples(name, example(summary, read(name + ".request.json")));
            answer.addExamples(name, example(summary, read(name + ".response.json")));
          });
    };
  }

  private static Example example(String summary, Object value) {
    return new Example().summary(summary).value(value);
  }

  static Object read(String file) {
    try (InputStream in =
        RecommendExamples.class.getClassLoader().getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("missing example " + DIR + file);
      }
      return JsonMapper.shared().readValue(in, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> names() {
    return List.copyOf(EXAMPLES.keySet());
  }
}
