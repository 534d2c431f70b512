package org.llmstrategy.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model catalog of a rule set, read from the catalog workbook as data: one fact in every
 * decision instead of one fact per model, so a catalog of thousands of rows costs a request a pass
 * over a list, not thousands of insertions. Rules read its models with {@code from}.
 */
public record Catalog(List<CatalogModel> models, Map<String, CatalogModel> byName) {
  public static final Catalog EMPTY = of(List.of());

  public Catalog {
    models = List.copyOf(models);
    byName = Map.copyOf(byName);
  }

  public static Catalog of(List<CatalogModel> models) {
    Map<String, CatalogModel> byName = new HashMap<>();
    models.forEach(m -> byName.putIfAbsent(m.name(), m));
    return new Catalog(models, byName);
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
