package org.llmstrategy.recommend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmstrategy.cost.CostCalculator;
import org.llmstrategy.facts.Blocker;
import org.llmstrategy.facts.DeploymentVerdict;
import org.llmstrategy.facts.EligibleOption;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.OptionCost;
import org.llmstrategy.facts.Preference;
import org.llmstrategy.facts.PremiumWorth;
import org.llmstrategy.facts.Reason;
import org.llmstrategy.facts.Remedy;
import org.llmstrategy.facts.TaskNotServable;
import org.llmstrategy.recommend.Deployment.Conflict;
import org.llmstrategy.recommend.Deployment.CostPremium;
import org.llmstrategy.recommend.Deployment.Effect;
import org.llmstrategy.recommend.Deployment.Exclusion;
import org.llmstrategy.recommend.Deployment.Justification;
import org.llmstrategy.recommend.Deployment.OptionAssessment;
import org.llmstrategy.rules.run.Evaluation;
import org.llmstrategy.rules.run.Evaluation.Inserted;

/** Reads the matrix's result facts into the {@code deployment} part of the answer. */
final class DeploymentMapping {
  /** Criteria properties that are derived from request fields rather than sent themselves. */
  private static final Map<String, List<String>> DERIVED_FIELDS =
      Map.of("teamSize", List.of("mlEngineers", "infraEngineers"));

  /** The effect of a blocker, beside the +N / -N of a preference. */
  static final String BLOCKS = "blocks";

  private DeploymentMapping() {}

  /**
   * One pass over the facts: this runs for every request. {@code knowledge} gives the conflicts of
   * an option blocked because no approach can serve the task.
   */
  static Deployment from(Evaluation e, Knowledge knowledge) {
    Option[] all = Option.values();
    Option recommendation = null;
    boolean verdict = false;
    boolean[] eligible = new boolean[all.length];
    int[] score = new int[all.length];
    List<List<String>> reasons = new ArrayList<>(all.length);
    List<List<String>> blockers = new ArrayList<>(all.length);
    List<List<Effect>> effects = new ArrayList<>(all.length);
    for (int o = 0; o < all.length; o++) {
      reasons.add(new ArrayList<>());
      blockers.add(new ArrayList<>());
      effects.add(new ArrayList<>());
    }
    // a matrix row gives its weight and its reason as two facts: pair them by the rule
    Map<String, Integer> weightByRule = new HashMap<>();
    org.llmstrategy.facts.CostPremium[] premiums =
        new org.llmstrategy.facts.CostPremium[all.length];
    for (Inserted i : e.inserted()) {
      if (i.fact() instanceof Preference p) {
        weightByRule.merge(i.rule() + "/" + p.option(), p.weight(), Integer::sum);
      }
    }
    for (Inserted i : e.inserted()) {
      Object fact = i.fact();
      if (fact instanceof Preference p) {
        score[p.option().ordinal()] += p.weight();
      } else if (fact instanceof Reason r) {
        int weight = weightByRule.getOrDefault(i.rule() + "/" + r.option(), 0);
        String effect = weight > 0 ? "+" + weight : String.valueOf(weight);
        reasons.get(r.option().ordinal()).add("(" + effect + ") " + r.text());
        effects.get(r.option().ordinal()).add(new Effect(effect, r.text(), i.rule()));
      } else if (fact instanceof Blocker b) {
        blockers.get(b.option().ordinal()).add(b.because());
        effects.get(b.option().ordinal()).add(new Effect(BLOCKS, b.because(), i.rule()));
      } else if (fact instanceof EligibleOption o) {
        eligible[o.option().ordinal()] = true;
      } else if (fact instanceof DeploymentVerdict v && !verdict) {
        verdict = true;
        recommendation = v.recommendation();
      } else if (fact instanceof org.llmstrategy.facts.CostPremium c) {
        premiums[c.option().ordinal()] = c;
      }
    }
    List<OptionAssessment> options = new ArrayList<>(all.length);
    for (Option o : all) {
      int n = o.ordinal();
      options.add(
          new OptionAssessment(
              o,
              eligible[n],
              score[n],
              List.copyOf(reasons.get(n)),
              List.copyOf(blockers.get(n)),
              List.copyOf(effects.get(n))));
    }
    boolean feasible = recommendation != null;
    List<Conflict> conflicts = feasible ? List.of() : conflicts(e, knowledge);
    CostPremium premium =
        recommendation == null ? null : premium(e, premiums[recommendation.ordinal()]);
    return new Deployment(
        recommendation, feasible, List.copyOf(options), conflicts, premium, null, null);
  }

  /**
   * The winner's premium with what pays for it: each matrix row that gave the winner a worth, with
   * the reason the same row gave and what it is worth against the cheapest total (a row's amount
   * and share together).
   */
  private static CostPremium premium(Evaluation e, org.llmstrategy.facts.CostPremium p) {
    if (p == null) {
      return null;
    }
    BigDecimal cheapestTotal = null;
    for (OptionCost c : e.facts(OptionCost.class)) {
      if (c.option() == p.comparedTo()) {
        cheapestTotal = c.horizonUsd();
      }
    }
    Map<String, BigDecimal> worthByRule = new LinkedHashMap<>();
    for (Inserted i : e.inserted()) {
      if (i.fact() instanceof PremiumWorth w && w.option() == p.option() && cheapestTotal != null) {
        worthByRule.merge(i.rule(), w.against(cheapestTotal), BigDecimal::add);
      }
    }
    List<Justification> justifiedBy = new ArrayList<>();
    worthByRule.forEach(
        (rule, worth) ->
            justifiedBy.add(
                new Justification(
                    reasonOf(e, rule, p.option()),
                    rule,
                    CostCalculator.money(worth.setScale(2, RoundingMode.DOWN)))));
    return new CostPremium(
        p.comparedTo(),
        CostCalculator.money(p.monthlyUsd()),
        CostCalculator.money(p.horizonUsd()),
        CostCalculator.money(p.allowedUsd()),
        List.copyOf(justifiedBy));
  }

  private static String reasonOf(Evaluation e, String rule, Option option) {
    for (Inserted i : e.inserted()) {
      if (i.fact() instanceof Reason r && r.option() == option && i.rule().equals(rule)) {
        return r.text();
      }
    }
    return null;
  }

  private static List<Conflict> conflicts(Evaluation e, Knowledge knowledge) {
    List<Conflict> conflicts = new ArrayList<>();
    for (Option o : Option.values()) {
      List<Exclusion> excludedBy = new ArrayList<>();
      for (Inserted i : e.inserted()) {
        if (i.fact() instanceof Blocker b && b.option() == o) {
          if (notServable(e, i, o)) {
            // the constraints that stop the task, as the knowledge part names them
            knowledge.conflicts().forEach(k -> excludedBy.addAll(k.excludedBy()));
          } else {
            excludedBy.add(exclusion(e, o, i, b));
          }
        }
      }
      if (!excludedBy.isEmpty()) {
        conflicts.add(new Conflict(o, List.copyOf(excludedBy)));
      }
    }
    return conflicts;
  }

  /** Whether the rule that blocked the option did so because no approach can serve the task. */
  private static boolean notServable(Evaluation e, Inserted blocker, Option o) {
    for (Inserted i : e.inserted()) {
      if (i.fact() instanceof TaskNotServable t
          && t.option() == o
          && i.rule().equals(blocker.rule())) {
        return true;
      }
    }
    return false;
  }

  /** The blocker, the request fields its rule tests, and the remedy the same row gave. */
  private static Exclusion exclusion(Evaluation e, Option o, Inserted inserted, Blocker blocker) {
    return exclusion(inserted, blocker.because(), remedy(e, o, inserted));
  }

  private static String remedy(Evaluation e, Option o, Inserted inserted) {
    for (Inserted i : e.inserted()) {
      if (i.fact() instanceof Remedy r && r.option() == o && i.rule().equals(inserted.rule())) {
        return r.change();
      }
    }
    return null;
  }

  /** An exclusion by the rule that inserted a fact: the request fields its conditions test. */
  static Exclusion exclusion(Inserted inserted, String because, String change) {
    List<String> constraints = new ArrayList<>();
    for (String field : inserted.source().criteriaFields()) {
      for (String f : DERIVED_FIELDS.getOrDefault(field, List.of(field))) {
        if (!constraints.contains(f)) {
          constraints.add(f);
        }
      }
    }
    return new Exclusion(inserted.rule(), List.copyOf(constraints), because, change);
  }
}
