package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmstrategy.facts.Lever.Improves.NOT_A_LEVER;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Customization;
import org.llmstrategy.facts.DataSensitivity;
import org.llmstrategy.facts.Lever;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.TaskType;
import org.llmstrategy.facts.TimeToProduction;
import org.llmstrategy.recommend.Flips.Flip;
import org.llmstrategy.recommend.WhatItWouldTake.Change;
import org.llmstrategy.recommend.WhatItWouldTake.Suggestion;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.run.RuleSet;

/**
 * deployment.whatItWouldTake through the shipped rules, without Spring: every suggestion re-sent
 * (the request with its changes) is decided again and must give the option it names; it changes at
 * most three fields, and no fewer changes would do.
 */
class WhatItWouldTakeTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

  /** Issue 24's case: 50B tokens a month, weeks to production, $100,000 upfront, a full team. */
  static Criteria fiftyBillionInWeeks() {
    return Criteria.defaults()
        .with("dataSensitivity", DataSensitivity.INTERNAL)
        .with("monthlyTokens", 50_000_000_000L)
        .with("timeToProduction", TimeToProduction.WEEKS)
        .with("upfrontBudgetUsd", new BigDecimal("100000"))
        .with("mlEngineers", 3)
        .with("infraEngineers", 3)
        .with("horizonMonths", 12);
  }

  static Recommendation answer(Criteria c) {
    return Recommender.recommend(ShippedRules.get(), c, true, DAY);
  }

  static Option decide(Criteria c) {
    return Recommender.recommend(ShippedRules.get(), c, false, DAY).deployment().recommendation();
  }

  static Criteria resent(Criteria c, Suggestion s) {
    Criteria changed = c;
    for (Change change : s.changes()) {
      Object v = change.value();
      changed =
          changed.with(
              change.field(),
              v instanceof String name ? Enum.valueOf(enumOf(change.field()), name) : v);
    }
    return changed;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Class<Enum> enumOf(String field) {
    return (Class<Enum>) Criteria.typeOf(field);
  }

  /**
   * Issue 24's case: months instead of weeks and the $500,000 self-hosting asks for upfront are
   * levers, so when the rules make self-hosting the answer with them, whatItWouldTake says so, with
   * what it saves over the horizon; when they do not (today: the 70B model it is priced on is rated
   * below GPT-4o, so its lower total is not weighed against the API's), it proposes no circumstance
   * in their place (regulated data, which the answer proposed before).
   */
  @Test
  void atFiftyBillionTokensMonthsAndHalfAMillionUpfrontAreProposedWhenTheyMakeSelfHostingWin() {
    Criteria c = fiftyBillionInWeeks();
    Recommendation r = answer(c);
    assertThat(r.deployment().recommendation()).isEqualTo(Option.API);
    Criteria levers =
        c.with("timeToProduction", TimeToProduction.MONTHS)
            .with("upfrontBudgetUsd", new BigDecimal("500000"));
    Recommendation there = Recommender.recommend(ShippedRules.get(), levers, false, DAY);
    var selfHost =
        r.deployment().whatItWouldTake().stream()
            .filter(s -> s.option() == Option.SELF_HOST)
            .findFirst();
    if (there.deployment().recommendation() == Option.SELF_HOST) {
      Suggestion s = selfHost.orElseThrow();
      assertThat(s.changes())
          .contains(
              new Change("timeToProduction", "MONTHS"),
              new Change("upfrontBudgetUsd", java.math.BigInteger.valueOf(500_000)));
      Recommendation resent = Recommender.recommend(ShippedRules.get(), resent(c, s), false, DAY);
      assertThat(resent.deployment().recommendation()).isEqualTo(Option.SELF_HOST);
      assertThat(s.savesUsd())
          .isEqualByComparingTo(
              horizon(resent, Option.API).subtract(horizon(resent, Option.SELF_HOST)));
    } else {
      // eligible there, yet not the answer: nothing a lever adds makes it win
      assertThat(there.deployment().options())
          .filteredOn(o -> o.option() == Option.SELF_HOST)
          .allMatch(o -> o.eligible());
      assertThat(selfHost).isEmpty();
    }
  }

  /**
   * Every change a suggestion makes is a lever of the levers workbook (settings/Levers.drl.xlsx),
   * moved the way it says improves: never the data's sensitivity or the volume, never less budget,
   * fewer engineers, less time or a tighter latency budget. Over random situations.
   */
  @Test
  void suggestionsMoveOnlyLeversAndOnlyTheWayTheyImprove() {
    List<Lever> levers = ShippedRules.get().referenceData().levers();
    assertThat(Lever.of(levers, "dataSensitivity")).isEqualTo(Lever.Improves.NOT_A_LEVER);
    assertThat(Lever.of(levers, "monthlyTokens")).isEqualTo(Lever.Improves.NOT_A_LEVER);
    Random random = new Random(6L);
    int changes = 0;
    for (int n = 0; n < 60; n++) {
      Criteria c = random(random);
      for (Suggestion s : answer(c).deployment().whatItWouldTake()) {
        for (Change change : s.changes()) {
          Lever.Improves way = Lever.of(levers, change.field());
          assertThat(way).as("%s in %s for %s", change, s, c).isNotEqualTo(NOT_A_LEVER);
          int moved = moved(c, change);
          assertThat(way == Lever.Improves.MORE ? moved > 0 : moved < 0)
              .as("%s moves %s the way it improves (%s) in %s", change, change.field(), way, c)
              .isTrue();
          changes++;
        }
      }
    }
    assertThat(changes).isGreaterThan(40);
  }

  /**
   * Which way a change moves its field from what was sent: numbers by value, enums as the contract
   * lists them; of the fields not sent only the horizon is proposed, from the default one (36
   * months).
   */
  private static int moved(Criteria c, Change change) {
    Object sent = c.get(change.field());
    Object value = change.value();
    if (value instanceof String name) {
      Enum<?> to = Enum.valueOf(enumOf(change.field()), name);
      return Integer.compare(to.ordinal(), ((Enum<?>) sent).ordinal());
    }
    if (value instanceof Boolean b) {
      return Boolean.compare(b, Boolean.TRUE.equals(sent));
    }
    assertThat(sent != null || change.field().equals("horizonMonths"))
        .as("%s proposed for a field not sent", change)
        .isTrue();
    BigDecimal from = sent != null ? new BigDecimal(sent.toString()) : BigDecimal.valueOf(36);
    return new BigDecimal(value.toString()).compareTo(from);
  }

  /**
   * The levers are data: with the budget marked as no lever in the workbook, no suggestion adds
   * budget, where the shipped workbook's does.
   */
  @Test
  void whichFieldsAreLeversIsTheWorkbooksToSay(@TempDir Path temp) throws java.io.IOException {
    Random random = new Random(6L);
    Criteria withBudget = null;
    for (int n = 0; n < 60 && withBudget == null; n++) {
      Criteria c = random(random);
      if (changesBudget(answer(c))) {
        withBudget = c;
      }
    }
    assertThat(withBudget).as("a situation where more budget is proposed").isNotNull();
    RuleSet edited =
        RuleFolderFixture.copyOfShippedRules(temp.resolve("rules"))
            .setCell("settings/Levers.drl.xlsx", "D10", "NOT_A_LEVER")
            .build();
    assertThat(Lever.of(edited.referenceData().levers(), "upfrontBudgetUsd"))
        .isEqualTo(NOT_A_LEVER);
    assertThat(changesBudget(Recommender.recommend(edited, withBudget, true, DAY))).isFalse();
  }

  private static boolean changesBudget(Recommendation r) {
    return r.deployment().whatItWouldTake().stream()
        .flatMap(s -> s.changes().stream())
        .anyMatch(ch -> ch.field().equals("upfrontBudgetUsd"));
  }

  private static BigDecimal horizon(Recommendation r, Option o) {
    return r.cost().options().stream()
        .filter(x -> x.option() == o)
        .findFirst()
        .orElseThrow()
        .horizonUsd();
  }

  @Test
  void withoutTheFlagThereIsNothingToTake() {
    assertThat(
            Recommender.recommend(ShippedRules.get(), fiftyBillionInWeeks(), false, DAY)
                .deployment()
                .whatItWouldTake())
        .isNull();
  }

  @Test
  void flipsThatChangeTheWinnerComeBeforeThoseThatLeaveNothing() {
    // a startup: days, little money, no team; latency 99 leaves nothing, more time does not
    Criteria startup =
        Criteria.defaults()
            .with("dataSensitivity", DataSensitivity.INTERNAL)
            .with("monthlyTokens", 10_000_000L)
            .with("timeToProduction", TimeToProduction.WEEKS)
            .with("upfrontBudgetUsd", new BigDecimal("60000"))
            .with("mlEngineers", 1)
            .with("latencyBudgetMs", 300)
            .with("customization", Customization.DOMAIN_ADAPTATION);
    List<Flip> flips = answer(startup).deployment().flips();
    assertThat(flips).anyMatch(f -> f.recommendation() == null);
    assertThat(flips).anyMatch(f -> f.recommendation() != null);
    int firstNothing = indexOf(flips, true);
    int lastWinner = flips.size() - 1 - indexOf(reversed(flips), false);
    assertThat(lastWinner).isLessThan(firstNothing);
  }

  private static int indexOf(List<Flip> flips, boolean nothing) {
    for (int i = 0; i < flips.size(); i++) {
      if ((flips.get(i).recommendation() == null) == nothing) {
        return i;
      }
    }
    return -1;
  }

  private static List<Flip> reversed(List<Flip> flips) {
    List<Flip> r = new ArrayList<>(flips);
    java.util.Collections.reverse(r);
    return r;
  }

  /**
   * Over random situations: every suggestion re-sent gives its option, changes one to three fields,
   * no field twice, and an option it names is never the one already recommended; a suggestion of
   * two or three changes has no single change among the flips' values that would do.
   */
  @Test
  void everySuggestionHoldsWhenReSent() {
    Random random = new Random(24L);
    int checked = 0;
    for (int n = 0; n < 60; n++) {
      Criteria c = random(random);
      Recommendation r = answer(c);
      for (Suggestion s : r.deployment().whatItWouldTake()) {
        assertThat(s.option()).isNotEqualTo(r.deployment().recommendation());
        assertThat(s.changes()).hasSizeBetween(1, WhatItWouldTake.MOST_FIELDS);
        assertThat(s.changes().stream().map(Change::field).distinct().count())
            .isEqualTo(s.changes().size());
        assertThat(decide(resent(c, s))).as("%s re-sent for %s", s, c).isEqualTo(s.option());
        for (Change left : s.changes()) { // none of its changes is one too many
          List<Change> fewer = new ArrayList<>(s.changes());
          fewer.remove(left);
          assertThat(decide(resent(c, new Suggestion(s.option(), fewer, null, null))))
              .as("%s without %s", s, left)
              .isNotEqualTo(s.option());
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(40);
  }

  static Criteria random(Random r) {
    return Criteria.defaults()
        .with("dataSensitivity", pick(r, DataSensitivity.values()))
        .with("monthlyTokens", pick(r, new Long[] {1_000_000L, 500_000_000L, 5_000_000_000L}))
        .with("timeToProduction", pick(r, TimeToProduction.values()))
        .with(
            "upfrontBudgetUsd",
            pick(
                r,
                new BigDecimal[] {
                  BigDecimal.ZERO, new BigDecimal("60000"), new BigDecimal("1000000")
                }))
        .with("mlEngineers", r.nextInt(4))
        .with("infraEngineers", r.nextInt(4))
        .with("latencyBudgetMs", pick(r, new Integer[] {null, 50, 300, 2000}))
        .with("customization", pick(r, Customization.values()))
        .with("taskType", pick(r, TaskType.values()))
        .with("labeledExamples", pick(r, new Integer[] {null, 0, 3000}))
        .with("ragMeetsQualityBar", pick(r, new Boolean[] {null, true, false}))
        .with("horizonMonths", pick(r, new Integer[] {null, 12}));
  }

  private static <T> T pick(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }
}
