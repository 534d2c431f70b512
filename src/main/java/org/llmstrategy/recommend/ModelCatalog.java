package org.llmstrategy.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.llmstrategy.facts.Catalog;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.problems.FieldProblem;
import org.llmstrategy.problems.InvalidRequestException;
import org.llmstrategy.rules.run.RuleSet;

/**
 * The model catalog a rule set describes (read from its workbook as data when the rule set was
 * built), and the request's own check against it.
 */
final class ModelCatalog {
  private ModelCatalog() {}

  static List<CatalogModel> of(RuleSet ruleSet) {
    return ruleSet.catalog().models();
  }

  /** How many names a refusal lists; GET /models pages through the rest. */
  private static final int NAMES_IN_A_MESSAGE = 20;

  /**
   * The reference model must be priced, and attempts may only name catalog models. Runs for every
   * request (two lookups by name): the lists for the message are only made when something is wrong.
   */
  static void check(Catalog catalog, Criteria criteria) {
    if (isPriced(catalog, criteria.referenceModel())
        && criteria.expectedAttempts().keySet().stream()
            .allMatch(n -> catalog.byName().containsKey(n))) {
      return;
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (!isPriced(catalog, criteria.referenceModel())) {
      List<String> priced =
          catalog.models().stream()
              .filter(CatalogModel::hasApiPrice)
              .map(CatalogModel::name)
              .toList();
      problems.add(
          new FieldProblem(
              "referenceModel",
              "must be a catalog model with an API price, one of " + listed(priced)));
    }
    String unknown =
        criteria.expectedAttempts().keySet().stream()
            .filter(n -> !catalog.byName().containsKey(n))
            .sorted()
            .collect(Collectors.joining(", "));
    if (!unknown.isEmpty()) {
      problems.add(
          new FieldProblem(
              "expectedAttempts",
              "names models the catalog lacks ("
                  + unknown
                  + "); catalog models: "
                  + listed(catalog.models().stream().map(CatalogModel::name).toList())));
    }
    if (!problems.isEmpty()) {
      throw InvalidRequestException.invalidFields(problems);
    }
  }

  /** The names, the first few of a long list and how many more (a catalog holds thousands). */
  private static String listed(List<String> names) {
    if (names.size() <= NAMES_IN_A_MESSAGE) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, NAMES_IN_A_MESSAGE))
        + " and "
        + (names.size() - NAMES_IN_A_MESSAGE)
        + " more (GET /models lists them all)";
  }

  private static boolean isPriced(Catalog catalog, String name) {
    CatalogModel m = name == null ? null : catalog.byName().get(name);
    return m != null && m.hasApiPrice();
  }
}
