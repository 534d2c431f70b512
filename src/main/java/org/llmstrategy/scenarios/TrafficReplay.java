package org.llmstrategy.scenarios;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Money;
import org.llmstrategy.recommend.Recommendation;
import org.llmstrategy.recommend.Recommender;
import org.llmstrategy.rules.live.CandidateCheck.Replay;
import org.llmstrategy.rules.run.Evaluator;
import org.llmstrategy.rules.run.RuleSet;

/**
 * Replays a candidate rule set over the last requests the live service answered and counts the
 * recommendations it would change (deployment and knowledge), with a few examples in words: the
 * analysts see what a change does to real traffic before it goes live.
 */
final class TrafficReplay {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(TrafficReplay.class);

  /** Enough to see the kind of change; GET /rules stays short. */
  private static final int EXAMPLES = 5;

  private final Supplier<List<Criteria>> recent;
  private final Supplier<LocalDate> today;
  private final Evaluator runs;

  TrafficReplay(Supplier<List<Criteria>> recent) {
    this(recent, LocalDate::now, Evaluator.UNBOUNDED);
  }

  /**
   * Replays on the day {@code today} gives (the service's, so dated rules hold as they will), each
   * decision run by {@code runs} (the scenario runner's offline runs).
   */
  TrafficReplay(Supplier<List<Criteria>> recent, Supplier<LocalDate> today, Evaluator runs) {
    this.recent = recent;
    this.today = today;
    this.runs = runs;
  }

  Replay replay(RuleSet candidate, RuleSet active) {
    List<Criteria> requests = recent.get();
    LocalDate day = today.get();
    int changed = 0;
    List<String> examples = new ArrayList<>();
    for (Criteria c : requests) {
      String change = changeOf(c, active, candidate, day, runs);
      if (change != null) {
        changed++;
        if (examples.size() < EXAMPLES) {
          examples.add(describe(c) + ": " + change);
        }
      }
    }
    return new Replay(requests.size(), changed, examples);
  }

  /** What the candidate changes in one request's recommendation, or null when nothing. */
  private static String changeOf(
      Criteria c, RuleSet active, RuleSet candidate, LocalDate day, Evaluator runs) {
    Recommendation before;
    Recommendation after;
    try {
      before = Recommender.recommend(runs, active, c, false, day);
    } catch (RuntimeException e) {
      return null; // the live rules could not answer it either: nothing to compare
    }
    try {
      after = Recommender.recommend(runs, candidate, c, false, day);
    } catch (RuntimeException e) {
      log.warn("A recent request could not be answered by the candidate rules", e);
      return "could not be answered by the new rules (the service log has the details)";
    }
    List<String> changes = new ArrayList<>();
    Object was = before.deployment().recommendation();
    Object now = after.deployment().recommendation();
    if (!Objects.equals(was, now)) {
      changes.add("deployment " + named(was) + " → " + named(now));
    }
    Object knewWas = before.knowledge().recommendation();
    Object knewNow = after.knowledge().recommendation();
    if (!Objects.equals(knewWas, knewNow)) {
      changes.add("knowledge " + named(knewWas) + " → " + named(knewNow));
    }
    return changes.isEmpty() ? null : String.join(", ", changes);
  }

  /** A recommendation of none means the constraints left nothing feasible. */
  private static String named(Object recommendation) {
    return recommendation == null ? "nothing feasible" : recommendation.toString();
  }

  /** The request in the words of its main fields, so an analyst recognises it. */
  static String describe(Criteria c) {
    NumberFormat n = NumberFormat.getIntegerInstance(Locale.ROOT);
    n.setGroupingUsed(true);
    return c.dataSensitivity()
        + " data, "
        + n.format(c.monthlyTokens())
        + " tokens a month, "
        + c.timeToProduction()
        + ", "
        + Money.usd(c.upfrontBudgetUsd())
        + " upfront, "
        + c.customization()
        + ", "
        + c.taskType();
  }
}
