package org.llmstrategy.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.rules.RuleEngine;
import org.llmstrategy.rules.RuleSet;
import org.llmstrategy.web.FieldProblem;
import org.llmstrategy.web.InvalidRequestException;

/**
 * The model catalog a rule set describes. The catalog workbook's rows have no conditions, so a run
 * with no facts publishes exactly the catalog; it is read once per rule-set version.
 */
final class ModelCatalog {
  /** The catalog of the rule set asked for last; rule sets compare by identity, not content. */
  private record Cached(RuleSet ruleSet, List<CatalogModel> catalog) {}

  private static volatile Cached last = new Cached(null, List.of());

  private ModelCatalog() {}

  static List<CatalogModel> of(RuleSet ruleSet) {
    Cached cached = last;
    if (cached.ruleSet() != ruleSet) {
      List<CatalogModel> catalog =
          RuleEngine.evaluate(ruleSet, List.of()).facts(CatalogModel.class).stream()
              .distinct()
              .toList();
      cached = new Cached(ruleSet, catalog);
      last = cached;
    }
    return cached.catalog();
  }

  /**
   * The reference model must be priced, and attempts may only name catalog models. Runs for every
   * request: the lists for the message are only made when something is wrong.
   */
  static void check(List<CatalogModel> catalog, Criteria criteria) {
    if (isPriced(catalog, criteria.getReferenceModel())
        && criteria.getExpectedAttempts().keySet().stream().allMatch(n -> isListed(catalog, n))) {
      return;
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (!isPriced(catalog, criteria.getReferenceModel())) {
      List<String> priced =
          catalog.stream().filter(CatalogModel::hasApiPrice).map(CatalogModel::name).toList();
      problems.add(
          new FieldProblem(
              "referenceModel",
              "must be a catalog model with an API price, one of " + String.join(", ", priced)));
    }
    List<String> names = catalog.stream().map(CatalogModel::name).toList();
    String unknown =
        criteria.getExpectedAttempts().keySet().stream()
            .filter(n -> !names.contains(n))
            .sorted()
            .collect(Collectors.joining(", "));
    if (!unknown.isEmpty()) {
      problems.add(
          new FieldProblem(
              "expectedAttempts",
              "names models the catalog lacks ("
                  + unknown
                  + "); catalog models: "
                  + String.join(", ", names)));
    }
    if (!problems.isEmpty()) {
      throw InvalidRequestException.invalidFields(problems);
    }
  }

  private static boolean isPriced(List<CatalogModel> catalog, String name) {
    for (CatalogModel m : catalog) {
      if (m.name().equals(name) && m.hasApiPrice()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isListed(List<CatalogModel> catalog, String name) {
    for (CatalogModel m : catalog) {
      if (m.name().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
