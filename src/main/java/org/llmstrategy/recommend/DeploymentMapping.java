package org.llmstrategy.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.llmstrategy.facts.Blocker;
import org.llmstrategy.facts.DeploymentVerdict;
import org.llmstrategy.facts.EligibleOption;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.Preference;
import org.llmstrategy.facts.Reason;
import org.llmstrategy.facts.Remedy;
import org.llmstrategy.recommend.DeploymentAdvice.Conflict;
import org.llmstrategy.recommend.DeploymentAdvice.Exclusion;
import org.llmstrategy.recommend.DeploymentAdvice.OptionAssessment;
import org.llmstrategy.rules.Evaluation;
import org.llmstrategy.rules.Evaluation.Inserted;

/** Reads the matrix's result facts into the {@code deployment} part of the answer. */
final class DeploymentMapping {
  /** Criteria properties that are derived from request fields rather than sent themselves. */
  private static final Map<String, List<String>> DERIVED_FIELDS =
      Map.of("teamSize", List.of("mlEngineers", "infraEngineers"));

  private DeploymentMapping() {}

  static DeploymentAdvice from(Evaluation e) {
    Optional<Option> recommendation =
        e.facts(DeploymentVerdict.class).findFirst().map(DeploymentVerdict::recommendation);
    List<Option> eligible = e.facts(EligibleOption.class).map(EligibleOption::option).toList();
    List<OptionAssessment> options =
        Arrays.stream(Option.values())
            .map(
                o ->
                    new OptionAssessment(
                        o,
                        eligible.contains(o),
                        e.facts(Preference.class)
                            .filter(p -> p.option() == o)
                            .mapToInt(Preference::weight)
                            .sum(),
                        e.facts(Reason.class)
                            .filter(r -> r.option() == o)
                            .map(Reason::text)
                            .toList(),
                        e.facts(Blocker.class)
                            .filter(b -> b.option() == o)
                            .map(Blocker::because)
                            .toList()))
            .toList();
    boolean feasible = recommendation.isPresent();
    List<Conflict> conflicts = feasible ? List.of() : conflicts(e);
    return new DeploymentAdvice(recommendation.orElse(null), feasible, options, conflicts);
  }

  private static List<Conflict> conflicts(Evaluation e) {
    List<Conflict> conflicts = new ArrayList<>();
    for (Option o : Option.values()) {
      List<Exclusion> excludedBy =
          e.insertedOf(Blocker.class)
              .filter(i -> ((Blocker) i.fact()).option() == o)
              .map(i -> exclusion(e, o, i))
              .toList();
      if (!excludedBy.isEmpty()) {
        conflicts.add(new Conflict(o, excludedBy));
      }
    }
    return conflicts;
  }

  private static Exclusion exclusion(Evaluation e, Option o, Inserted blocker) {
    String change =
        e.insertedOf(Remedy.class)
            .filter(i -> i.rule().equals(blocker.rule()) && ((Remedy) i.fact()).option() == o)
            .map(i -> ((Remedy) i.fact()).change())
            .findFirst()
            .orElse(null);
    List<String> constraints =
        blocker.source().criteriaFields().stream()
            .flatMap(f -> DERIVED_FIELDS.getOrDefault(f, List.of(f)).stream())
            .distinct()
            .toList();
    return new Exclusion(blocker.rule(), constraints, ((Blocker) blocker.fact()).because(), change);
  }
}
