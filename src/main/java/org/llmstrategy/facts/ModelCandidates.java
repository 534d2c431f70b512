package org.llmstrategy.facts;

import java.math.BigDecimal;
import java.util.List;

/**
 * The candidates for the recommended option: the first {@code listed} of those that met the
 * filters, cheapest first, each priced at the request's volume; {@code matched} counts them all.
 */
public record ModelCandidates(List<Priced> listed, int matched) {
  public ModelCandidates {
    listed = List.copyOf(listed);
  }

  /** A candidate and what it costs: a month at the submitted volume, and one task if asked. */
  public record Priced(CatalogModel model, BigDecimal monthlyUsd, BigDecimal costPerTaskUsd) {}

  /** Whether a listed candidate has this license (the advice table asks it of CLOSED). */
  public boolean anyListedIs(License license) {
    return listed.stream().anyMatch(p -> p.model().license() == license);
  }

  public boolean isEmpty() {
    return matched == 0;
  }

  /** How many more met the filters than are listed. */
  public int notListed() {
    return matched - listed.size();
  }
}
