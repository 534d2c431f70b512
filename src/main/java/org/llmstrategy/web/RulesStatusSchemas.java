package org.llmstrategy.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.llmstrategy.rules.live.RulesStatus;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * GET /rules in the published contract. Its located problems share the simple name Problem with the
 * RFC 9457 body, and the schema generator keeps one of the two: publish them as RuleProblem. A
 * first attempt has no candidate version: say it may be null.
 */
@Configuration(proxyBeanMethods = false)
class RulesStatusSchemas {
  static final String RULE_PROBLEM = "RuleProblem";

  @Bean
  OpenApiCustomizer rulesStatusSchemaCustomizer() {
    return openApi -> {
      @SuppressWarnings("rawtypes")
      Map<String, Schema> schemas = openApi.getComponents().getSchemas();
      Schema<?> located =
          ModelConverters.getInstance(true)
              .readAllAsResolvedSchema(RulesStatus.Problem.class)
              .schema;
      located.setName(RULE_PROBLEM);
      located.setDescription("A rule problem located as FILE!SHEET!CELL, as precisely as known");
      // a DRL file has no sheet or cell; a problem of the whole rule set no file
      for (String nullable : List.of("file", "sheet", "cell")) {
        ContractSchemas.markNullable(located.getProperties().get(nullable));
      }
      schemas.put(RULE_PROBLEM, located);
      Schema<?> attempt = schemas.get("Attempt");
      if (attempt == null || attempt.getProperties() == null) {
        return;
      }
      for (String list : Set.of("problems", "failingScenarios")) {
        Schema<?> items = attempt.getProperties().get(list);
        if (items != null && items.getItems() != null) {
          items.setItems(new Schema<>().$ref("#/components/schemas/" + RULE_PROBLEM));
        }
      }
      Schema<?> candidate = attempt.getProperties().get("candidateVersion");
      if (candidate != null) {
        candidate.setTypes(new java.util.LinkedHashSet<>(List.of("string", "null")));
        candidate.setDescription("The version the attempt built; null when it built none");
      }
    };
  }
}
