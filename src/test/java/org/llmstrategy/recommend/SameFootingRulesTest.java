package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmstrategy.recommend.DeploymentMatrixTest.option;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.Situations;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Customization;
import org.llmstrategy.facts.DataSensitivity;
import org.llmstrategy.facts.KnowledgeStrategy;
import org.llmstrategy.facts.KnowledgeUpdates;
import org.llmstrategy.facts.License;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.Quality;
import org.llmstrategy.facts.TaskType;
import org.llmstrategy.facts.TimeToProduction;
import org.llmstrategy.recommend.Cost.OptionCostView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a CTO still found in issue 24's answers (session 9), through the shipped rules without
 * Spring: options priced at different quality floors, a default horizon claimed but not applied,
 * enum names in sentences.
 */
class SameFootingRulesTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

  private static Recommendation decide(UnaryOperator<Criteria> change) {
    return Recommender.recommend(
        ShippedRules.get(), change.apply(Situations.everythingOpen()), false, DAY);
  }

  private static OptionCostView cost(Recommendation r, Option o) {
    return r.cost().options().stream().filter(v -> v.option() == o).findFirst().orElseThrow();
  }

  /** Internal data, 5B tokens, weeks, $100,000, two ML engineers: a retrieval task. */
  private static Criteria internalWeeks(Criteria c) {
    return c.with("dataSensitivity", DataSensitivity.INTERNAL)
        .with("monthlyTokens", 5_000_000_000L)
        .with("timeToProduction", TimeToProduction.WEEKS)
        .with("upfrontBudgetUsd", new BigDecimal("100000"))
        .with("mlEngineers", 2)
        .with("infraEngineers", 1);
  }

  @Test
  void withMinQualityTheApiIsPricedOnTheCheapestApiMeetingItSoFineTuningItDoesNotWinOnCost() {
    Recommendation r = decide(c -> internalWeeks(c).with("minQuality", Quality.HIGH));

    // before: the API on GPT-4o ($12,500 a month) and FINE_TUNE "wins on cost" on DeepSeek-V3,
    // whose own API costs $1,350 a month
    assertThat(r.cost().referenceModel()).isEqualTo("DeepSeek-V3");
    assertThat(r.cost().apiMonthlyUsd()).isEqualByComparingTo(r.cost().cheapestApi().monthlyUsd());
    assertThat(r.cost().apiMonthlyUsd()).isEqualByComparingTo("1350");
    assertThat(r.deployment().recommendation()).isEqualTo(Option.API);
    assertThat(option(r, Option.FINE_TUNE).reasons()).noneMatch(s -> s.contains("Wins on cost"));
    assertThat(r.cost().assumptions())
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith(
                        "The API is priced on DeepSeek-V3 (rated high), the cheapest API model")
                    .contains("not on GPT-4o (referenceModel)"));
  }

  @Test
  void withAFilterOnModelsTheApiIsNeverPricedAboveACheaperApiMeetingTheSameFilters() {
    List<UnaryOperator<Criteria>> filters =
        List.of(
            c -> c.with("minQuality", Quality.MEDIUM_HIGH),
            c -> c.with("minQuality", Quality.HIGH),
            c -> c.with("minQuality", Quality.VERY_HIGH),
            c -> c.with("minContextWindowTokens", 100_000L),
            c -> c.with("minContextWindowTokens", 200_000L),
            c -> c.with("requireOpenWeights", true));
    for (UnaryOperator<Criteria> filter : filters) {
      for (long tokens : new long[] {10_000_000L, 1_000_000_000L, 50_000_000_000L}) {
        Recommendation r =
            decide(c -> filter.apply(internalWeeks(c)).with("monthlyTokens", tokens));
        if (r.cost().cheapestApi() != null && option(r, Option.API).eligible()) {
          assertThat(r.cost().apiMonthlyUsd())
              .as("%s at %d tokens", r.cost().assumptions(), tokens)
              .isLessThanOrEqualTo(r.cost().cheapestApi().monthlyUsd());
        }
      }
    }
    // without a filter on models, the reference model as the request names it (the article's)
    assertThat(decide(c -> internalWeeks(c)).cost().referenceModel()).isEqualTo("GPT-4o");
  }

  @Test
  void withoutAHorizonEveryFigureUsesTheDefaultHorizonTheOptionsAreComparedOn() {
    Recommendation r =
        decide(
            c ->
                c.with("dataSensitivity", DataSensitivity.INTERNAL)
                    .with("monthlyTokens", 900_000_000L)
                    .with("engineerMonthlyUsd", new BigDecimal("15000")));

    for (OptionCostView o : r.cost().options()) {
      // before: null, while the answer said "compared on their totals over 36 months"
      assertThat(o.horizonUsd()).as("%s horizonUsd", o.option()).isNotNull();
      BigDecimal month =
          o.monthlyUsd().add(o.labourMonthlyUsd() == null ? BigDecimal.ZERO : o.labourMonthlyUsd());
      assertThat(o.horizonUsd())
          .isEqualByComparingTo(o.upfrontUsd().add(month.multiply(BigDecimal.valueOf(36))));
    }
    // the cheaper of API and self-hosting over those months, upfront and labour included
    Option cheaper =
        cost(r, Option.SELF_HOST).horizonUsd().compareTo(cost(r, Option.API).horizonUsd()) < 0
            ? Option.SELF_HOST
            : Option.API;
    assertThat(r.cost().cheaperOption()).isEqualTo(cheaper).isEqualTo(Option.API);
    assertThat(r.cost().assumptions())
        .noneMatch(s -> s.contains("not counted in break-even"))
        .anySatisfy(
            s -> assertThat(s).startsWith("Totals cover 36 months (DEFAULT_HORIZON_MONTHS"));
    // break-even spreads the $500,000 upfront over the 36 months: far above the article's 800M
    assertThat(r.cost().breakEvenMonthlyTokens()).isGreaterThan(800_000_000L);
  }

  /** Every enum constant a sentence could show, but API and RAG (words in their own right). */
  private static final Pattern CONSTANT =
      Pattern.compile(
          Stream.of(
                  Option.values(),
                  Quality.values(),
                  DataSensitivity.values(),
                  TimeToProduction.values(),
                  Customization.values(),
                  TaskType.values(),
                  KnowledgeUpdates.values(),
                  KnowledgeStrategy.values(),
                  License.values())
              .flatMap(Arrays::stream)
              .map(Enum::name)
              .filter(n -> !n.equals("API") && !n.equals("RAG"))
              .distinct()
              .collect(Collectors.joining("|", "\\b(", ")\\b")));

  /** An amount as Money.usd writes it (or the article's "$50K", "$500K+" in a matrix cell). */
  private static final Pattern AMOUNT = Pattern.compile("\\$[0-9][0-9,]*(\\.[0-9]+)?");

  private static final Pattern WRITTEN =
      Pattern.compile("\\$[0-9]{1,3}(,[0-9]{3})*(\\.[0-9]{2,})?");

  @Test
  void sentencesNameNoEnumConstantAndWriteMoneyAsMoneyUsdDoes() {
    List<UnaryOperator<Criteria>> situations =
        List.of(
            c -> internalWeeks(c).with("minQuality", Quality.HIGH),
            c -> internalWeeks(c).with("minQuality", Quality.VERY_HIGH),
            c -> internalWeeks(c).with("minContextWindowTokens", 200_000L),
            c ->
                c.with("dataSensitivity", DataSensitivity.CONFIDENTIAL)
                    .with("monthlyTokens", 5_000_000_000L)
                    .with("horizonMonths", 3),
            c ->
                c.with("dataSensitivity", DataSensitivity.CONFIDENTIAL)
                    .with("monthlyTokens", 2_000_000_000L)
                    .with("customization", Customization.DOMAIN_ADAPTATION)
                    .with("labeledExamples", 5_000),
            c ->
                internalWeeks(c)
                    .with("monthlyTokens", 300_000_000L)
                    .with("customization", Customization.DOMAIN_ADAPTATION)
                    .with("labeledExamples", 2_000),
            c ->
                c.with("dataSensitivity", DataSensitivity.REGULATED)
                    .with("timeToProduction", TimeToProduction.DAYS),
            c ->
                internalWeeks(c).with("taskType", TaskType.STYLE_FORMAT).with("labeledExamples", 0),
            c -> c.with("latencyBudgetMs", 20).with("monthlyTokens", 1_000_000_000L),
            c -> c.with("latencyBudgetMs", 5).with("mlEngineers", 0),
            c -> internalWeeks(c).with("mlEngineers", 0).with("taskType", TaskType.DOMAIN_EXPERT));
    List<String> wrong = new ArrayList<>();
    for (UnaryOperator<Criteria> s : situations) {
      JsonNode answer = JsonMapper.shared().valueToTree(decide(s));
      sentences(answer, "", wrong);
    }
    assertThat(wrong).isEmpty();
  }

  /** Walks the answer's texts (but rule names and sources), collecting what a board cannot read. */
  private static void sentences(JsonNode node, String path, List<String> wrong) {
    if (path.endsWith(".firedRules") || path.endsWith(".decidedBy") || path.endsWith(".advice")) {
      return;
    }
    if (node.isObject()) {
      for (var e : node.properties()) {
        sentences(e.getValue(), path + "." + e.getKey(), wrong);
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        sentences(item, path, wrong);
      }
    } else if (node.isString() && node.asString().contains(" ")) {
      String text = node.asString();
      Matcher constant = CONSTANT.matcher(text);
      if (constant.find()) {
        wrong.add(path + ": " + constant.group() + " in \"" + text + "\"");
      }
      Matcher amount = AMOUNT.matcher(text);
      while (amount.find()) {
        String a = amount.group().replaceAll("[.,]$", "");
        boolean article = text.startsWith("K", amount.end()) && !a.contains(".");
        if (!article && !WRITTEN.matcher(a).matches()) {
          wrong.add(path + ": " + a + " in \"" + text + "\"");
        }
      }
    }
  }
}
