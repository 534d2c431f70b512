package org.llmstrategy.recommend;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.llmstrategy.facts.Option;

/** The build / buy / fine-tune verdict of the decision matrix. */
@Schema(name = "Deployment")
public record DeploymentAdvice(
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
        List<Conflict> conflicts) {

  /** How one option fared. */
  @Schema(name = "OptionAssessment")
  public record OptionAssessment(
      Option option,
      @Schema(description = "True when no rule blocks the option") boolean eligible,
      @Schema(description = "Sum of the preferences the option collected") int score,
      List<String> reasons,
      List<String> blockers) {}

  /** Why an option is excluded, when nothing is feasible. */
  @Schema(name = "Conflict")
  public record Conflict(Option option, List<Exclusion> excludedBy) {}

  /** One rule that excluded an option: its reason and what would lift it. */
  @Schema(name = "Exclusion")
  public record Exclusion(
      @Schema(description = "The rule that blocks the option") String rule,
      @Schema(description = "The submitted request fields the rule tests") List<String> constraints,
      @Schema(description = "Why, in the article's words") String because,
      @Schema(description = "What would have to change for this rule to stop blocking")
          String change) {}
}
