package org.llmstrategy.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's info block; operations and schemas come from the annotations. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
  static final String API_VERSION = "0.1.0";

  @Bean
  OpenAPI openApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("LLM strategy decision service")
                .version(API_VERSION)
                .description(
                    "Recommends whether to call an LLM API, fine-tune a hosted model or self-host"
                        + " one, from a team's data sensitivity, volume, budget, time and skills."
                        + " Every answer names the rule set version and the rules that decided it,"
                        + " down to the spreadsheet row.")
                .license(new License().name("Apache-2.0")));
  }
}
