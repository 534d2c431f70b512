package org.llmstrategy.recommend;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.llmstrategy.facts.Advice;
import org.llmstrategy.facts.Approach;
import org.llmstrategy.facts.Candidate;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.facts.CostEstimate;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.KnowledgeOption;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.RetiringCandidate;
import org.llmstrategy.facts.Today;
import org.llmstrategy.problems.DecisionNotMadeException;
import org.llmstrategy.rules.run.DecisionStoppedException;
import org.llmstrategy.rules.run.Evaluation;
import org.llmstrategy.rules.run.Evaluator;
import org.llmstrategy.rules.run.RuleEngine;
import org.llmstrategy.rules.run.RuleSet;

/** Turns criteria into a recommendation: one run of the rules, one mapping of what they found. */
public class Recommender {
  private final RuleEngine engine;
  private final RecentRequests recent;
  private final Clock clock;

  public Recommender(RuleEngine engine) {
    this(engine, new RecentRequests(0), Clock.systemDefaultZone());
  }

  /**
   * Answers live traffic, keeping the last requests answered in {@code recent}; retirement dates
   * are judged against the {@code clock}'s day.
   */
  public Recommender(RuleEngine engine, RecentRequests recent, Clock clock) {
    this.engine = engine;
    this.recent = recent;
    this.clock = clock;
  }

  /**
   * Decides with the active rule set, read once so the whole answer comes from one version.
   *
   * @throws DecisionNotMadeException when the rules did not decide in time (they were stopped)
   */
  public Recommendation recommend(Criteria criteria) {
    return answered(criteria, live(engine.active(), criteria, false, today()));
  }

  /**
   * As {@link #recommend(Criteria)}, with {@code deployment.flips} and {@code
   * deployment.whatItWouldTake} (many more runs of the rules: BENCHMARKS.md says how many).
   */
  public Recommendation recommendWithFlips(Criteria criteria) {
    return answered(criteria, live(engine.active(), criteria, true, today()));
  }

  /**
   * A live decision, every run within the engine's bound and deadline; a run the engine had to stop
   * becomes the client's 503 (the engine keeps the details on the rule set, for GET /rules).
   */
  private Recommendation live(RuleSet ruleSet, Criteria criteria, boolean flips, LocalDate day) {
    try {
      return recommend(engine, ruleSet, criteria, flips, day);
    } catch (DecisionStoppedException e) {
      throw new DecisionNotMadeException(e.rulesVersion());
    }
  }

  /** Only answered requests are kept: one the catalog check refused has nothing to replay. */
  private Recommendation answered(Criteria criteria, Recommendation answer) {
    recent.record(criteria);
    return answer;
  }

  /**
   * Decides with a given rule set on a given day, within the engine's bound on concurrent runs,
   * without keeping the request (a sweep's points).
   */
  public Recommendation decide(RuleSet ruleSet, Criteria criteria, LocalDate day) {
    return live(ruleSet, criteria, false, day);
  }

  /** The active rule set, read once by a caller that decides many times (a sweep). */
  public RuleSet active() {
    return engine.active();
  }

  /** Today, by the clock the service was given (the sweep decides on it too). */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The catalog of the active rule set. */
  public List<CatalogModel> catalog() {
    return ModelCatalog.of(engine.active());
  }

  /**
   * Decides with a given rule set on the given day, offline (candidates and scenarios are checked
   * before activation, outside the live engine's bound): a candidate past its retirement date is
   * none; with {@code flips}, also what would change the answer.
   *
   * <p>For one answer (a test, a command): its runs, flips' too, take turns on workers made for it.
   * Whoever decides many times in a row holds an {@link org.llmstrategy.rules.run.OfflineRuns} and
   * passes it to {@link #recommend(Evaluator, RuleSet, Criteria, boolean, LocalDate)}.
   *
   * @throws org.llmstrategy.problems.InvalidRequestException when the criteria name models the
   *     catalog lacks
   */
  public static Recommendation recommend(
      RuleSet ruleSet, Criteria criteria, boolean flips, LocalDate today) {
    try (var runs = new org.llmstrategy.rules.run.OfflineRuns()) {
      return recommend(runs, ruleSet, criteria, flips, today);
    }
  }

  /**
   * As {@link #recommend(RuleSet, Criteria, boolean, LocalDate)}, each run by {@code evaluator}.
   */
  public static Recommendation recommend(
      Evaluator evaluator, RuleSet ruleSet, Criteria criteria, boolean flips, LocalDate today) {
    ModelCatalog.check(ruleSet.referenceData(), criteria);
    Evaluation e = evaluator.evaluate(ruleSet, facts(criteria, today));
    Knowledge knowledge = KnowledgeMapping.from(e);
    Deployment deployment = DeploymentMapping.from(e, knowledge);
    if (flips) {
      // flips and what it would take try many of the same situations: each is decided once
      Redecisions again = new Redecisions(evaluator, ruleSet, criteria, e, today);
      deployment =
          deployment.withFlips(
              Flips.of(ruleSet, criteria, e, again),
              WhatItWouldTake.of(
                  again,
                  criteria,
                  e,
                  Flips.candidates(ruleSet, criteria, e),
                  ruleSet.referenceData()));
    }
    CostEstimate cost = e.first(CostEstimate.class);
    List<ModelView> models = CandidateModels.from(e);
    return new Recommendation(
        e.rulesVersion(),
        deployment,
        knowledge,
        cost == null
            ? null
            : Cost.of(
                cost,
                e.facts(org.llmstrategy.facts.CostAssumption.class),
                e.first(org.llmstrategy.facts.CheapestApi.class)),
        models,
        CandidateModels.notListed(e),
        // with candidates left, only the retired models are reported as excluded
        CandidateModels.exclusions(e),
        AdviceMapping.from(
            e.facts(Advice.class), criteria, models, e.facts(RetiringCandidate.class)),
        DecidedBy.from(e),
        e.firedRules().stream().map(Recommendation.FiredRuleView::of).toList());
  }

  /**
   * The facts one decision starts from: the criteria, the three options, the two approaches, and
   * the day it is decided on.
   */
  static List<Object> facts(Criteria criteria, LocalDate today) {
    List<Object> facts = new ArrayList<>();
    facts.add(criteria);
    facts.add(new Today(today));
    for (Option o : Option.values()) {
      facts.add(new Candidate(o));
    }
    for (Approach a : Approach.values()) {
      facts.add(new KnowledgeOption(a));
    }
    return facts;
  }
}
