package org.llmstrategy.recommend;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.llmstrategy.facts.Blocker;
import org.llmstrategy.facts.CostEstimate;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.EligibleOption;
import org.llmstrategy.facts.Lever;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.OptionTotal;
import org.llmstrategy.facts.Preference;
import org.llmstrategy.facts.ReferenceData;
import org.llmstrategy.recommend.request.RequestFields;
import org.llmstrategy.rules.run.Evaluation;
import org.llmstrategy.rules.run.Evaluation.Inserted;

/**
 * What it would take (deployment.whatItWouldTake, issue 24): for each option that did not win, the
 * fewest changes of levers (one, two or three fields) that make the rules recommend it, each found
 * by deciding again, so every suggestion is true when re-sent. A CTO reads it as "what we could
 * change": only the fields the levers workbook (settings/Levers.drl.xlsx, read as data) names as
 * levers are changed, each only the way that table says improves (more budget, engineers, examples,
 * time, latency budget or horizon; less adaptation), never a circumstance (the volume, the data's
 * sensitivity). An option no such change makes the answer is left out: the flips still say how
 * every field would change the answer, either way. The values tried are the flips' (the rules'
 * thresholds, one step either side; every other value of an enum) and, for the horizon, the months
 * at which one option's total overtakes another's, so nothing here knows a threshold either.
 *
 * <p>A search over three fields could try every combination; it does not. One change alone is tried
 * first, value by value, nearest first; a value is kept for combining only when it lifts one of the
 * option's blockers (without adding one) or narrows the option's lead deficit, and of the values of
 * one field that do the same only the nearest is kept. A combination is decided only when its
 * changes together lift every blocker the option has, and the search stops at the first size that
 * works.
 */
final class WhatItWouldTake {
  /** The most fields one suggestion changes (issue 24: "up to three fields"). */
  static final int MOST_FIELDS = 3;

  private final Redecisions decisions;
  private final Criteria criteria;
  private final Evaluation answer;
  private final Option winner;
  private final List<Single> singles;

  /** One field at one value, and what it did for the option searched for. */
  private record Single(String field, Object value, Set<String> lifts, int gain) {}

  private WhatItWouldTake(
      Redecisions decisions,
      Criteria criteria,
      Evaluation answer,
      Map<String, List<Object>> candidates,
      ReferenceData data) {
    this.decisions = decisions;
    this.criteria = criteria;
    this.answer = answer;
    this.winner = Redecisions.recommendation(answer);
    Map<String, List<Object>> values = new HashMap<>(candidates);
    values.put("horizonMonths", horizons(answer));
    this.singles = ordered(criteria, values, data);
  }

  /**
   * For each option other than the recommendation of {@code answer} (every option when nothing is
   * feasible), the fewest changes that make it the recommendation, in the options' order; an option
   * that no three changes make the recommendation is left out.
   */
  static List<Suggestion> of(
      Redecisions decisions,
      Criteria criteria,
      Evaluation answer,
      Map<String, List<Object>> candidates,
      ReferenceData data) {
    WhatItWouldTake search = new WhatItWouldTake(decisions, criteria, answer, candidates, data);
    List<Suggestion> found = new ArrayList<>();
    for (Option o : Option.values()) {
      if (o != search.winner) {
        Suggestion s = search.forOption(o);
        if (s != null) {
          found.add(s);
        }
      }
    }
    return List.copyOf(found);
  }

  private Suggestion forOption(Option option) {
    Set<String> blockers = blockers(answer, option);
    int margin = margin(answer, option);
    List<Single> useful = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    for (Single s : singles) {
      Criteria changed = criteria.with(s.field(), s.value());
      Evaluation e = decisions.of(changed);
      if (Redecisions.recommendation(e) == option) {
        return suggestion(option, List.of(s), e);
      }
      Set<String> now = blockers(e, option);
      Set<String> lifts = new HashSet<>(blockers);
      lifts.removeAll(now);
      boolean adds = !blockers.containsAll(now);
      int gain = margin(e, option) - margin;
      // of the values of one field that do the same, the nearest (tried first) is kept
      if (!adds && (!lifts.isEmpty() || gain > 0) && seen.add(List.of(s.field(), lifts, gain))) {
        useful.add(new Single(s.field(), s.value(), Set.copyOf(lifts), gain));
      }
    }
    for (int size = 2; size <= MOST_FIELDS; size++) {
      Suggestion s = combinations(option, blockers, useful, size);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /** The first combination of {@code size} useful changes that makes {@code option} win. */
  private Suggestion combinations(
      Option option, Set<String> blockers, List<Single> useful, int size) {
    int[] at = new int[size];
    return combinations(option, blockers, useful, at, 0, 0);
  }

  private Suggestion combinations(
      Option option, Set<String> blockers, List<Single> useful, int[] at, int depth, int from) {
    if (depth == at.length) {
      List<Single> chosen = new ArrayList<>();
      Set<String> lifted = new HashSet<>();
      for (int i : at) {
        chosen.add(useful.get(i));
        lifted.addAll(useful.get(i).lifts());
      }
      if (!lifted.containsAll(blockers)) {
        return null; // a blocker no change lifts stays: not worth a run of the rules
      }
      Criteria changed = criteria;
      for (Single s : chosen) {
        changed = changed.with(s.field(), s.value());
      }
      Evaluation e = decisions.of(changed);
      return Redecisions.recommendation(e) == option ? suggestion(option, chosen, e) : null;
    }
    for (int i = from; i < useful.size(); i++) {
      if (differentField(useful, at, depth, i)) {
        at[depth] = i;
        Suggestion s = combinations(option, blockers, useful, at, depth + 1, i + 1);
        if (s != null) {
          return s;
        }
      }
    }
    return null;
  }

  private static boolean differentField(List<Single> useful, int[] at, int depth, int i) {
    for (int d = 0; d < depth; d++) {
      if (useful.get(at[d]).field().equals(useful.get(i).field())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The suggestion, with what the option costs over the horizon in the changed situation and what
   * it saves against the submitted recommendation there (both priced in the same situation).
   */
  private Suggestion suggestion(Option option, List<Single> chosen, Evaluation decided) {
    List<Change> changes =
        chosen.stream()
            .sorted(Comparator.comparingInt(s -> Criteria.fields().indexOf(s.field())))
            .map(s -> new Change(s.field(), shown(s.value())))
            .toList();
    BigDecimal horizon = horizonUsd(decided, option);
    BigDecimal current = winner == null ? null : horizonUsd(decided, winner);
    BigDecimal saves = horizon == null || current == null ? null : current.subtract(horizon);
    return new Suggestion(option, changes, horizon, saves);
  }

  private static BigDecimal horizonUsd(Evaluation e, Option option) {
    CostEstimate cost = e.first(CostEstimate.class);
    OptionTotal total = cost == null ? null : cost.option(option);
    return total == null ? null : total.horizonUsd();
  }

  private static Object shown(Object value) {
    return value instanceof BigDecimal d
        ? Flips.number(d)
        : value instanceof Enum<?> e ? e.name() : value;
  }

  /** The rules that block {@code option} in {@code e}. */
  private static Set<String> blockers(Evaluation e, Option option) {
    Set<String> rules = new HashSet<>();
    for (Inserted i : e.inserted()) {
      if (i.fact() instanceof Blocker b && b.option() == option) {
        rules.add(i.rule());
      }
    }
    return rules;
  }

  /**
   * The option's score less the best score of the other eligible options (less nothing when none is
   * eligible): what it lacks, or leads by, on score. A change that raises the option's own score
   * counts even while nothing else is eligible, so it can be combined with one that lifts a
   * blocker.
   */
  private static int margin(Evaluation e, Option option) {
    int own = 0;
    for (Preference p : e.facts(Preference.class)) {
      if (p.option() == option) {
        own += p.weight();
      }
    }
    Integer best = null;
    for (EligibleOption o : e.facts(EligibleOption.class)) {
      if (o.option() != option) {
        best = best == null ? o.score() : Math.max(best, o.score());
      }
    }
    return best == null ? own : own - best;
  }

  /**
   * The single changes tried, in the order tried: for each lever of {@code data} (in {@link
   * Lever#FIELDS}' order), the candidate values that move it the way it improves, nearest first.
   */
  private static List<Single> ordered(
      Criteria criteria, Map<String, List<Object>> candidates, ReferenceData data) {
    List<Single> tried = new ArrayList<>();
    for (String field : Lever.FIELDS) {
      Lever.Improves way = Lever.of(data.levers(), field);
      if (way == Lever.Improves.NOT_A_LEVER) {
        continue;
      }
      Object from = from(field, criteria.get(field), data);
      if (from == null) {
        continue; // not sent: no limit, or unknown
      }
      List<Object> better = new ArrayList<>();
      for (Object v : candidates.getOrDefault(field, List.of())) {
        int d = compare(v, from);
        if (way == Lever.Improves.MORE ? d > 0 : d < 0) {
          better.add(v);
        }
      }
      better.sort(nearest(from));
      better.forEach(v -> tried.add(new Single(field, v, Set.of(), 0)));
    }
    return List.copyOf(tried);
  }

  /**
   * What a field's sent value counts as when it is compared: as sent; the horizon not sent, the one
   * the options are compared on by default; any other field not sent (no latency budget: no limit;
   * labeled examples: unknown, which blocks nothing), null: no value is more or less than that, so
   * none is proposed (an option's own reasons say how many examples it needs).
   */
  private static Object from(String field, Object sent, ReferenceData data) {
    if (sent != null || !field.equals("horizonMonths")) {
      return sent;
    }
    return data.comparisonHorizon() == null
        ? null
        : BigDecimal.valueOf(data.comparisonHorizon().months());
  }

  /** Numbers by value, an enum's constants as the contract lists them, false before true. */
  private static int compare(Object a, Object b) {
    if (a instanceof Enum<?> x && b instanceof Enum<?> y) {
      return Integer.compare(x.ordinal(), y.ordinal());
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    return number(a).compareTo(number(b));
  }

  /**
   * The months at which one option's total overtakes another's (the one with more upfront and a
   * lower monthly bill and labour catches up), from the answer's own totals, within what the
   * request may send: a longer horizon is worth trying there.
   */
  private static List<Object> horizons(Evaluation answer) {
    CostEstimate cost = answer.first(CostEstimate.class);
    java.util.SortedSet<BigDecimal> months = new java.util.TreeSet<>();
    if (cost != null) {
      for (OptionTotal a : cost.options()) {
        for (OptionTotal b : cost.options()) {
          BigDecimal up = difference(a.upfrontUsd(), b.upfrontUsd());
          BigDecimal monthly = difference(monthly(b), monthly(a));
          if (up != null && monthly != null && up.signum() > 0 && monthly.signum() > 0) {
            BigDecimal m = up.divide(monthly, 0, java.math.RoundingMode.CEILING);
            BigDecimal max = RequestFields.maxOf("horizonMonths");
            if (m.compareTo(RequestFields.minOf("horizonMonths")) >= 0
                && (max == null || m.compareTo(max) <= 0)) {
              months.add(m);
            }
          }
        }
      }
    }
    return List.copyOf(months);
  }

  private static BigDecimal monthly(OptionTotal t) {
    return t.monthlyUsd() == null
        ? null
        : t.labourMonthlyUsd() == null ? t.monthlyUsd() : t.monthlyUsd().add(t.labourMonthlyUsd());
  }

  private static BigDecimal difference(BigDecimal a, BigDecimal b) {
    return a == null || b == null ? null : a.subtract(b);
  }

  private static Comparator<Object> nearest(Object from) {
    if (from instanceof Boolean) {
      return (a, b) -> 0; // the other value only
    }
    if (from instanceof Enum<?> e) {
      return Comparator.comparingInt(v -> Math.abs(((Enum<?>) v).ordinal() - e.ordinal()));
    }
    BigDecimal base = number(from);
    return Comparator.comparing(v -> number(v).subtract(base).abs());
  }

  private static BigDecimal number(Object v) {
    return v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
  }

  /** One option that did not win, and the fewest changes that make it the recommendation. */
  @Schema(name = "WhatItWouldTake")
  record Suggestion(
      @Schema(description = "An option the rules did not recommend") Option option,
      @Schema(
              description =
                  "The fewest changes of levers that make this option the recommendation, decided"
                      + " again to prove it: at most three fields, from the values flips try, each"
                      + " only the way it helps (settings/Levers.drl.xlsx says which fields an"
                      + " organisation can change and which way; volume and data sensitivity are not"
                      + " levers)")
          List<Change> changes,
      @Schema(
              description =
                  "What this option costs over the horizon in the changed situation (upfront,"
                      + " bill and labour); null without a horizon or when it is not priced",
              nullable = true)
          BigDecimal horizonUsd,
      @Schema(
              description =
                  "The submitted recommendation's total over the horizon less this option's, both"
                      + " in the changed situation: what choosing it saves (negative: what it"
                      + " costs more); null when either is not priced or nothing was feasible",
              nullable = true)
          BigDecimal savesUsd) {
    Suggestion {
      Objects.requireNonNull(option);
      changes = List.copyOf(changes);
    }
  }

  /** One input and the value it would take. */
  @Schema(name = "Change")
  record Change(
      @Schema(description = "The request field", example = "timeToProduction") String field,
      @Schema(
              description = "The value it would take: a number, an enum value, or true or false",
              types = {"number", "string", "boolean"},
              example = "MONTHS")
          Object value) {}
}
