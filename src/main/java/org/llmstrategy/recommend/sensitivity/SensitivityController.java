package org.llmstrategy.recommend.sensitivity;

import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import org.llmstrategy.recommend.Recommender;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** POST /recommend/sensitivity: each numeric input moved down and up, decided with one rule set. */
@RestController
class SensitivityController implements SensitivityApi {
  private final Recommender recommender;
  private final SensitivityReader reader;

  SensitivityController(Recommender recommender, Validator validator) {
    this.recommender = recommender;
    this.reader = new SensitivityReader(validator);
  }

  @PostMapping(
      path = "/recommend/sensitivity",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Override
  public SensitivityResult sensitivity(InputStream body) throws IOException {
    SensitivityReader.Plan plan = reader.read(body.readAllBytes());
    return Sensitivity.run(recommender, recommender.active(), plan, recommender.today());
  }
}
