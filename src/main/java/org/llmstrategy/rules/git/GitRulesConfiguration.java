package org.llmstrategy.rules.git;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.llmstrategy.rules.live.RulesReloader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code decision.rules-git-uri}, the rules come from that repository instead of a folder: its
 * source replaces the folder's in the rules configuration, and a poller follows it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${decision.rules-git-uri:}' != ''")
@EnableConfigurationProperties(GitRulesProperties.class)
class GitRulesConfiguration {

  @Bean(destroyMethod = "close")
  GitRulesSource gitRulesSource(
      GitRulesProperties properties,
      MeterRegistry meters,
      Clock clock,
      @Value("${decision.rules-dir:}") String rulesDir) {
    if (!rulesDir.isBlank()) {
      throw new RulesRepositoryException(
          GitRulesRepository.location(properties),
          "decision.rules-dir is set as well; set one source of rules, the folder or the"
              + " repository");
    }
    return GitRulesSource.open(properties, meters, clock);
  }

  @Bean
  GitRulesPoller gitRulesPoller(
      GitRulesSource source, RulesReloader reloader, GitRulesProperties properties) {
    return new GitRulesPoller(source, reloader, properties.rulesGitPoll());
  }
}
