package org.llmstrategy.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Compiles the rules once at start-up; any problem stops the service with file, sheet and cell. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesProperties.class)
class RulesConfiguration {
  private static final Logger log = LoggerFactory.getLogger(RulesConfiguration.class);

  @Bean
  RuleEngine ruleEngine(RulesProperties properties) {
    var files =
        properties.rulesDir() == null
            ? RuleFolder.readEmbedded()
            : RuleFolder.read(properties.rulesDir());
    RuleSet ruleSet = new RuleSetBuilder().build(properties.origin(), files);
    log.info(
        "Rules {} active: {} rules from {} files in {}",
        ruleSet.version(),
        ruleSet.ruleCount(),
        ruleSet.files().size(),
        ruleSet.origin());
    return new RuleEngine(ruleSet);
  }
}
