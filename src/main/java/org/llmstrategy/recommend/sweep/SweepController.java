package org.llmstrategy.recommend.sweep;

import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import org.llmstrategy.recommend.Recommender;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** POST /recommend/sweep: one request decided along one field, with one rule set. */
@RestController
class SweepController implements SweepApi {
  private final Recommender recommender;
  private final SweepReader reader;

  SweepController(Recommender recommender, Validator validator) {
    this.recommender = recommender;
    this.reader = new SweepReader(validator);
  }

  @PostMapping(
      path = "/recommend/sweep",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Override
  public SweepResult sweep(InputStream body) throws IOException {
    SweepReader.Plan plan = reader.read(body.readAllBytes());
    return Sweep.run(recommender, recommender.active(), plan, recommender.today());
  }
}
