package org.llmstrategy.facts;

import java.util.List;

/**
 * The models that may price and serve an option under the request's filters, as the rules chose
 * them (decision/Cost.drl): the option's cost is the cheapest of them, and its candidates in {@code
 * models[]} are these, priced the same way, so one set of models runs through the answer. Empty: no
 * model qualifies, and the option is blocked naming the filter.
 */
public record OptionModels(Option option, List<CatalogModel> models) {
  public OptionModels {
    models = List.copyOf(models);
  }

  public boolean isEmpty() {
    return models.isEmpty();
  }
}
