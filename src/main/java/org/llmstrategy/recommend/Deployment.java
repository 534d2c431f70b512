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
                "What the recommended option costs a month above the cheapest eligible option;"
                    + " null when it is the cheapest. Only priced options are compared: the API"
                    + " and self-hosting (fine-tuning has no monthly cost yet)",
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
                "For each option that did not win, the fewest input changes (up to three fields)"
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

  /** The winner's monthly cost above the cheapest eligible option. */
  @Schema(name = "CostPremium")
  public record CostPremium(
      @Schema(description = "The cheapest eligible option") Option comparedTo,
      @Schema(description = "How much more the recommended option costs a month", example = "3000")
          BigDecimal monthlyUsd) {}

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
