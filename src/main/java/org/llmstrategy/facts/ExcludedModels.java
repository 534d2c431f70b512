package org.llmstrategy.facts;

import java.util.List;

/** The catalog models a filter kept out of the candidates, and which filter. */
public record ExcludedModels(String filter, List<String> models) {
  public ExcludedModels {
    models = List.copyOf(models);
  }
}
