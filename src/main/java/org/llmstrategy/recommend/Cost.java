package org.llmstrategy.recommend;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.llmstrategy.facts.CheapestApi;
import org.llmstrategy.facts.CostAssumption;
import org.llmstrategy.facts.CostEstimate;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.OptionTotal;
import org.llmstrategy.facts.SelfHostPlan;
import org.llmstrategy.facts.Tier;

/** API against self-host cost at the submitted volume (the article's cost framework). */
@Schema(name = "Cost")
public record Cost(
    Tier tier,
    @Schema(
            description =
                "The model the API figures use: the request's referenceModel without a filter on"
                    + " models; with one (minQuality, minContextWindowTokens, requireOpenWeights),"
                    + " the cheapest API model meeting them (cost.assumptions says which and why)")
        String referenceModel,
    @Schema(description = "API cost at the submitted volume, USD per month")
        BigDecimal apiMonthlyUsd,
    @Schema(
            description =
                "Infrastructure cost of the self-host setup that serves the submitted volume; null"
                    + " when no setup can",
            nullable = true)
        BigDecimal selfHostMonthlyUsd,
    @Schema(description = "Which setup that is", example = "1 GPU", nullable = true)
        String selfHostSetup,
    @Schema(
            description =
                "API or self-hosting, whichever costs less over the horizon (horizonMonths, or the"
                    + " rules' default), upfront and labour included; ties go to the API")
        Option cheaperOption,
    @Schema(
            description =
                "Smallest monthly volume at which self-hosting costs no more than the API over the"
                    + " horizon (its upfront spread over it, labour included); null if never",
            nullable = true)
        Long breakEvenMonthlyTokens,
    @Schema(
            description =
                "Every volume range (both ends inclusive) where self-hosting costs no more than"
                    + " the API; with capacity steps it can win, lose and win again")
        List<TokenRange> selfHostCheaperRanges,
    @Schema(
            description =
                "The ranges in words, saying when self-hosting wins, loses and wins again",
            example =
                "Self-hosting costs no more than the API from 8,755,555,556 to 10,000,000,000"
                    + " tokens a month, and from 21,555,555,556 up: it wins, loses and wins again"
                    + " as volume grows.")
        String summary,
    @Schema(
            description =
                "One entry per option (API, FINE_TUNE, SELF_HOST): upfront, monthly bill, labour a"
                    + " month (null without engineerMonthlyUsd), and upfront + months × (monthly +"
                    + " labour) over horizonMonths, or the rules' default horizon without it")
        List<OptionCostView> options,
    @Schema(description = "Sentences: what the figures count and what they do not")
        List<String> assumptions,
    @Schema(
            description =
                "The cheapest priced model meeting the request's filters and at least the"
                    + " reference model's quality (or minQuality), at the submitted volume and"
                    + " traffic shape; null when no model qualifies",
            nullable = true)
        CheapestApiView cheapestApi,
    @Schema(
            description =
                "The setup the self-host figures are for, when the request sends selfHost; null:"
                    + " the setups' table (the article's 70B staircase) priced it, selfHostSetup"
                    + " names the setup",
            nullable = true)
        SelfHostPlan selfHost,
    @Schema(
            description =
                "Months after which self-hosting has cost no more in all (upfront included) than"
                    + " the API at the submitted volume, to one decimal; 0 when it never costs"
                    + " more; null if not within 120 months",
            nullable = true,
            example = "17.8")
        BigDecimal breakEvenMonths) {

  /** One option's costs; money exact, rounded to cents only when written. */
  @Schema(name = "OptionCost")
  public record OptionCostView(
      Option option,
      BigDecimal upfrontUsd,
      @Schema(nullable = true, description = "null when no setup serves the volume")
          BigDecimal monthlyUsd,
      @Schema(nullable = true, description = "null: labour not counted (no engineerMonthlyUsd)")
          BigDecimal labourMonthlyUsd,
      @Schema(
              nullable = true,
              description =
                  "Over horizonMonths, or the rules' default horizon (DEFAULT_HORIZON_MONTHS);"
                      + " null when the option is not priced")
          BigDecimal horizonUsd,
      @Schema(
              nullable = true,
              description =
                  "The cumulative total (upfront included) at the end of each month of the"
                      + " horizon (horizonMonths, or the rules' default), month 1 first; null when"
                      + " the option is not priced")
          List<BigDecimal> totalByMonthUsd) {
    static OptionCostView of(OptionTotal o) {
      return new OptionCostView(
          o.option(),
          o.upfrontUsd(),
          o.monthlyUsd(),
          o.labourMonthlyUsd(),
          o.horizonUsd(),
          o.totalByMonthUsd());
    }
  }

  /** The cheapest API model meeting the filters, and its monthly cost. */
  @Schema(name = "CheapestApi")
  public record CheapestApiView(String model, BigDecimal monthlyUsd) {}

  /** A range of monthly volumes; {@code toTokens} null means without upper bound. */
  @Schema(name = "TokenRange")
  public record TokenRange(
      long fromTokens,
      @Schema(nullable = true, description = "null: no upper bound") Long toTokens) {}

  static Cost of(CostEstimate e, List<CostAssumption> assumptions, CheapestApi cheapest) {
    List<TokenRange> ranges =
        e.selfHostCheaperRanges().stream()
            .map(r -> new TokenRange(r.fromTokens(), r.toTokens()))
            .toList();
    return new Cost(
        e.tier(),
        e.referenceModel(),
        e.apiMonthlyUsd(),
        e.selfHostMonthlyUsd(),
        e.selfHostSetup(),
        e.cheaperOption(),
        e.breakEvenMonthlyTokens(),
        ranges,
        summary(ranges),
        e.options().stream().map(OptionCostView::of).toList(),
        assumptions.stream().map(CostAssumption::text).toList(),
        cheapest == null ? null : new CheapestApiView(cheapest.model(), cheapest.monthlyUsd()),
        e.selfHost(),
        e.breakEvenMonths());
  }

  static String summary(List<TokenRange> ranges) {
    if (ranges.isEmpty()) {
      return "Self-hosting never costs less than the API at any volume.";
    }
    java.util.StringJoiner parts = new java.util.StringJoiner(", ");
    for (int i = 0; i < ranges.size(); i++) {
      TokenRange r = ranges.get(i);
      String from = grouped(r.fromTokens());
      String part =
          r.toTokens() == null
              ? "from " + from + " up"
              : "from " + from + " to " + grouped(r.toTokens()) + (i == 0 ? " tokens a month" : "");
      parts.add((i == ranges.size() - 1 && i > 0 ? "and " : "") + part);
    }
    String shape =
        ranges.size() > 1
            ? ": it wins, loses and wins again as volume grows."
            : ranges.get(0).toTokens() == null
                ? ": above break-even it keeps winning."
                : ": outside that range the API is cheaper.";
    return "Self-hosting costs no more than the API " + parts + shape;
  }

  /**
   * {@code 3200000000} as {@code 3,200,000,000}: what {@code String.format(Locale.ROOT, "%,d", n)}
   * gives, without building a formatter and its locale symbols for every answer.
   */
  static String grouped(long n) {
    String digits = Long.toString(n);
    int sign = n < 0 ? 1 : 0;
    StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3);
    b.append(digits, 0, sign);
    for (int i = sign; i < digits.length(); i++) {
      if (i > sign && (digits.length() - i) % 3 == 0) {
        b.append(',');
      }
      b.append(digits.charAt(i));
    }
    return b.toString();
  }
}
