package org.llmstrategy.recommend;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.llmstrategy.bench.BenchRequests;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.run.Evaluation;
import org.llmstrategy.rules.run.RuleSet;
import org.llmstrategy.rules.run.RuleThresholds;

/**
 * Writes the flips and what it would take of many situations to a file, one line each (by its place
 * in the list), so that a change to how flips search can be compared with {@code cmp} before and
 * after: the 16 bench bodies, then seeded random situations whose numbers are often a threshold of
 * the shipped tables, one step either side of one, or the least value (where a search that skips a
 * probe would go wrong). Arguments: {@code file [situations [seed]]}.
 */
public final class FlipsAnswers {
  private FlipsAnswers() {}

  private static final List<String> NUMBERS =
      List.of(
          "monthlyTokens",
          "upfrontBudgetUsd",
          "latencyBudgetMs",
          "mlEngineers",
          "infraEngineers",
          "labeledExamples",
          "horizonMonths");

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/flips-answers.txt");
    int situations = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261208L;
    Path dir = Path.of("rules");
    RuleSet rules = new RuleSetBuilder().build(dir.toString(), RuleFolder.read(dir));
    List<Criteria> all = new ArrayList<>();
    BenchRequests.all().forEach(r -> all.add(r.criteria()));
    Random random = new Random(seed);
    for (int i = 0; i < situations; i++) {
      all.add(situation(random, rules));
    }
    int runs = 0;
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
      for (int i = 0; i < all.size(); i++) {
        Criteria c = all.get(i);
        Evaluation e =
            BenchRequests.RUNS.evaluate(rules, Recommender.facts(c, BenchRequests.TODAY));
        Redecisions again = new Redecisions(BenchRequests.RUNS, rules, c, e, BenchRequests.TODAY);
        var flips = Flips.of(rules, c, e, again);
        var take =
            WhatItWouldTake.of(again, c, e, Flips.candidates(rules, c, e), rules.referenceData());
        runs += again.runs();
        // the situation by its place (a Criteria's map of attempts prints in no fixed order)
        w.println(i + " => " + flips + " | " + take);
      }
    }
    System.out.printf(
        "%d situations written to %s; %.1f runs of the rules each on average%n",
        all.size(), out, runs / (double) all.size());
  }

  /** A random situation; each number is often on, or one step beside, a threshold of the tables. */
  private static Criteria situation(Random r, RuleSet rules) {
    Criteria c = WhatItWouldTakeTest.random(r);
    for (String field : NUMBERS) {
      List<BigDecimal> points = new ArrayList<>(RuleThresholds.of(rules, field));
      if (points.isEmpty() || r.nextInt(3) == 0) {
        continue; // as the random situation has it
      }
      BigDecimal t = points.get(r.nextInt(points.size()));
      BigDecimal step = field.equals("upfrontBudgetUsd") ? new BigDecimal("0.01") : BigDecimal.ONE;
      BigDecimal v =
          switch (r.nextInt(4)) {
            case 0 -> t.subtract(step);
            case 1 -> t.add(step);
            case 2 -> BigDecimal.ZERO;
            default -> t;
          };
      if (v.signum() < 0) {
        continue;
      }
      // converted exactly to the field's type
      Object value = field.equals("upfrontBudgetUsd") ? v.setScale(2) : v;
      c = c.with(field, value);
    }
    return c;
  }
}
