package org.llmstrategy.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables of a rule set that only describe things, read as data once when the rule set is built
 * and owned by it: the model catalog (with its indexes), the self-host setups, the option terms and
 * the constants (how many candidates an answer lists, how far ahead retirements are looked for, the
 * self-host defaults, the default horizon options are compared on), the GPU table and the serving
 * table (how fast a GPU serves a model), and the levers (which request fields an organisation can
 * change, and which way: what it would take proposes only those). A constant is null when the rules
 * folder has no constants workbook, as a rule set without the rule that set it had none. Rules read
 * it as one fact, its lists with {@code from}.
 */
public record ReferenceData(
    Catalog catalog,
    List<SelfHostSetup> selfHostSetups,
    List<OptionTerms> optionTerms,
    CandidateListing candidateListing,
    DeprecationHorizon deprecationHorizon,
    List<Gpu> gpus,
    List<ServingRate> servingRates,
    SelfHostDefaults selfHostDefaults,
    ComparisonHorizon comparisonHorizon,
    List<Lever> levers) {
  public static final ReferenceData EMPTY =
      new ReferenceData(Catalog.EMPTY, List.of(), List.of(), null, null);

  public ReferenceData {
    selfHostSetups = List.copyOf(selfHostSetups);
    optionTerms = List.copyOf(optionTerms);
    gpus = List.copyOf(gpus);
    servingRates = List.copyOf(servingRates);
    levers = List.copyOf(levers);
  }

  /** Reference data without GPU and serving tables: self-hosting is the setups' staircase only. */
  public ReferenceData(
      Catalog catalog,
      List<SelfHostSetup> selfHostSetups,
      List<OptionTerms> optionTerms,
      CandidateListing candidateListing,
      DeprecationHorizon deprecationHorizon) {
    this(
        catalog,
        selfHostSetups,
        optionTerms,
        candidateListing,
        deprecationHorizon,
        List.of(),
        List.of(),
        null,
        null,
        List.of());
  }

  /** The GPU of that name (capitals aside), or null. */
  public Gpu gpu(String name) {
    for (Gpu g : gpus) {
      if (g.name().equalsIgnoreCase(name)) {
        return g;
      }
    }
    return null;
  }

  /**
   * What a decision is given: this (the setups and terms, read with {@code from}), the catalog, and
   * one fact per constant the folder sets, which the rules match like any fact.
   */
  public List<Object> facts() {
    List<Object> facts = new ArrayList<>(List.of(this, catalog));
    if (candidateListing != null) {
      facts.add(candidateListing);
    }
    if (deprecationHorizon != null) {
      facts.add(deprecationHorizon);
    }
    if (comparisonHorizon != null) {
      facts.add(comparisonHorizon);
    }
    return List.copyOf(facts);
  }

  /** By identity: one per rule set, and hashing thousands of models per decision is waste. */
  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public String toString() {
    return "ReferenceData["
        + catalog
        + ", "
        + selfHostSetups.size()
        + " setups, "
        + optionTerms.size()
        + " option terms, "
        + gpus.size()
        + " GPUs, "
        + servingRates.size()
        + " serving rates]";
  }
}
