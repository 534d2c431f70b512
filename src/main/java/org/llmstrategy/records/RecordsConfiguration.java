package org.llmstrategy.records;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validator;
import java.time.Clock;
import javax.sql.DataSource;
import org.llmstrategy.recommend.RecentTraffic;
import org.llmstrategy.recommend.request.CriteriaReader;
import org.llmstrategy.rules.live.RulesReloader;
import org.llmstrategy.rules.live.RulesStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions on record, unless {@code decision.records.enabled=false}: then none of these beans
 * exists, POST /recommend keeps nothing and gives no id, /decisions answers 404, and no database is
 * opened (application.properties turns Flyway and the database health off with it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "decision.records.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RecordsProperties.class)
class RecordsConfiguration {
  /** Named by the database in words (no credentials), for a 503, the health and the log. */
  @Bean
  RecordsHealth decisionRecordsHealthIndicator(
      @Value("${spring.datasource.url:}") String url, Clock clock) {
    return new RecordsHealth(DatabaseName.of(url), clock);
  }

  @Bean
  @DependsOnDatabaseInitialization
  DecisionStore decisionStore(DataSource dataSource, RecordsHealth health) {
    DecisionStore store = new DecisionStore(dataSource);
    health.watch(store);
    return store;
  }

  @Bean(destroyMethod = "close")
  GroupCommit decisionRecordsWriter(
      DecisionStore store,
      RecordsProperties properties,
      RecordsHealth health,
      ObjectProvider<MeterRegistry> meters) {
    return new GroupCommit(
        store,
        health.database(),
        properties.maxBatch(),
        properties.commitDelay(),
        properties.writeTimeout(),
        health,
        meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  /** The commit of the rules that decided: the active set's, when it is the one that decided. */
  @Bean
  DecisionRecords decisionRecords(GroupCommit writer, Clock clock, RulesReloader reloader) {
    JsonMapper requests =
        JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    return new DecisionRecords(
        writer,
        clock,
        version -> {
          RulesStatus.Active active = reloader.status().active();
          return active != null && active.commit() != null && version.equals(active.rulesVersion())
              ? active.commit().id()
              : null;
        },
        requests);
  }

  /** The replay of recent traffic reads the records: every replica alike, across restarts. */
  @Bean
  @Primary
  RecentTraffic storedTraffic(
      DecisionStore store,
      Validator validator,
      @Value("${decision.recent-requests:200}") int size) {
    if (size < 0) {
      throw new IllegalArgumentException("decision.recent-requests must be 0 or more");
    }
    return new StoredTraffic(store, new CriteriaReader(validator), size);
  }

  @Bean
  CriteriaReader decisionsCriteriaReader(Validator validator) {
    return new CriteriaReader(validator);
  }

  @Bean(destroyMethod = "close")
  RecordsSweeper decisionRecordsSweeper(
      DecisionStore store, RecordsProperties properties, Clock clock) {
    return new RecordsSweeper(store, properties.retention(), properties.sweepEvery(), clock);
  }
}
