package org.llmstrategy.web;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link RequestBodyDeadline} in front of everything but the security headers, for the first
 * dispatch of a request (where it starts reading) and the async one (where the body comes back). A
 * configuration rather than a component so that MockMvc slices, which have no connector, leave it
 * out.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
class RequestBodyDeadlineConfiguration {
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

  @Bean
  FilterRegistrationBean<RequestBodyDeadline> requestBodyDeadline(EdgeProperties properties) {
    var registration = new FilterRegistrationBean<>(new RequestBodyDeadline(properties));
    registration.setOrder(ORDER);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
    registration.setAsyncSupported(true);
    return registration;
  }
}
