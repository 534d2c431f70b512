package org.llmstrategy.recommend;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import org.llmstrategy.facts.Option;
import org.llmstrategy.recommend.request.CriteriaMapping;
import org.llmstrategy.recommend.request.CriteriaReader;
import org.llmstrategy.recommend.request.CriteriaRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /recommend: read the criteria strictly, map them, let the rules decide, keep the answer on
 * record and serve it.
 */
@RestController
class RecommendController implements RecommendApi {
  static final String RULES_VERSION = "X-Rules-Version";
  static final String DECISION_ID = "X-Decision-Id";

  private final Recommender recommender;
  private final CriteriaReader reader;
  private final DecisionMetrics metrics;
  private final JsonMapper json;
  private final DecisionLog log;

  RecommendController(
      Recommender recommender,
      Validator validator,
      ObjectProvider<MeterRegistry> meters,
      JsonMapper json,
      ObjectProvider<DecisionLog> log) {
    this.recommender = recommender;
    this.reader = new CriteriaReader(validator);
    this.metrics = new DecisionMetrics(meters.getIfAvailable(SimpleMeterRegistry::new));
    this.json = json;
    this.log = log.getIfAvailable(() -> DecisionLog.NONE);
  }

  /**
   * The raw body, not a bound object: binding would stop at the first bad field. The answer is
   * serialised here, once, by the same mapper Spring MVC would use: those bytes are served and
   * those bytes are kept, so the record is the answer exactly as served.
   */
  @PostMapping(
      path = "/recommend",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Override
  public ResponseEntity<byte[]> recommend(
      InputStream body, @RequestParam(name = "explain", required = false) String explain)
      throws IOException {
    JsonNode sent = CriteriaReader.parse(body.readAllBytes());
    CriteriaRequest request = reader.read(sent);
    boolean flips = ExplainParameter.wantsFlips(explain);
    Recommendation answer =
        metrics.decide(
            () ->
                flips
                    ? recommender.recommendWithFlips(CriteriaMapping.toCriteria(request))
                    : recommender.recommend(CriteriaMapping.toCriteria(request)));
    byte[] served = json.writeValueAsBytes(answer);
    Option chosen = answer.deployment() == null ? null : answer.deployment().recommendation();
    String id = log.keep(answer.rulesVersion(), chosen, flips, sent, served);
    ResponseEntity.BodyBuilder ok =
        ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .header(RULES_VERSION, answer.rulesVersion());
    if (id != null) {
      ok.header(DECISION_ID, id).header(HttpHeaders.LOCATION, "/decisions/" + id);
    }
    return ok.body(served);
  }
}
