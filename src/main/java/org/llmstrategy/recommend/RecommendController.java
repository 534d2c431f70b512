package org.llmstrategy.recommend;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import org.llmstrategy.recommend.request.CriteriaMapping;
import org.llmstrategy.recommend.request.CriteriaReader;
import org.llmstrategy.recommend.request.CriteriaRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** POST /recommend: read the criteria strictly, map them, let the rules decide. */
@RestController
class RecommendController implements RecommendApi {
  private final Recommender recommender;
  private final CriteriaReader reader;
  private final DecisionMetrics metrics;

  RecommendController(
      Recommender recommender, Validator validator, ObjectProvider<MeterRegistry> meters) {
    this.recommender = recommender;
    this.reader = new CriteriaReader(validator);
    this.metrics = new DecisionMetrics(meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  /** The raw body, not a bound object: binding would stop at the first bad field. */
  @PostMapping(
      path = "/recommend",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Override
  public Recommendation recommend(
      InputStream body, @RequestParam(name = "explain", required = false) String explain)
      throws IOException {
    CriteriaRequest request = reader.read(body.readAllBytes());
    boolean flips = ExplainParameter.wantsFlips(explain);
    return metrics.decide(
        () ->
            flips
                ? recommender.recommendWithFlips(CriteriaMapping.toCriteria(request))
                : recommender.recommend(CriteriaMapping.toCriteria(request)));
  }
}
