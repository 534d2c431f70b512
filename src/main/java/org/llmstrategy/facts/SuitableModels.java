package org.llmstrategy.facts;

import java.util.List;

/**
 * The catalog models that suit the recommended option, before the request's own filters: a list, so
 * that a catalog of thousands of models is one fact and one rule firing.
 */
public record SuitableModels(Option option, List<CatalogModel> models) {
  public SuitableModels {
    models = List.copyOf(models);
  }

  /**
   * Those with a retirement date: the few a retirement rule has to look at (a {@code from} over
   * this list, not over every suitable model).
   */
  public List<CatalogModel> withRetirementDates() {
    return models.stream().filter(m -> m.retirementDate() != null).toList();
  }

  /** The same, less the models given (e.g. the retired ones). */
  public SuitableModels without(List<?> removed) {
    java.util.Set<Object> gone =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    gone.addAll(removed);
    return new SuitableModels(option, models.stream().filter(m -> !gone.contains(m)).toList());
  }

  /** The names of the given models, for an exclusion the answer reports. */
  public static List<String> names(List<?> models) {
    return models.stream().map(m -> ((CatalogModel) m).name()).toList();
  }
}
