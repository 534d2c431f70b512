package org.llmstrategy.rules;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Compiles and checks the rules once at start-up; any problem stops the service with file, sheet
 * and cell. With a rules folder, watches it and takes green changes live.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesProperties.class)
class RulesConfiguration {
  private static final Logger log = LoggerFactory.getLogger(RulesConfiguration.class);

  @Bean
  RuleEngine ruleEngine(RulesProperties properties, ObjectProvider<CandidateCheck> checks) {
    CandidateCheck check = checks.getIfAvailable(() -> CandidateCheck.NONE);
    var files =
        properties.rulesDir() == null
            ? RuleFolder.readEmbedded()
            : RuleFolder.read(properties.rulesDir());
    RuleSet ruleSet =
        PrecompiledRules.load(properties.origin(), files)
            .orElseGet(() -> new RuleSetBuilder().build(properties.origin(), files));
    CandidateCheck.Report report = check.check(ruleSet, null);
    if (!report.failures().isEmpty()) {
      throw new RuleSetRejectedException(properties.origin(), report.failures());
    }
    log.info(
        "Rules {} active: {} rules from {} files in {}, {} scenarios pass",
        ruleSet.version(),
        ruleSet.ruleCount(),
        ruleSet.files().size(),
        ruleSet.origin(),
        report.checked());
    return new RuleEngine(ruleSet, report.checked());
  }

  @Bean
  RulesReloader rulesReloader(
      RuleEngine engine,
      ObjectProvider<CandidateCheck> checks,
      RulesProperties properties,
      MeterRegistry meters) {
    return new RulesReloader(
        engine,
        new RuleSetBuilder(),
        checks.getIfAvailable(() -> CandidateCheck.NONE),
        properties.rulesDir(),
        meters,
        Clock.systemUTC(),
        engine.activeScenarioCount());
  }

  @Bean
  @ConditionalOnExpression("'${decision.rules-dir:}' != '' and ${decision.watch:true}")
  RulesFolderWatcher rulesFolderWatcher(RulesProperties properties, RulesReloader reloader) {
    return new RulesFolderWatcher(
        properties.rulesDir(), properties.reloadSettle(), reloader::reload);
  }
}
