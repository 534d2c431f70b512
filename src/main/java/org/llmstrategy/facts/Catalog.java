package org.llmstrategy.facts;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model catalog of a rule set, read from the catalog workbook as data: one fact in every
 * decision instead of one fact per model, so a catalog of thousands of rows costs a request a pass
 * over a list, not thousands of insertions. Rules read its models with {@code from}.
 *
 * <p>{@code priced} (the models with an input price), {@code openWeighted} (open or open-weight
 * licenses), the priced models by the quality they are rated at least ({@link #pricedRatedAtLeast})
 * and {@code tunable} (priced models the catalog says can be fine-tuned) and {@code
 * ratedOpenWeighted} (open models the analysts have rated: those that may price self-hosting) are
 * the same models picked out once per rule set, like an index: which of them suits an option is the
 * rules' choice, and a request that reads one of them does not pass over all models to find it
 * (each element a {@code from} reads costs a request a Drools fact handle). Made by {@link #of}.
 */
public record Catalog(
    List<CatalogModel> models,
    Map<String, CatalogModel> byName,
    List<CatalogModel> priced,
    List<CatalogModel> openWeighted,
    Map<Quality, List<CatalogModel>> pricedByLeastQuality,
    List<CatalogModel> tunable,
    List<CatalogModel> ratedOpenWeighted) {
  public static final Catalog EMPTY = of(List.of());

  public Catalog {
    models = List.copyOf(models);
    byName = Map.copyOf(byName);
    priced = List.copyOf(priced);
    openWeighted = List.copyOf(openWeighted);
    pricedByLeastQuality = Map.copyOf(pricedByLeastQuality);
    tunable = List.copyOf(tunable);
    ratedOpenWeighted = List.copyOf(ratedOpenWeighted);
  }

  public static Catalog of(List<CatalogModel> models) {
    Map<String, CatalogModel> byName = new HashMap<>();
    models.forEach(m -> byName.putIfAbsent(m.name(), m));
    List<CatalogModel> priced = models.stream().filter(CatalogModel::hasApiPrice).toList();
    Map<Quality, List<CatalogModel>> byLeastQuality = new EnumMap<>(Quality.class);
    for (Quality q : Quality.values()) {
      byLeastQuality.put(
          q,
          priced.stream()
              .filter(m -> m.quality() != null && m.quality().ordinal() >= q.ordinal())
              .toList());
    }
    return new Catalog(
        models,
        byName,
        priced,
        models.stream().filter(CatalogModel::openWeights).toList(),
        byLeastQuality,
        priced.stream().filter(m -> Boolean.TRUE.equals(m.fineTunable())).toList(),
        models.stream().filter(m -> m.openWeights() && m.quality() != null).toList());
  }

  /**
   * The priced models rated {@code quality} or better; with no quality to reach (null), every
   * priced model, rated or not.
   */
  public List<CatalogModel> pricedRatedAtLeast(Quality quality) {
    return quality == null ? priced : pricedByLeastQuality.get(quality);
  }

  /** The model of that name, as a list of none or one (what a rule's {@code from} reads). */
  public List<CatalogModel> named(String name) {
    CatalogModel m = name == null ? null : byName.get(name);
    return m == null ? List.of() : List.of(m);
  }

  public int size() {
    return models.size();
  }

  @Override
  public String toString() {
    return "Catalog[" + models.size() + " models]";
  }
}
