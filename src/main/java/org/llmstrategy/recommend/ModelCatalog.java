package org.llmstrategy.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.llmstrategy.facts.Catalog;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Gpu;
import org.llmstrategy.facts.ReferenceData;
import org.llmstrategy.facts.SelfHostInputs;
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
  static void check(ReferenceData data, Criteria criteria) {
    Catalog catalog = data.catalog();
    if (isPriced(catalog, criteria.referenceModel())
        && criteria.expectedAttempts().keySet().stream()
            .allMatch(n -> catalog.byName().containsKey(n))
        && criteria.selfHost() == null) {
      return;
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (criteria.selfHost() != null) {
      selfHostProblems(data, criteria.selfHost(), problems);
    }
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

  /**
   * selfHost's model must be an open model of the catalog, its GPU one of the GPU table; a GPU the
   * serving table has no row for is only priced when the quote gives its own tokens/s.
   */
  private static void selfHostProblems(
      ReferenceData data, SelfHostInputs quote, List<FieldProblem> problems) {
    if (quote.model() != null) {
      CatalogModel m = data.catalog().byName().get(quote.model());
      if (m == null || !m.openWeights()) {
        problems.add(
            new FieldProblem(
                "selfHost.model",
                (m == null ? "is not in the catalog" : "has no open weights to self-host")
                    + "; open models: "
                    + listed(
                        data.catalog().openWeighted().stream().map(CatalogModel::name).toList())));
      }
    }
    if (quote.gpu() != null && data.gpu(quote.gpu()) == null) {
      problems.add(
          new FieldProblem(
              "selfHost.gpu",
              "is not in the GPU table; GPUs: "
                  + listed(data.gpus().stream().map(Gpu::name).toList())));
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
