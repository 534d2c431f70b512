package org.llmstrategy.recommend;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.llmstrategy.facts.Blocker;
import org.llmstrategy.facts.CostEstimate;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.EligibleOption;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.OptionTotal;
import org.llmstrategy.facts.Preference;
import org.llmstrategy.rules.run.Evaluation;
import org.llmstrategy.rules.run.Evaluation.Inserted;

/**
 * What it would take (deployment.whatItWouldTake, issue 24): for each option that did not win, the
 * fewest input changes (one, two or three fields) that make the rules recommend it, each found by
 * deciding again, so every suggestion is true when re-sent. The values tried are the flips' (the
 * rules' thresholds, one step either side; every other value of an enum), so nothing here knows a
 * threshold either.
 *
 * <p>A search over three fields could try every combination; it does not. One change alone is tried
 * first, value by value; a value is kept for combining only when it lifts one of the option's
 * blockers (without adding one) or narrows the option's lead deficit, and of the values of one
 * field that do the same only the nearest is kept. A combination is decided only when its changes
 * together lift every blocker the option has, and the search stops at the first size that works.
 * Changes that give more (budget, engineers, time, examples, latency budget, less sensitive data)
 * or change a requirement (customization) are tried first, nearest first, so the suggestion is the
 * least an organisation would have to add; those that take away only when nothing else does.
 */
final class WhatItWouldTake {
  /** The most fields one suggestion changes (issue 24: "up to three fields"). */
  static final int MOST_FIELDS = 3;

  /**
   * The fields, levers first (what an organisation can add: money, people, time, data), then what
   * it requires (customization) and what its data is. Not the volume: it is demand, not a choice,
   * and an option's saving at another volume would compare two different businesses (the volume's
   * flips say where the winner changes with it).
   */
  private static final List<String> FIELDS =
      List.of(
          "upfrontBudgetUsd",
          "mlEngineers",
          "infraEngineers",
          "timeToProduction",
          "labeledExamples",
          "latencyBudgetMs",
          "customization",
          "ragMeetsQualityBar",
          "dataSensitivity");

  private final Redecisions decisions;
  private final Criteria criteria;
  private final Evaluation answer;
  private final Option winner;
  private final List<Single> giving;
  private final List<Single> taking;

  /** One field at one value, and what it did for the option searched for. */
  private record Single(String field, Object value, Set<String> lifts, int gain) {}

  private WhatItWouldTake(
      Redecisions decisions,
      Criteria criteria,
      Evaluation answer,
      Map<String, List<Object>> candidates) {
    this.decisions = decisions;
    this.criteria = criteria;
    this.answer = answer;
    this.winner = Redecisions.recommendation(answer);
    this.giving = ordered(criteria, candidates, true);
    this.taking = ordered(criteria, candidates, false);
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
      Map<String, List<Object>> candidates) {
    WhatItWouldTake search = new WhatItWouldTake(decisions, criteria, answer, candidates);
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

  /**
   * The fewest changes that give (or change a requirement); only when none within three fields
   * makes the option the recommendation, changes that take away too (less budget, fewer engineers,
   * less time, a tighter latency budget, more sensitive data): an option that wins only with less
   * of something is chosen by choosing it, and that is the last thing worth suggesting.
   */
  private Suggestion forOption(Option option) {
    Suggestion s = forOption(option, giving, List.of());
    return s != null || taking.isEmpty() ? s : forOption(option, taking, giving);
  }

  private Suggestion forOption(Option option, List<Single> singles, List<Single> tried) {
    Set<String> blockers = blockers(answer, option);
    int margin = margin(answer, option);
    List<Single> useful = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    List<Single> all = new ArrayList<>(tried);
    all.addAll(singles);
    for (Single s : all) {
      Criteria changed = criteria.with(s.field(), s.value());
      Evaluation e = decisions.of(changed);
      if (Redecisions.recommendation(e) == option && !tried.contains(s)) {
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
   * The single changes tried, in the order tried: with {@code giving}, the values that give more,
   * field by field in the levers' order, nearest first, then those that neither give nor take (a
   * customization, a count that was not sent); otherwise the values that take away, nearest first.
   */
  private static List<Single> ordered(
      Criteria criteria, Map<String, List<Object>> candidates, boolean giving) {
    List<Single> more = new ArrayList<>();
    List<Single> neutral = new ArrayList<>();
    List<Single> less = new ArrayList<>();
    for (String field : FIELDS) {
      List<Object> values = candidates.getOrDefault(field, List.of());
      Object sent = criteria.get(field);
      List<Object> up = new ArrayList<>();
      List<Object> down = new ArrayList<>();
      List<Object> other = new ArrayList<>();
      for (Object v : values) {
        int d = direction(field, sent, v);
        (d > 0 ? up : d < 0 ? down : other).add(v);
      }
      // the candidates come in ascending order: nearest first is ascending above, descending below
      up.sort(nearest(sent));
      down.sort(nearest(sent));
      up.forEach(v -> more.add(new Single(field, v, Set.of(), 0)));
      other.forEach(v -> neutral.add(new Single(field, v, Set.of(), 0)));
      down.forEach(v -> less.add(new Single(field, v, Set.of(), 0)));
    }
    if (!giving) {
      return List.copyOf(less);
    }
    List<Single> all = new ArrayList<>(more);
    all.addAll(neutral);
    return List.copyOf(all);
  }

  /**
   * +1 when {@code value} gives the organisation more than {@code sent} (more money, people, time,
   * examples or latency budget, less sensitive data), -1 when less, 0 when neither (customization,
   * volume, a count that was not sent).
   */
  private static int direction(String field, Object sent, Object value) {
    if (field.equals("latencyBudgetMs") && sent == null) {
      return -1; // no budget sent: no limit, and any budget is less
    }
    if (field.equals("customization") || field.equals("ragMeetsQualityBar") || sent == null) {
      return 0;
    }
    if (field.equals("dataSensitivity")) {
      return Integer.signum(((Enum<?>) sent).ordinal() - ((Enum<?>) value).ordinal());
    }
    if (value instanceof Enum<?> v) {
      return Integer.signum(v.ordinal() - ((Enum<?>) sent).ordinal());
    }
    return number(value).compareTo(number(sent));
  }

  private static Comparator<Object> nearest(Object sent) {
    if (sent instanceof Boolean) {
      return (a, b) -> 0; // the other value only
    }
    if (sent instanceof Enum<?> from) {
      return Comparator.comparingInt(v -> Math.abs(((Enum<?>) v).ordinal() - from.ordinal()));
    }
    if (sent == null) {
      return (a, b) -> 0; // nothing to be near: as the flips list them
    }
    BigDecimal from = number(sent);
    return Comparator.comparing(v -> number(v).subtract(from).abs());
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
                  "The fewest input changes (at most three fields, from the values flips try)"
                      + " that make this option the recommendation; decided again to prove it")
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
