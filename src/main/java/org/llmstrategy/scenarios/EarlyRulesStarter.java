package org.llmstrategy.scenarios;

import org.llmstrategy.rules.live.EarlyRules;
import org.llmstrategy.rules.live.RulesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts loading the rules and running their scenarios as soon as the configuration is known,
 * before Spring creates the application context, and hands the result to the rule engine bean
 * ({@link EarlyRules}). The scenarios run with the same strict request reader as the bean's check;
 * listed in {@code META-INF/spring.factories}.
 */
public class EarlyRulesStarter implements SpringApplicationRunListener {
  private static final Logger log = LoggerFactory.getLogger(EarlyRulesStarter.class);

  private EarlyRules early;

  public EarlyRulesStarter(SpringApplication application, String[] args) {}

  @Override
  public void environmentPrepared(
      ConfigurableBootstrapContext bootstrap, ConfigurableEnvironment environment) {
    if (!environment.getProperty("decision.rules-git-uri", "").isBlank()) {
      return; // the rules come from a repository, fetched when the context is made
    }
    try {
      RulesProperties properties =
          Binder.get(environment).bindOrCreate("decision", RulesProperties.class);
      early = EarlyRules.start(properties, ScenarioRunner::standalone);
    } catch (RuntimeException e) { // the bean binds the properties again and says what is wrong
      log.debug("Rules not loaded early", e);
    }
  }

  @Override
  public void contextPrepared(ConfigurableApplicationContext context) {
    if (early != null) {
      context.getBeanFactory().registerSingleton("earlyRules", early);
    }
  }
}
