package org.llmstrategy.recommend;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.llmstrategy.bench.BenchRequests;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.run.Evaluation;
import org.llmstrategy.rules.run.Evaluator;
import org.llmstrategy.rules.run.RuleSet;

/**
 * How many runs of the rules one answer with {@code ?explain=flips} makes, per bench request body:
 * the flips' and whatItWouldTake's (the second counts only the situations the first did not decide
 * already).
 */
public final class FlipsRuns {
  private FlipsRuns() {}

  public static void main(String[] args) {
    Path dir = Path.of("rules");
    RuleSet rules = new RuleSetBuilder().build(dir.toString(), RuleFolder.read(dir));
    AtomicInteger runs = new AtomicInteger();
    Criteria[] base = new Criteria[1];
    boolean trace = args.length > 0;
    Evaluator counting =
        (ruleSet, facts) -> {
          runs.incrementAndGet();
          if (trace) {
            Criteria now = (Criteria) facts.get(0);
            StringBuilder d = new StringBuilder();
            for (String f : Criteria.fields()) {
              if (!java.util.Objects.equals(now.get(f), base[0].get(f))) {
                d.append(f).append('=').append(now.get(f)).append(' ');
              }
            }
            System.out.println("    " + d);
          }
          return BenchRequests.RUNS.evaluate(ruleSet, facts);
        };
    int flipsTotal = 0;
    int takeTotal = 0;
    int n = 0;
    for (var r : BenchRequests.all()) {
      Criteria c = r.criteria();
      base[0] = c;
      if (trace) {
        System.out.println(r.name());
      }
      Evaluation e = BenchRequests.RUNS.evaluate(rules, Recommender.facts(c, BenchRequests.TODAY));
      Redecisions again = new Redecisions(counting, rules, c, e, BenchRequests.TODAY);
      runs.set(0);
      var flips = Flips.of(rules, c, e, again);
      int f = runs.getAndSet(0);
      var take =
          WhatItWouldTake.of(again, c, e, Flips.candidates(rules, c, e), rules.referenceData());
      int t = runs.get();
      System.out.printf(
          "%-42s flips %3d runs (%2d flips), whatItWouldTake %3d more (%d suggestions)%n",
          r.name(), f, flips.size(), t, take.size());
      flipsTotal += f;
      takeTotal += t;
      n++;
    }
    System.out.printf(
        "mean per answer: flips %.1f runs, whatItWouldTake %.1f more%n",
        flipsTotal / (double) n, takeTotal / (double) n);
  }
}
