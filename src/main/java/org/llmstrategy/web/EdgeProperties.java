package org.llmstrategy.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operational limits of the HTTP edge.
 *
 * @param requestBodyTimeout how long a client may take to send a whole request body, from the end
 *     of its headers (default 10 s; env {@code DECISION_REQUEST_BODY_TIMEOUT}); a slower one is
 *     answered 408 and its connection closed
 */
@ConfigurationProperties("decision")
record EdgeProperties(@DefaultValue("10s") Duration requestBodyTimeout) {}
