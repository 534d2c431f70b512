package org.llmstrategy.recommend;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /models: the catalog of the active rule set, in the shape of a recommendation's models. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Models", description = "The model catalog")
class ModelsController {
  private final Recommender recommender;

  ModelsController(Recommender recommender) {
    this.recommender = recommender;
  }

  @Operation(
      summary = "The model catalog",
      description =
          "Every model of rules/models/ModelCatalog.drl.xlsx. monthlyUsd and costPerTaskUsd are"
              + " null here: they belong to a recommendation's candidates.")
  @GetMapping(path = "/models", produces = MediaType.APPLICATION_JSON_VALUE)
  List<ModelView> models() {
    return recommender.catalog().stream().map(ModelView::of).toList();
  }
}
