package org.llmstrategy.recommend;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.llmstrategy.facts.Option;

/** The build / buy / fine-tune verdict of the decision matrix. */
@Schema(name = "Deployment")
public record Deployment(
    @Schema(
            description = "The recommended option; null only when nothing is feasible",
            nullable = true)
        Option recommendation,
    boolean feasible,
    @Schema(description = "One entry per option, in the order API, FINE_TUNE, SELF_HOST")
        List<OptionAssessment> options,
    @Schema(
            description =
                "When nothing is feasible: per option, the submitted constraints that exclude it"
                    + " and what would have to change")
        List<Conflict> conflicts,
    @Schema(
            description =
                "What the recommended option costs above the cheapest eligible option over the"
                    + " horizon the options are compared on (horizonMonths, else the rules' default),"
                    + " and the most that the reasons which chose it are worth (the matrix's worth"
                    + " cells); null when it is the cheapest eligible option or no other is priced",
            nullable = true)
        CostPremium costPremium,
    @Schema(
            description =
                "For each input that can change the recommendation, the nearest value above and"
                    + " below the submitted one at which it changes, found by running the rules."
                    + " Only with ?explain=flips (it costs some 50 more rule runs); null otherwise",
            nullable = true)
        List<Flips.Flip> flips,
    @Schema(
            description =
                "For each option that did not win, the fewest changes of levers (up to three fields,"
                    + " each only the way it helps)"
                    + " that make it the recommendation, and what it would cost or save over the"
                    + " horizon. An option no three changes make the recommendation is left out."
                    + " Only with ?explain=flips; null otherwise",
            nullable = true)
        List<WhatItWouldTake.Suggestion> whatItWouldTake) {

  Deployment withFlips(List<Flips.Flip> found, List<WhatItWouldTake.Suggestion> suggestions) {
    return new Deployment(
        recommendation,
        feasible,
        options,
        conflicts,
        costPremium,
        List.copyOf(found),
        List.copyOf(suggestions));
  }

  /** How one option fared. */
  @Schema(name = "OptionAssessment")
  public record OptionAssessment(
      Option option,
      @Schema(description = "True when no rule blocks the option") boolean eligible,
      @Schema(description = "Sum of the preferences the option collected") int score,
      @Schema(
              description =
                  "Why, each with its direction and weight in front: (+2), (-1), or (0) for a"
                      + " note that does not change the score")
          List<String> reasons,
      List<String> blockers,
      @Schema(description = "The reasons and blockers as data: effect, text and the rule")
          List<Effect> effects) {}

  /** One rule's effect on an option. */
  @Schema(name = "Effect")
  public record Effect(
      @Schema(description = "+N, -N or 0 (score), or blocks", example = "+2") String effect,
      String text,
      @Schema(description = "The rule that had the effect") String rule) {}

  /** The winner's cost above the cheapest eligible option, and what allows it. */
  @Schema(name = "CostPremium")
  public record CostPremium(
      @Schema(description = "The cheapest eligible option over the horizon") Option comparedTo,
      @Schema(
              description =
                  "How much more the recommended option costs, as an average month of the horizon"
                      + " (horizonUsd / months, to the cent)",
              example = "3000")
          BigDecimal monthlyUsd,
      @Schema(
              description =
                  "How much more the recommended option costs over the horizon, upfront included"
                      + " (labour with engineerMonthlyUsd)",
              example = "108000")
          BigDecimal horizonUsd,
      @Schema(
              description =
                  "The most the recommended option may cost above comparedTo: what the reasons"
                      + " that chose it are worth together; horizonUsd never exceeds it",
              example = "216000")
          BigDecimal allowedUsd,
      @Schema(description = "The reasons that pay for the premium, each with what it is worth")
          List<Justification> justifiedBy) {}

  /** A reason that can justify paying more, and what it is worth against the cheapest total. */
  @Schema(name = "Justification")
  public record Justification(
      @Schema(description = "The reason, as options[].reasons gives it without its weight")
          String reason,
      @Schema(description = "The matrix row that gives the reason and its worth") String rule,
      @Schema(description = "What this reason is worth over the horizon", example = "216000")
          BigDecimal allowedUsd) {}

  /** Why an option is excluded, when nothing is feasible. */
  @Schema(name = "Conflict")
  public record Conflict(Option option, List<Exclusion> excludedBy) {}

  /** One rule that excluded an option: its reason and what would lift it. */
  @Schema(name = "Exclusion")
  public record Exclusion(
      @Schema(description = "The rule that blocks the option") String rule,
      @Schema(description = "The submitted request fields the rule tests") List<String> constraints,
      @Schema(description = "Why, in the article's words") String because,
      @Schema(
              description =
                  "What would have to change for this rule to stop blocking; null when the rule"
                      + " names nothing to change",
              nullable = true)
          String change) {}
}
